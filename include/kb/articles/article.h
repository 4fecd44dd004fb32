// kb::Article, parsing it and finding article files: help articles as
// CONTRACT.md §1 defines them.
//
// An Article is a plain value: front matter fields, the Markdown body rendered
// to safe HTML, and the plain text extracted for indexing. Loading is pure
// (no global state); every function here is safe to call from several threads
// at once on different inputs. Problems with article files are returned as
// kb::Diagnostics ("path:line: message" lines, kb/articles/diagnostics.h),
// never thrown or printed.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/diagnostics.h"

namespace kb {

enum class Audience { kPublic, kInternal };
const char* AudienceName(Audience audience);  // "public" | "internal"

// One section of the body: the heading above it (empty for the text before
// the first heading) and its plain text. Headings are kept as structure so the
// indexer can weight them above body text. The lead section (level 0) is only
// present when there is text before the first heading.
struct Section {
  int heading_level = 0;  // 1..6, 0 for the lead section without heading
  std::string heading;    // plain text of the heading
  std::string text;       // plain text of the paragraphs, lists, code... under it
};

struct Article {
  std::string id;    // path below the root without ".md", '/' separated
  std::string path;  // path as given to the loader (for messages)
  std::string title;
  std::string lang;      // BCP-47 primary tag, lower case
  std::string category;  // front matter, or the parent folder's name
  std::vector<std::string> tags;
  Audience audience = Audience::kPublic;
  bool faq = false;
  bool draft = false;
  int order = 0;                // optional front matter `order` (FAQ ordering); 0 = unset
  std::string translation_of;   // article id or empty
  int translation_of_line = 0;  // file line of the `translation_of` key (for messages), 0 if absent
  std::string html;             // rendered body; raw HTML in the Markdown is not passed through
  std::vector<Section> sections;  // plain text, in document order
  int64_t updated = 0;            // seconds since the epoch (file mtime in folder mode)
  std::string content_hash;  // set by Publish: hex SHA-256 of the file bytes (+ source flags), so
                             // unchanged files are not re-analysed; ParseArticle leaves it empty
  std::string author;     // git mode: author of the last commit that changed the file, else empty
  bool outdated = false;  // git mode: a translation whose source changed in a later commit

  // All plain text of the body (sections joined by blank lines).
  std::string PlainText() const;
};

// Parses one article file. `id` and `path` are as ArticleFile gives them;
// `bytes` is the file content. On success returns the article with ok()
// diagnostics; on failure one or more problems (no front matter, bad YAML,
// missing/empty title or lang, bad lang tag, unknown audience, unknown keys,
// wrongly typed fields, invalid UTF-8 — each with its line) and a value that
// must not be used. `lang` accepts a full BCP-47 tag ("pt-BR") but keeps only
// its primary subtag, lower-cased ("pt"). `updated`, `author`, `outdated` and
// `content_hash` are left unset (the caller knows them).
Diagnosed<Article> ParseArticle(std::string_view id, std::string_view path, std::string_view bytes);

// One problem (on the `translation_of` line) when `article` names itself or
// an id that is not in `ids` (every article id of the source, parsed or not,
// so a broken target is reported once, as itself); ok() otherwise.
Diagnostics CheckTranslationOf(const Article& article, const std::set<std::string>& ids);
// The same with a predicate: `is_article(id)` tells whether an article exists.
Diagnostics CheckTranslationOf(const Article& article,
                               const std::function<bool(const std::string&)>& is_article);

// A candidate article file found under an articles root.
struct ArticleFile {
  std::string id;     // e.g. "he/account/reset-password"
  std::string path;   // root-joined path, used to read it and in messages
  int64_t mtime = 0;  // seconds since the epoch
  // What stat() says of the file: device, inode, size, modification and
  // change times (ns). Empty when the file last changed after the listing's
  // `settled_before`: a file written twice within one tick of the clock keeps
  // its stamp, so only a settled file's stamp may stand for its bytes (git's
  // "racily clean" rule). Publish compares it instead of reading the file.
  std::string stamp;
};

// How long after its last change a file counts as settled (gets a stamp) by
// default: three seconds, file systems with 2-second timestamps (FAT) and the
// kernel's change clock lagging the real one by a tick included.
inline constexpr std::chrono::seconds kFileSettleTime{3};

// Lists every article file under `root`: regular files ending in ".md", skipping
// files and folders whose name starts with '_' or '.'. Returns the files that
// are usable, sorted by id, with the problems found (unreadable folders, ids
// that collide after Unicode case folding and NFC).
// Symlinked directories are never followed; a symlinked file is listed when
// it resolves to a regular file under the root, otherwise it is skipped with
// an error. A root that is missing or not a directory is one error with line 0.
// Of two ids that collide, the later one (in id order) is reported and dropped.
// `settled_before` (ns since the epoch) is when a file's last change must lie
// before for it to get a stamp; by default kFileSettleTime before the listing.
Diagnosed<std::vector<ArticleFile>> ListArticleFiles(const std::string& root);
Diagnosed<std::vector<ArticleFile>> ListArticleFiles(const std::string& root,
                                                     int64_t settled_before);

// Largest article file ReadArticleFile accepts.
constexpr int64_t kMaxArticleBytes = 4 * 1024 * 1024;

// Reads one listed file. Returns its bytes on success; on failure one problem
// with line 0, "cannot read file: <strerror>" or "article too large (N bytes,
// limit 4 MiB)", and no bytes.
Diagnosed<std::string> ReadArticleFile(const ArticleFile& file);

}  // namespace kb
