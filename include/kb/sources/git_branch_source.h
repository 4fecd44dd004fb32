// kb::GitBranchSource: the articles of a git branch's committed tree (see
// NewGitSource in kb/sources/article_sources.h) with what publishing and the linter need
// beyond an ArticleSource: fetching, the branch's commit now, which files the
// tree has and which translations are outdated. libgit2 stays inside the
// sources part.
//
// Not thread-safe: one thread (the publisher, or the linter) owns a source.
#pragma once

#include <memory>
#include <string>

#include "kb/core/status.h"
#include "kb/sources/article_sources.h"

namespace kb {

class GitBranchSource : public ArticleSource {
 public:
  // URL mode: fetches from origin (no-op for a local repository). IOError
  // when the fetch fails.
  virtual Status Fetch() = 0;
  // The commit the branch names right now (after any Fetch), without
  // listing; NotFound when the branch does not exist.
  virtual Result<std::string> BranchCommit() = 0;
  // After List(): true when `path` (relative to the root) is a file in the tree.
  virtual bool FileExists(const std::string& path) = 0;
  // After List(): why article `id` is an outdated translation ("" when it is not).
  virtual std::string OutdatedReason(const std::string& id) const = 0;
  virtual const GitSourceOptions& options() const = 0;
};

// Opens (or clones) the repository; failures as NewGitSource.
Result<std::unique_ptr<GitBranchSource>> OpenGitBranchSource(const GitSourceOptions& options);

}  // namespace kb
