// One article's history and its version on a ref. See kb/git_articles.h.
#include "kb/git_articles.h"

#include "sources/git_repo.h"

namespace kb {
namespace {

// The blob id at `path` in `commit`'s tree; false when there is no file.
bool BlobIdAt(const git_commit* commit, const std::string& path, git_oid* out) {
  auto tree = git::TreeOf(commit, "commit tree");
  if (!tree.ok()) return false;
  const std::optional<git_oid> id = git::BlobIdAt(tree->get(), path);
  if (id) *out = *id;
  return id.has_value();
}

// True when `commit` itself changed `path`: it differs from every parent
// (for a merge, a change that came from one side is that side's commit).
bool Touches(const git_commit* commit, const std::string& path) {
  git_oid mine, theirs;
  const bool has = BlobIdAt(commit, path, &mine);
  const unsigned parents = git_commit_parentcount(commit);
  if (parents == 0) return has;
  for (unsigned i = 0; i < parents; ++i) {
    git_commit* raw = nullptr;
    if (git_commit_parent(&raw, commit, i) != 0) return false;
    git::CommitHandle parent(raw);
    const bool parent_has = BlobIdAt(parent.get(), path, &theirs);
    if (has == parent_has && (!has || git_oid_equal(&mine, &theirs))) return false;
  }
  return true;
}

bool IsHiddenPath(const std::string& id) {
  size_t start = 0;
  while (start <= id.size()) {
    const size_t end = id.find('/', start);
    const std::string part = id.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.empty() || part[0] == '_' || part[0] == '.') return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

Result<std::vector<GitCommitInfo>> History(git::GitRepo& repo, const git_commit* head,
                                           const std::string& path, size_t limit) {
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo.get()) != 0) return Status::Internal(git::LastError("revwalk"));
  git::WalkHandle walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  git_revwalk_push(walk.get(), git_commit_id(head));
  std::vector<GitCommitInfo> commits;
  git_oid oid;
  while (commits.size() < limit && git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* c = nullptr;
    if (git_commit_lookup(&c, repo.get(), &oid) != 0) return Status::Corruption(git::LastError("commit"));
    git::CommitHandle commit(c);
    if (Touches(commit.get(), path)) commits.push_back(git::CommitInfoOf(commit.get()));
  }
  git_error_clear();
  return commits;
}

}  // namespace

Result<std::vector<GitCommitInfo>> GitArticleHistory(const GitSourceOptions& options,
                                                     const std::string& ref,
                                                     const std::string& id, size_t limit) {
  if (IsHiddenPath(id)) return Status::NotFound("no article '" + id + "'");
  auto repo = git::GitRepo::Open(options);
  if (!repo.ok()) return repo.status();
  auto head = (*repo)->ResolveCommit(ref);
  if (!head.ok()) return head.status();
  auto commits = History(**repo, head->get(), id + ".md", limit);
  if (commits.ok() && commits->empty()) return Status::NotFound("no commit changed article '" + id + "'");
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
  version.path = id + ".md";
  version.commit = git::OidHex(*git_commit_id(head->get()));
  auto tree = git::TreeOf(head->get(), "tree");
  if (!tree.ok()) return tree.status();
  auto blob = (*repo)->BlobAt(tree->get(), version.path);
  if (!blob.ok()) return Status::NotFound("no article '" + id + "' on " + ref);
  const std::string_view content = git::BlobBytes(blob->get());
  if (static_cast<int64_t>(content.size()) > kMaxArticleBytes) return Status::TooLarge("article too large");
  version.bytes.assign(content);
  auto last = History(**repo, head->get(), version.path, 1);
  if (last.ok() && !last->empty()) version.last = last->front();
  return version;
}

}  // namespace kb
