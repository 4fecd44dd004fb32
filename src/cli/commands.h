// The kb subcommands: each returns the process exit status and prints its
// own messages (errors on stderr as "path:line: message" or "kb: ...").
#pragma once

#include <string>

#include "kb/index/publish.h"

namespace kb::cli {

// Exit statuses: 0 ok, 1 bad articles or bad input, 2 usage (CLI11, or
// arguments that exclude each other), 3 I/O or index failure.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

struct IndexArgs {
  std::string articles_dir;
  std::string db_dir;
  bool force_rebuild = false;
  bool allow_mass_delete = false;
  bool quiet = false;
};

struct TokenArgs {
  std::string name;
  std::string file;
};

struct AnalyzeArgs {
  std::string text;
  std::string lang;
};

int RunIndex(const IndexArgs& args);
// Publishes `source` into args.db_dir and prints the outcome like `kb index`.
int PublishAndReport(ArticleSource& source, const IndexArgs& args);
int RunAnalyze(const AnalyzeArgs& args);
int RunTokenNew(const TokenArgs& args);
int RunTokenList(const TokenArgs& args);  // one agent name per line
int RunTokenRevoke(const TokenArgs& args);
// Prints the OpenAPI document of the HTTP API on stdout.
int RunOpenApi();

}  // namespace kb::cli
