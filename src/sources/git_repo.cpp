// GitRepo: opening, cloning and fetching with libgit2. See git_repo.h.
#include "git_repo.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "kb/sources/article_sources.h"

namespace kb::git {
namespace fs = std::filesystem;

std::string LastError(const std::string& what) {
  const git_error* e = git_error_last();
  return what + ": " + (e && e->message ? e->message : "unknown libgit2 error");
}

std::string OidHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

bool IsRemoteUrl(const std::string& repo) {
  if (repo.find("://") != std::string::npos) return true;
  // scp-like "git@host:org/repo.git": a '@' and a ':' before any '/'.
  const size_t colon = repo.find(':');
  const size_t slash = repo.find('/');
  return repo.find('@') < colon && colon != std::string::npos && colon < slash;
}

GitCommitInfo CommitInfoOf(const git_commit* commit) {
  GitCommitInfo info;
  info.sha = OidHex(*git_commit_id(commit));
  if (const git_signature* author = git_commit_author(commit)) {
    info.author = author->name ? author->name : "";
    info.email = author->email ? author->email : "";
  }
  const char* summary = git_commit_summary(const_cast<git_commit*>(commit));
  info.message = summary ? summary : "";
  info.time = static_cast<int64_t>(git_commit_time(commit));
  return info;
}

Result<TreeHandle> TreeOf(const git_commit* commit, const std::string& what) {
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit) != 0) return Status::Corruption(LastError(what));
  return TreeHandle(tree);
}

std::optional<git_oid> BlobIdAt(const git_tree* tree, const std::string& path) {
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, tree, path.c_str()) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  TreeEntryHandle entry(raw);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
  return *git_tree_entry_id(entry.get());
}

std::string_view BlobBytes(const git_blob* blob) {
  return {static_cast<const char*>(git_blob_rawcontent(blob)),
          static_cast<size_t>(git_blob_rawsize(blob))};
}

namespace {

// Opens the cache clone of `url`, cloning it when the cache is missing or empty.
Result<RepoHandle> OpenCache(const std::string& url, const std::string& cache_dir) {
  std::error_code ec;
  git_repository* raw = nullptr;
  if (fs::exists(cache_dir, ec) && !fs::is_empty(cache_dir, ec)) {
    if (git_repository_open_bare(&raw, cache_dir.c_str()) != 0)
      return Status::InvalidArgument(LastError("git cache " + cache_dir + " is not a clone"));
    RepoHandle repo(raw);
    git_remote* remote = nullptr;
    if (git_remote_lookup(&remote, repo.get(), "origin") != 0)
      return Status::InvalidArgument(LastError("git cache " + cache_dir + " has no origin"));
    RemoteHandle origin(remote);
    if (url != git_remote_url(origin.get()))
      return Status::InvalidArgument("git cache " + cache_dir + " holds a clone of " +
                                     git_remote_url(origin.get()) + ", not " + url);
    return repo;
  }
  git_clone_options options = GIT_CLONE_OPTIONS_INIT;
  options.bare = 1;
  if (git_clone(&raw, url.c_str(), cache_dir.c_str(), &options) != 0)
    return Status::IOError(LastError("cannot clone " + url));
  return RepoHandle(raw);
}

// Paths that differ between `old_tree` (may be null: everything is new) and `tree`.
Status DiffPaths(git_repository* repo, const git_tree* old_tree, const git_tree* tree,
                 std::set<std::string>* paths) {
  git_diff* raw = nullptr;
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  if (git_diff_tree_to_tree(&raw, repo, const_cast<git_tree*>(old_tree),
                            const_cast<git_tree*>(tree), &options) != 0)
    return Status::Corruption(LastError("diff"));
  DiffHandle diff(raw);
  const size_t n = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->old_file.path) paths->insert(delta->old_file.path);
    if (delta->new_file.path) paths->insert(delta->new_file.path);
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<GitRepo>> GitRepo::Open(const GitSourceOptions& options) {
  auto repo = std::make_unique<GitRepo>();
  if (options.repo.empty()) return Status::InvalidArgument("no git repository given");
  repo->remote_ = IsRemoteUrl(options.repo);
  if (repo->remote_) {
    if (options.cache_dir.empty())
      return Status::InvalidArgument("a repository URL needs a cache directory");
    auto cache = OpenCache(options.repo, options.cache_dir);
    if (!cache.ok()) return cache.status();
    repo->repo_ = std::move(*cache);
    return repo;
  }
  git_repository* raw = nullptr;
  // No search upwards: the path given must be the repository (or its .git).
  if (git_repository_open_ext(&raw, options.repo.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) !=
      0)
    return Status::NotFound(LastError("no git repository at " + options.repo));
  repo->repo_.reset(raw);
  return repo;
}

Status GitRepo::Fetch() {
  if (!remote_) return Status::OK();
  git_remote* raw = nullptr;
  if (git_remote_lookup(&raw, repo_.get(), "origin") != 0)
    return Status::IOError(LastError("no remote origin"));
  RemoteHandle origin(raw);
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
  options.prune = GIT_FETCH_PRUNE;
  if (git_remote_fetch(origin.get(), nullptr, &options, "kb fetch") != 0)
    return Status::IOError(LastError(std::string("cannot fetch ") + git_remote_url(origin.get())));
  return Status::OK();
}

Result<CommitHandle> GitRepo::ResolveCommit(const std::string& ref) {
  if (ref.empty() || ref[0] == '-') return Status::InvalidArgument("bad git ref '" + ref + "'");
  std::vector<std::string> candidates;
  if (remote_) candidates.push_back("refs/remotes/origin/" + ref);
  candidates.push_back("refs/heads/" + ref);
  candidates.push_back(ref);
  for (const std::string& name : candidates) {
    git_object* raw = nullptr;
    if (git_revparse_single(&raw, repo_.get(), name.c_str()) != 0) continue;
    ObjectHandle object(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) continue;
    return CommitHandle(reinterpret_cast<git_commit*>(peeled));
  }
  git_error_clear();
  return Status::NotFound("no branch or commit '" + ref + "' in the repository");
}

Result<BlobHandle> GitRepo::LookupBlob(const git_oid& id, const std::string& what) {
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo_.get(), &id) != 0) return Status::Corruption(LastError(what));
  return BlobHandle(blob);
}

