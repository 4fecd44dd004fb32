// Reading one article's git history and its version on any branch, for the
// agents' history and preview endpoints (docs/git-publishing.md).
//
// Each call opens its own handle on the repository (the local path, or the
// cache clone of a URL; neither fetched nor cloned here), so calls are
// thread-safe and may run while the publisher writes the cache.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kb/core/status.h"
#include "kb/sources/article_sources.h"

namespace kb {

struct GitCommitInfo {
  std::string sha;
  std::string author;   // author name
  std::string email;    // author email
  std::string message;  // first line
  int64_t time = 0;     // committer time, seconds since the epoch
};

// The commits on `ref` (a branch, tag or sha) that added, changed or deleted
// article `id`, newest first, at most `limit`. NotFound when `ref` does not
// exist or no commit touched the article; IOError/Corruption from git.
Result<std::vector<GitCommitInfo>> GitArticleHistory(const GitSourceOptions& repo,
                                                     const std::string& ref, const std::string& id,
                                                     size_t limit);

struct GitArticleVersion {
  std::string path;    // "en/account/reset.md"
  std::string commit;  // sha the ref named
  std::string bytes;   // the file as committed
  GitCommitInfo last;  // the last commit on `ref` that changed it
};

// Article `id` as committed on `ref`. NotFound when the ref or the file does
// not exist (also for ids naming hidden files, CONTRACT §1).
Result<GitArticleVersion> ReadGitArticle(const GitSourceOptions& repo, const std::string& ref,
                                         const std::string& id);

}  // namespace kb
