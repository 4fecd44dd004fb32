// The kb subcommands: each returns the process exit status and prints its
// own messages (errors on stderr as "path:line: message" or "kb: ...").
#pragma once

#include <string>

#include "kb/publish.h"
#include "kb/server.h"

namespace kb::cli {

struct IndexArgs {
  std::string articles_dir;
  std::string db_dir;
  bool force_rebuild = false;
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
int RunServe(const ServerConfig& config);
int RunTokenNew(const TokenArgs& args);

}  // namespace kb::cli
