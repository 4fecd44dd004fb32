// The git-related command line: `kb index --repo`, `kb serve --repo`, `kb check`
// (docs/git-publishing.md). Each Run* returns the process exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "commands.h"
#include "kb/http/server.h"

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

// --repo/--branch/--cache on `kb index`.
void AddGitIndexOptions(CLI::App* index, GitArgs* args);
// --repo/--branch/--cache/--webhook-secret-file/--poll-seconds on `kb serve`.
void AddGitServeOptions(CLI::App* serve, ServerConfig* config);
// The `kb check` subcommand.
CLI::App* AddCheckCommand(CLI::App& app, CheckArgs* args);

// `kb index`: exactly one of ARTICLES_DIR and --repo.
int RunIndexCommand(const IndexArgs& args, const GitArgs& git);
// `kb serve`: fills git defaults, then RunServe.
int RunServeCommand(ServerConfig config);
int RunCheck(const CheckArgs& args);

}  // namespace kb::cli
