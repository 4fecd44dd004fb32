// kb::CheckArticles: the linter editors run before pushing (`kb check`).
//
// Errors (exit status 1): front matter and file problems (everything Publish
// would refuse), broken links between articles (relative `.md` links and
// `/kb/<id>` links to no article), missing images (relative image paths that
// are no file of the source). Warnings: duplicate titles within a language,
// links to drafts, outdated translations (git only) and missing translations
// (see docs/git-publishing.md for the exact rules). Pure apart from reading
// the source; not thread-safe (the source is not).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kb/articles/article.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"

namespace kb {

struct CheckFinding {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  ArticleError where;  // path, line, message
  // "path:line: error: message" / "path:line: warning: message", like a compiler.
  std::string ToString() const;
};

struct CheckInput {
  ArticleSource* source = nullptr;
  // True when `path` (relative to the articles root, '/' separated) is a file.
  std::function<bool(const std::string& path)> file_exists;
  // Why article `id` is an outdated translation, "" if it is not (may be empty: no history).
  std::function<std::string(const std::string& id)> outdated_reason;
};

struct CheckReport {
  size_t articles = 0;
  std::vector<CheckFinding> findings;  // sorted by path, then line
  size_t errors() const;
  size_t warnings() const;
};

CheckReport CheckArticles(const CheckInput& input);

// CheckArticles over a git branch's committed tree, with outdated
// translations from its history. Errors as NewGitSource (kb/sources/article_sources.h).
Result<CheckReport> CheckGitRepository(const GitSourceOptions& options);

}  // namespace kb
