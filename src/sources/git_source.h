// GitSource: the ArticleSource over a branch's committed tree (kb/sources/article_sources.h
// NewGitSource), with what git knows about each article: its last commit
// (updated, author) and whether it is an outdated translation.
//
// History is walked once per List(): the first time back from the branch
// head until every article's last change is found, afterwards only over the
// commits added since the previous List() (a force-push walks again from
// scratch). Blob facts (SHA-256, translation_of) are cached by blob id, so
// an unchanged article is neither read nor hashed again.
//
// Not thread-safe: one thread (the publisher) owns a GitSource.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "git_repo.h"
#include "kb/sources/article_sources.h"
#include "kb/sources/git_branch_source.h"

namespace kb {

class GitSource : public GitBranchSource {
 public:
  // See NewGitSource (kb/sources/article_sources.h) for the failures.
  static Result<std::unique_ptr<GitSource>> Open(const GitSourceOptions& options);

  Diagnosed<std::vector<Entry>> List() override;
  Diagnosed<std::string> Read(const Entry& entry) override;
  std::string Describe() const override;
  std::string Commit() const override { return commit_sha_; }
  // Diff of the published commit's tree against the branch's: only changed
  // articles (and translations of changed articles, whose outdated flag may
  // flip) are looked at. Cannot tell (Changes::known false) when `since` is
  // not what this source listed last, or no longer an ancestor of the branch
  // (a force-push); a Status when git fails to resolve, diff or walk.
  Result<Changes> ChangesSince(const std::string& since) override;
  bool HasArticle(const std::string& id) const override { return listed_.count(id) > 0; }
  // `_synonyms.yml` at the root of the tree the last List() read.
  Diagnosed<std::optional<SynonymsFile>> ReadSynonyms() override;

  // URL mode: fetches from origin (no-op for a local repository).
  Status Fetch() override { return repo_->Fetch(); }
  // The commit the branch names right now (after any Fetch), without listing.
  Result<std::string> BranchCommit() override;

  // After List(): true when `path` (relative to the root) is a file in the tree.
  bool FileExists(const std::string& path) override;
  // After List(): why article `id` is outdated ("" when it is not).
  std::string OutdatedReason(const std::string& id) const override;
  const GitSourceOptions& options() const override { return options_; }

 private:
  struct Listed {
    std::string path;
    git_oid blob;
  };
  struct BlobFacts {
    std::string sha256;
    std::string translation_of;
  };
  struct LastChange {
    GitCommitInfo commit;
    int64_t order = 0;  // larger = later in history
  };

  GitSource(GitSourceOptions options, std::unique_ptr<git::GitRepo> repo)
      : options_(std::move(options)), repo_(std::move(repo)) {}

  Diagnostics ListTree();
  // ArticleIdKey(id), computed once per id (cached in id_keys_).
  const std::string& IdKey(const std::string& id);
  // What to do with the history of paths not in `needed`.
  enum class OtherPaths { kForget, kKeep };
  Status UpdateHistory(const git_commit* head, const std::set<std::string>& needed,
                       OtherPaths others = OtherPaths::kForget);
  Diagnosed<Entry> MakeEntry(const std::string& id, const Listed& listed);
  void CheckOutdated(Entry* entry);
  void IndexTranslations();
  // Records in source_of_ and translations_ that `id` translates `source_id`
  // ("" for none), replacing what was recorded for `id`; Forget drops it.
  void SetSourceOf(const std::string& id, const std::string& source_id);
  void ForgetSourceOf(const std::string& id);
  Status WalkHistory(git_revwalk* walk, bool incremental, const std::set<std::string>& needed);
  // The (cached) facts of a listed blob; empty facts and a problem when it is
  // unreadable (cached too: the problem is reported once).
  Diagnosed<BlobFacts> FactsFor(const Listed& listed);
  // ChangesSince, step 1: the listing updated for the article `paths` a diff
  // names, as they are in `tree`.
  struct AppliedDiff {
    std::vector<std::string> removed;                  // ids gone
    std::set<std::string> changed_ids, changed_paths;  // added or modified
    Diagnostics diagnostics;                           // bad names, duplicate ids
  };
  AppliedDiff ApplyDiff(const std::set<std::string>& paths, const git_tree* tree);
  // Step 2 (after the history update): the entries of the changed articles and
  // of their translations, whose outdated flag may flip.
  Diagnosed<std::vector<Entry>> ChangedEntries(const std::set<std::string>& changed_ids);
  void MarkOutdated(std::vector<Entry>* entries);

  GitSourceOptions options_;
  std::unique_ptr<git::GitRepo> repo_;
  git::CommitHandle commit_;
  git::TreeHandle tree_;
  std::string commit_sha_;
  std::map<std::string, Listed> listed_;                  // by article id
  std::unordered_map<std::string, BlobFacts> blobs_;      // by blob id (hex)
  std::unordered_map<std::string, LastChange> changes_;   // by path
  std::map<std::string, std::string> outdated_;           // id -> reason
  std::unordered_map<std::string, std::string> id_keys_;  // id -> ArticleIdKey(id)
  std::map<std::string, std::string> ids_by_key_;         // ArticleIdKey -> id (duplicate checks)
  std::map<std::string, std::set<std::string>> translations_;  // source id -> ids translating it
  std::unordered_map<std::string, std::string> source_of_;  // id -> its translation_of ("" if none)
  std::string history_head_;                                // commit `changes_` is valid for
  int64_t max_order_ = 0;
};

}  // namespace kb
