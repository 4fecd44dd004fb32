// The sources of articles kb has: a folder and a git branch's committed tree
// (ArticleSource, kb/articles/article_source.h). See also
// kb/sources/git_branch_source.h for what git publishing needs beyond them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "kb/articles/article_source.h"
#include "kb/core/status.h"

namespace kb {

// The articles under a folder (CONTRACT §1 naming rules), each with its file
// stamp. `settled_before`, when given, tells at each listing the time (ns since
// the epoch) a file's last change must lie before for it to get a stamp
// (ListArticleFiles); by default kFileSettleTime before the listing.
std::unique_ptr<ArticleSource> NewFolderSource(const std::string& root,
                                               std::function<int64_t()> settled_before = {});

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

}  // namespace kb
