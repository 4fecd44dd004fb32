// One article's history and its version on a ref. See kb/git_articles.h.
#include "kb/sources/git_articles.h"

#include <map>
#include <optional>

#include "git_repo.h"
#include "kb/articles/article_names.h"
#include "kb/sources/article_sources.h"

namespace kb {
namespace {

struct OidLess {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_cmp(&a, &b) < 0; }
};

// The blob ids at one path, by commit. The walk needs a commit's blob first
// as a child's parent ("theirs"), then as the walked commit ("mine"): each is
// looked up once, and forgotten once the walk has passed the commit.
class BlobsAtPath {
 public:
  BlobsAtPath(git_repository* repo, const std::string& path) : repo_(repo), path_(path) {}

  // True when `commit` itself changed the path: it differs from every parent
  // (for a merge, a change that came from one side is that side's commit).
  bool Touches(const git_commit* commit) {
    const std::optional<git_oid> mine = Take(commit);
    const unsigned parents = git_commit_parentcount(commit);
    if (parents == 0) return mine.has_value();
    for (unsigned i = 0; i < parents; ++i) {
      const std::optional<git_oid>* theirs = Parent(commit, i);
      if (!theirs) return false;
      if (mine.has_value() == theirs->has_value() && (!mine || git_oid_equal(&*mine, &**theirs)))
        return false;
    }
    return true;
  }

 private:
  // The blob id at the path in `commit`'s tree; nullopt when there is no file.
  std::optional<git_oid> Lookup(const git_commit* commit) const {
    auto tree = git::TreeOf(commit, "commit tree");
    if (!tree.ok()) return std::nullopt;
    return git::BlobIdAt(tree->get(), path_);
  }

  // The walked commit's blob. Topological order walks every child of a
  // commit before it, so nothing asks for it again.
  std::optional<git_oid> Take(const git_commit* commit) {
    auto it = by_commit_.find(*git_commit_id(commit));
    if (it == by_commit_.end()) return Lookup(commit);
    const std::optional<git_oid> blob = it->second;
    by_commit_.erase(it);
    return blob;
  }

  // Parent `i`'s blob, kept until the walk reaches the parent; null when the
  // parent cannot be read.
  const std::optional<git_oid>* Parent(const git_commit* commit, unsigned i) {
    const git_oid* id = git_commit_parent_id(commit, i);
    if (id == nullptr) return nullptr;
    if (auto it = by_commit_.find(*id); it != by_commit_.end()) return &it->second;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo_, id) != 0) return nullptr;
    git::CommitHandle parent(raw);
    return &by_commit_.emplace(*id, Lookup(parent.get())).first->second;
  }

  git_repository* repo_;
  std::string path_;
  std::map<git_oid, std::optional<git_oid>, OidLess> by_commit_;
};

Result<std::vector<GitCommitInfo>> History(git::GitRepo& repo, const git_commit* head,
                                           const std::string& path, size_t limit) {
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo.get()) != 0) return Status::Internal(git::LastError("revwalk"));
  git::WalkHandle walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_revwalk_push(walk.get(), git_commit_id(head));
  BlobsAtPath blobs(repo.get(), path);
  std::vector<GitCommitInfo> commits;
  git_oid oid;
  while (commits.size() < limit && git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo.get(), &oid) != 0)
      return Status::Corruption(git::LastError("commit"));
    git::CommitHandle commit(c);
    if (blobs.Touches(commit.get())) commits.push_back(git::CommitInfoOf(commit.get()));
  }
  git_error_clear();
  return commits;
}

}  // namespace

Result<std::vector<GitCommitInfo>> GitArticleHistory(const GitSourceOptions& options,
                                                     const std::string& ref, const std::string& id,
                                                     size_t limit) {
  if (IsHiddenPath(id)) return Status::NotFound("no article '" + id + "'");
  auto repo = git::GitRepo::Open(options);
  if (!repo.ok()) return repo.status();
  auto head = (*repo)->ResolveCommit(ref);
  if (!head.ok()) return head.status();
  auto commits = History(**repo, head->get(), id + std::string(kArticleExtension), limit);
  if (commits.ok() && commits->empty())
    return Status::NotFound("no commit changed article '" + id + "'");
  return commits;
}

Result<GitArticleVersion> ReadGitArticle(const GitSourceOptions& options, const std::string& ref,
                                         const std::string& id) {
  if (IsHiddenPath(id)) return Status::NotFound("no article '" + id + "'");
  auto repo = git::GitRepo::Open(options);
  if (!repo.ok()) return repo.status();
  auto head = (*repo)->ResolveCommit(ref);
  if (!head.ok()) return head.status();
  GitArticleVersion version;
  version.path = id + std::string(kArticleExtension);
  version.commit = git::OidHex(*git_commit_id(head->get()));
  auto tree = git::TreeOf(head->get(), "tree");
  if (!tree.ok()) return tree.status();
  auto blob = (*repo)->BlobAt(tree->get(), version.path);
  if (!blob.ok()) return Status::NotFound("no article '" + id + "' on " + ref);
  const std::string_view content = git::BlobBytes(blob->get());
  if (static_cast<int64_t>(content.size()) > kMaxArticleBytes)
    return Status::TooLarge("article too large");
  version.bytes.assign(content);
  auto last = History(**repo, head->get(), version.path, 1);
  if (last.ok() && !last->empty()) version.last = last->front();
  return version;
}

}  // namespace kb
