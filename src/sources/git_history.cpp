// GitSource's history walk: the last commit that changed each article file,
// walked once per List() (incrementally after the first). See git_source.h.
#include "git_source.h"

namespace kb {

Status GitSource::UpdateHistory(const git_commit* head, const std::set<std::string>& needed,
                                OtherPaths others) {
  const git_oid* head_oid = git_commit_id(head);
  const std::string head_sha = git::OidHex(*head_oid);
  if (head_sha == history_head_) return Status::OK();

  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo_->get()) != 0) return Status::Internal(git::LastError("revwalk"));
  git::WalkHandle walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_revwalk_push(walk.get(), head_oid) != 0)
    return Status::Corruption(git::LastError("revwalk"));

  // Only the new commits when the previous head is an ancestor (a normal push).
  bool incremental = false;
  git_oid old;
  if (!history_head_.empty() && git_oid_fromstr(&old, history_head_.c_str()) == 0 &&
      git_graph_descendant_of(repo_->get(), head_oid, &old) == 1) {
    incremental = git_revwalk_hide(walk.get(), &old) == 0;
  }
  git_error_clear();
  if (Status s = WalkHistory(walk.get(), incremental, needed); !s.ok()) return s;

  // A path the incremental walk could not place (should not happen) needs the full walk.
  for (const std::string& path : needed) {
    if (changes_.count(path)) continue;
    if (!incremental) break;
    history_head_.clear();
    // Keeping the other paths' history is only possible incrementally: let
    // the caller fall back to a full listing.
    if (others == OtherPaths::kKeep) return Status::Corruption("history of " + path + " not found");
    return UpdateHistory(head, needed, others);
  }
  // Forget files that are gone, so memory follows the tree.
  if (others == OtherPaths::kForget) {
    for (auto it = changes_.begin(); it != changes_.end();)
      it = needed.count(it->first) ? std::next(it) : changes_.erase(it);
  }
  history_head_ = head_sha;
  return Status::OK();
}

Status GitSource::WalkHistory(git_revwalk* walk, bool incremental,
                              const std::set<std::string>& needed) {
  std::vector<git_oid> commits;
  git_oid oid;
  if (incremental) {
    while (git_revwalk_next(&oid, walk) == 0) commits.push_back(oid);
  } else {
    changes_.clear();
    max_order_ = 0;
  }
  // Newest first: the first commit that changes a path is its last change.
  std::set<std::string> placed;
  size_t remaining = needed.size();
  const int64_t base = max_order_ + static_cast<int64_t>(commits.size());
  for (int64_t i = 0;; ++i) {
    if (incremental) {
      if (static_cast<size_t>(i) >= commits.size()) break;
      oid = commits[static_cast<size_t>(i)];
    } else if (remaining == 0 || git_revwalk_next(&oid, walk) != 0) {
      break;
    }
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_->get(), &oid) != 0)
      return Status::Corruption(git::LastError("commit " + git::OidHex(oid)));
    git::CommitHandle commit(raw);
    std::vector<std::string> paths;
    if (Status s = git::ChangedPaths(repo_->get(), commit.get(), &paths); !s.ok()) return s;
    const GitCommitInfo info = git::CommitInfoOf(commit.get());
    for (const std::string& path : paths) {
      if (!needed.count(path) || !placed.insert(path).second) continue;
      changes_[path] = {info, base - i};
      --remaining;
    }
  }
  if (incremental) max_order_ = base;
  git_error_clear();
  return Status::OK();
}

}  // namespace kb
