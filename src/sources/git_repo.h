// The libgit2 adapter of kb: owning handles, opening/cloning/fetching a
// repository, resolving a branch, and reading trees, blobs and commits.
// libgit2 appears only in src/sources/git_*.cpp.
//
// Thread-safety: a GitRepo (one git_repository) must be used by one thread at
// a time; different GitRepo objects over the same repository may be used from
// different threads (libgit2 reads the object database concurrently).
// Every function returns a Status/Result; nothing throws.
#pragma once

#include <git2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kb/core/status.h"
#include "kb/sources/article_sources.h"
#include "kb/sources/git_articles.h"

namespace kb::git {

// git_libgit2_init()/shutdown() for the lifetime of an object (reference counted
// by libgit2 itself, so any number may exist at once).
class LibGit2 {
 public:
  LibGit2() { git_libgit2_init(); }
  ~LibGit2() { git_libgit2_shutdown(); }
  LibGit2(const LibGit2&) = delete;
  LibGit2& operator=(const LibGit2&) = delete;
};

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Freer<T, Free>>;

using RepoHandle = Handle<git_repository, git_repository_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;
using WalkHandle = Handle<git_revwalk, git_revwalk_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using RemoteHandle = Handle<git_remote, git_remote_free>;
using TreeEntryHandle = Handle<git_tree_entry, git_tree_entry_free>;

// "what: <libgit2's last error message>".
std::string LastError(const std::string& what);
std::string OidHex(const git_oid& oid);

// True for "scheme://..." and scp-like "user@host:path"; false for a local path.
bool IsRemoteUrl(const std::string& repo);

// One commit as kb reports it (kb/git_articles.h).
GitCommitInfo CommitInfoOf(const git_commit* commit);

// The tree of `commit`; Corruption "<what>: <libgit2's error>" when it cannot be read.
Result<TreeHandle> TreeOf(const git_commit* commit, const std::string& what);
// The id of the blob at `path` in `tree`; nullopt (libgit2's error cleared)
// when there is nothing there or not a file.
std::optional<git_oid> BlobIdAt(const git_tree* tree, const std::string& path);
// The content of `blob`, valid as long as the blob is.
std::string_view BlobBytes(const git_blob* blob);

// An opened repository: a local path as it is, or the cache clone of a URL.
class GitRepo {
 public:
  // Opens `options.repo` (local) or the clone in options.cache_dir (URL),
  // cloning it first when the cache is empty. Does not fetch an existing clone.
  static Result<std::unique_ptr<GitRepo>> Open(const GitSourceOptions& options);

  // URL mode: fetches origin's branches (no-op for a local repository).
  Status Fetch();
  // The commit a branch (or tag, or sha) names. URL mode prefers origin's
  // branch ("refs/remotes/origin/<ref>") so fetched commits are seen.
  Result<CommitHandle> ResolveCommit(const std::string& ref);
  // The blob `id`; Corruption "<what>: <libgit2's error>" when it cannot be read.
  Result<BlobHandle> LookupBlob(const git_oid& id, const std::string& what);
  // The blob at `path` in `tree`; NotFound when there is none.
  Result<BlobHandle> BlobAt(const git_tree* tree, const std::string& path);

  git_repository* get() const { return repo_.get(); }
  bool remote() const { return remote_; }

 private:
  LibGit2 lib_;
  RepoHandle repo_;
  bool remote_ = false;
};

// Paths (relative, '/' separated) whose blobs differ between `commit` and its
// parents: for a merge, only paths that differ from every parent (what the
// merge itself changed). Appends to `paths`.
Status ChangedPaths(git_repository* repo, const git_commit* commit,
                    std::vector<std::string>* paths);
// Paths that differ between the trees of two commits (old and new names).
Status ChangedPathsBetween(git_repository* repo, const git_commit* from, const git_commit* to,
                           std::set<std::string>* paths);

}  // namespace kb::git
