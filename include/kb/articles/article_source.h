// kb::ArticleSource: the interface every source of articles implements (a
// folder and a git branch, in the sources part) and publishing reads (the
// index part), so neither depends on the other.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kb/articles/article.h"
#include "kb/articles/diagnostics.h"
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
    // A folder's ArticleFile::stamp: the bytes are those published with the
    // same stamp, so an unchanged article is not read either. Empty when unknown.
    std::string file_stamp;
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

}  // namespace kb
