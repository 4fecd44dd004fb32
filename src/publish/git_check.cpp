// CheckGitRepository: kb check over a git branch. See kb/check.h.
#include "kb/publish/check.h"
#include "kb/sources/article_sources.h"
#include "kb/sources/git_branch_source.h"

namespace kb {

Result<CheckReport> CheckGitRepository(const GitSourceOptions& options) {
  auto source = OpenGitBranchSource(options);
  if (!source.ok()) return source.status();
  GitBranchSource* git = source->get();
  CheckInput input;
  input.source = git;
  input.file_exists = [git](const std::string& path) { return git->FileExists(path); };
  input.outdated_reason = [git](const std::string& id) { return git->OutdatedReason(id); };
  return CheckArticles(input);
}

}  // namespace kb
