// kb index --repo, kb serve --repo, kb check. See git_commands.h.
#include "git_commands.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "kb/index/publish.h"
#include "kb/publish/check.h"
#include "kb/sources/article_sources.h"

namespace kb::cli {
namespace {

namespace fs = std::filesystem;

bool IsUrl(const std::string& repo) {
  return repo.find("://") != std::string::npos ||
         (repo.find('@') < repo.find(':') && repo.find(':') < repo.find('/'));
}

// Unlike commands.cpp's Fail, NotFound (no repository, no such branch) is
// bad input (1) here; `kb serve --repo` reports it through that one (3).
int Fail(const Status& status) {
  std::fprintf(stderr, "kb: %s\n", status.ToString().c_str());
  return status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kNotFound
             ? kExitBadInput
             : kExitFailure;
}

// A temp dir for a URL clone that only `kb check` needs; removed at the end.
class ScratchDir {
 public:
  ScratchDir() {
    std::string templ = (fs::temp_directory_path() / "kb-check-XXXXXX").string();
    if (::mkdtemp(templ.data())) path_ = templ;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

int PrintCheck(const CheckReport& report, bool strict) {
  for (const CheckFinding& f : report.findings) std::printf("%s\n", f.ToString().c_str());
  std::fprintf(stderr, "kb: checked %zu article(s): %zu error(s), %zu warning(s)\n",
               report.articles, report.errors(), report.warnings());
  return report.errors() > 0 || (strict && report.warnings() > 0) ? kExitBadInput : kExitOk;
}

}  // namespace

GitSourceOptions GitSourceFor(const GitArgs& git, const std::string& db_dir) {
  GitSourceOptions options;
  options.repo = git.repo;
  options.branch = git.branch;
  options.cache_dir = git.cache_dir;
  if (options.cache_dir.empty() && IsUrl(git.repo) && !db_dir.empty())
    options.cache_dir = (fs::path(db_dir) / "git-cache").string();
  return options;
}

void AddGitIndexOptions(CLI::App* index, GitArgs* args) {
  index->add_option(
      "--repo", args->repo,
      "Git repository (path or URL) to read the articles from instead of ARTICLES_DIR");
  index->add_option("--branch", args->branch, "Branch whose committed tree is read")
      ->capture_default_str();
  index->add_option("--cache", args->cache_dir,
                    "Where a repository URL is cloned (default DB_DIR/git-cache)");
}

CLI::App* AddCheckCommand(CLI::App& app, CheckArgs* args) {
  auto* check = app.add_subcommand(
      "check", "Lint articles before pushing: front matter, links, images, titles, translations");
  check->add_option("ARTICLES_DIR", args->articles_dir, "Folder of Markdown articles");
  check->add_option("--repo", args->git.repo, "Git repository (path or URL) to check instead");
  check->add_option("--branch", args->git.branch, "Branch whose committed tree is checked")
      ->capture_default_str();
  check->add_option("--cache", args->git.cache_dir,
                    "Where a repository URL is cloned (default: a temp dir)");
  check->add_flag("--strict", args->strict, "Exit non-zero on warnings too");
  return check;
}

int RunIndexCommand(const IndexArgs& args, const GitArgs& git) {
  if (args.articles_dir.empty() == git.repo.empty()) {
    std::fprintf(stderr, "kb: give exactly one of ARTICLES_DIR and --repo\n");
    return kExitUsage;
  }
  if (git.repo.empty()) return RunIndex(args);
  auto source = NewGitSource(GitSourceFor(git, args.db_dir));
  if (!source.ok()) return Fail(source.status());
  const int code = PublishAndReport(**source, args);
  if (code == kExitOk && !args.quiet)
    std::fprintf(stderr, "kb: git commit %s\n", (*source)->Commit().c_str());
  return code;
}

int RunCheck(const CheckArgs& args) {
  if (args.articles_dir.empty() == args.git.repo.empty()) {
    std::fprintf(stderr, "kb: give exactly one of ARTICLES_DIR and --repo\n");
    return kExitUsage;
  }
  if (args.git.repo.empty()) {
    auto source = NewFolderSource(args.articles_dir);
    CheckInput input;
    input.source = source.get();
    const fs::path root(args.articles_dir);
    input.file_exists = [root](const std::string& path) {
      std::error_code ec;
      return fs::is_regular_file(root / path, ec);
    };
    return PrintCheck(CheckArticles(input), args.strict);
  }
  ScratchDir scratch;
  GitSourceOptions options = GitSourceFor(args.git, "");
  if (options.cache_dir.empty() && IsUrl(options.repo))
    options.cache_dir = scratch.path() + "/clone";
  auto report = CheckGitRepository(options);
  if (!report.ok()) return Fail(report.status());
  return PrintCheck(*report, args.strict);
}

}  // namespace kb::cli
