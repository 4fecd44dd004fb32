// The git-related command line: `kb index --repo`, `kb check` (and the git
// source of `kb serve --repo`, serve_command.h)
// (docs/git-publishing.md). Each Run* returns the process exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "commands.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"

namespace kb::cli {

struct GitArgs {
  std::string repo;
  std::string branch = "main";
  std::string cache_dir;  // URL clones; default DB_DIR/git-cache (check: a temp dir)
};

struct CheckArgs {
  std::string articles_dir;
  GitArgs git;
  bool strict = false;  // warnings fail too
};

// The git source of `git`; a URL is cloned into DB_DIR/git-cache unless
// --cache says otherwise (no db_dir: no default).
GitSourceOptions GitSourceFor(const GitArgs& git, const std::string& db_dir);
// --repo/--branch/--cache on `kb index`.
void AddGitIndexOptions(CLI::App* index, GitArgs* args);
// The `kb check` subcommand.
CLI::App* AddCheckCommand(CLI::App& app, CheckArgs* args);

// `kb index`: exactly one of ARTICLES_DIR and --repo.
int RunIndexCommand(const IndexArgs& args, const GitArgs& git);
int RunCheck(const CheckArgs& args);

}  // namespace kb::cli
