// kb::Publish: builds or updates the search index from a source of articles.
//
// Publishing is incremental and atomic (../shared/SCALE.md): every listed
// article is fingerprinted by its content; only new or changed ones are parsed
// and analysed, deleted ones are removed, and everything is validated BEFORE
// the first write. Then all changes go to the one writable Xapian database in
// ONE commit, which readers see atomically. A bad article means no commit at
// all: the live index stays exactly as it was.
//
// A full rebuild (first run, or an index written with another schema version)
// is built under a new, never-reused generation directory beside the live one,
// compacted, and made live by atomically replacing the pointer file
// DB_DIR/CURRENT (write temp, fsync, rename). Readers resolve the index through
// that pointer (see kb/search.h).
//
// Thread-safety: Publish() may be called from one thread/process at a time per
// DB_DIR; Xapian's write lock makes a second concurrent writer fail with IOError.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/article.h"
#include "kb/core/status.h"

namespace kb {

// Where articles come from: a folder, or a git branch. Problems with article
// files (unreadable, duplicate ids, bad names) are returned as Diagnostics
// beside the value, never thrown or printed. Implementations need not be
// thread-safe.
class ArticleSource {
 public:
  struct Entry {
    std::string id;
    std::string path;     // for messages ("articles/he/x.md")
    int64_t updated = 0;  // seconds since the epoch (mtime or commit time)
    // Set by sources that know more (git, docs/git-publishing.md); empty/false otherwise.
    std::string author;     // author of the last commit that changed the file
    bool outdated = false;  // a translation whose source changed in a later commit
    std::string
        content_hash;  // hex SHA-256 of the bytes if known: an unchanged article is not read
  };
  virtual ~ArticleSource() = default;
  // Every usable article candidate, sorted by id, with the problems found
  // (duplicate ids, unreadable folders, a tree that cannot be read).
  virtual Diagnosed<std::vector<Entry>> List() = 0;
  // The bytes of one listed entry; no bytes and one problem (line 0) when it
  // is unreadable, too large or not listed.
  virtual Diagnosed<std::string> Read(const Entry& entry) = 0;
  // A description for the publish record ("folder:/path", "git:<commit>").
  virtual std::string Describe() const = 0;
  // The git commit the last List() read ("" for sources that are not git);
  // Publish records it in the index metadata (kb.git_commit).
  virtual std::string Commit() const { return ""; }

  // What changed since an earlier publish: the entries added or modified,
  // plus entries whose source-derived flags may have changed (translations
  // of a changed article), and the ids that are gone. Lets Publish work in
  // time proportional to the change, not to the size of the help center.
  struct Changes {
    // False when the source cannot tell what changed (no history, an unknown
    // commit, rewritten history): not an error, Publish then lists everything
    // and the other fields are empty.
    bool known = false;
    std::vector<Entry> changed;
    std::vector<std::string> removed;  // article ids
    Diagnostics diagnostics;           // problems with changed files (names, duplicate ids)
    static Changes CannotTell() { return Changes(); }
  };
  // The changes since `since` (a value Commit() returned for an earlier
  // publish). On success, Commit(), Read() and HasArticle() answer for the new
  // state when the changes are known. A non-OK Status when reading the
  // history failed (IOError, Corruption, NotFound for a branch that is gone):
  // the caller fails the publish with it. The default cannot tell.
  virtual Result<Changes> ChangesSince(const std::string& since) {
    (void)since;
    return Changes::CannotTell();
  }
  // After List() or ChangesSince(): whether `id` is one of the source's articles.
  virtual bool HasArticle(const std::string& id) const {
    (void)id;
    return false;
  }
  // The synonyms file (`_synonyms.yml` at the root) and its path for messages.
  struct SynonymsFile {
    std::string path;
    std::string bytes;
  };
  // The source's synonyms file; nullopt when it has none, or when it is
  // unreadable (then with one problem). The default has none.
  virtual Diagnosed<std::optional<SynonymsFile>> ReadSynonyms() { return {}; }
};

// The articles under a folder (CONTRACT §1 naming rules).
std::unique_ptr<ArticleSource> NewFolderSource(const std::string& root);

// Where a git source reads from (docs/git-publishing.md).
struct GitSourceOptions {
  std::string repo;  // a local repository path, or a URL (scheme://... or user@host:path)
  std::string branch = "main";  // articles are read from this branch's committed tree
  std::string cache_dir;        // a URL is cloned (bare) here and fetched; required for URLs
};

// The articles of `options.branch`'s last commit (CONTRACT §1 naming rules,
// ids relative to the repository root), never the working copy. A local path
// is opened as it is (no fetch); a URL is cloned into cache_dir, or fetched if
// already there. `updated` and `author` of each entry come from the last commit
// that changed the file; each List() re-resolves the branch. Not thread-safe.
// InvalidArgument (no repo, URL without cache_dir), NotFound (no repository
// at the path) or IOError (clone/fetch failed).
Result<std::unique_ptr<ArticleSource>> NewGitSource(const GitSourceOptions& options);

struct PublishOptions {
  std::string db_dir;
  // Called now and then during the "reading" phase (every listed article is
  // read and the changed ones validated) and the "indexing" phase (changed
  // articles analysed and written); may be empty.
  std::function<void(std::string_view phase, size_t done, size_t total)> progress;
  bool force_rebuild = false;  // build a new generation even if the schema matches
  // Without it, a publish that would delete more than half of the published
  // articles (and more than five) is refused with InvalidArgument and changes
  // nothing: an empty or wrong folder, or a branch that lost its articles,
  // must not empty the live help center.
  bool allow_mass_delete = false;
};

struct PublishReport {
  size_t added = 0, updated = 0, deleted = 0, unchanged = 0;
  bool incremental_listing = false;  // only the source's changes were looked at (git diff)
  uint64_t sequence = 0;   // publish sequence number now live (unchanged if nothing changed)
  std::string generation;  // generation directory name now live
  bool rebuilt = false;    // true if a new generation was built
  bool committed = false;  // false when there was nothing to change
  Diagnostics errors;      // not ok() => nothing was written
};

// Publishes `source` into options.db_dir. Returns the report; report.errors is
// not ok() (and nothing was written) when any article or the synonyms file is
// malformed or unreadable, or an article changed while it was being published
// (run the publish again). A non-OK Result means nothing was written either:
// InvalidArgument when the publish would delete too much (see
// allow_mass_delete), IOError or Corruption when the index itself could not be
// read or written or the source's history could not be read (ChangesSince).
Result<PublishReport> Publish(ArticleSource& source, const PublishOptions& options);

}  // namespace kb