Result<BlobHandle> GitRepo::BlobAt(const git_tree* tree, const std::string& path) {
  const std::optional<git_oid> id = BlobIdAt(tree, path);
  if (!id) return Status::NotFound("no file " + path);
  return LookupBlob(*id, "cannot read " + path);
}

Status ChangedPaths(git_repository* repo, const git_commit* commit,
                    std::vector<std::string>* paths) {
  auto tree = TreeOf(commit, "commit tree");
  if (!tree.ok()) return tree.status();
  const unsigned parents = git_commit_parentcount(commit);
  if (parents == 0) {
    std::set<std::string> all;
    if (Status s = DiffPaths(repo, nullptr, tree->get(), &all); !s.ok()) return s;
    paths->insert(paths->end(), all.begin(), all.end());
    return Status::OK();
  }
  std::set<std::string> common;
  for (unsigned i = 0; i < parents; ++i) {
    git_commit* raw = nullptr;
    if (git_commit_parent(&raw, commit, i) != 0) return Status::Corruption(LastError("parent"));
    CommitHandle parent(raw);
    auto parent_tree = TreeOf(parent.get(), "commit tree");
    if (!parent_tree.ok()) return parent_tree.status();
    std::set<std::string> changed;
    if (Status s = DiffPaths(repo, parent_tree->get(), tree->get(), &changed); !s.ok()) return s;
    if (i == 0) {
      common = std::move(changed);
    } else {
      std::set<std::string> both;
      std::set_intersection(common.begin(), common.end(), changed.begin(), changed.end(),
                            std::inserter(both, both.end()));
      common = std::move(both);
    }
    if (common.empty()) break;
  }
  paths->insert(paths->end(), common.begin(), common.end());
  return Status::OK();
}

Status ChangedPathsBetween(git_repository* repo, const git_commit* from, const git_commit* to,
                           std::set<std::string>* paths) {
  auto from_tree = TreeOf(from, "commit tree");
  if (!from_tree.ok()) return from_tree.status();
  auto to_tree = TreeOf(to, "commit tree");
  if (!to_tree.ok()) return to_tree.status();
  return DiffPaths(repo, from_tree->get(), to_tree->get(), paths);
}

}  // namespace kb::git
