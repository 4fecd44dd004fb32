// `kb serve`: parses its flags, builds the services (searcher pool, agent
// tokens, git publisher, log) and hands them to kb::http::Serve.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "kb/http/server.h"
#include "kb/query/query_features.h"

namespace kb::cli {

struct ServeArgs {
  http::ServeOptions http;
  std::string db_dir;
  std::string agent_tokens_file;  // empty: no agents (every request is a customer's)
  // Git publishing (docs/git-publishing.md): with a repo, serve builds or
  // updates db_dir from its branch on start and republishes on webhook/poll.
  std::string git_repo;  // local path or URL; empty: serve db_dir as it is
  std::string git_branch = "main";
  std::string git_cache_dir;        // where a URL is cloned (default DB_DIR/git-cache)
  std::string webhook_secret_file;  // empty: POST /api/v1/hooks/git answers 404
  int poll_seconds = 0;             // 0: no polling
  bool allow_mass_delete = false;   // publish a commit that deletes most articles
  // Query rewrites and ranking features (--features; all on by default).
  QueryFeatures features;
  // Searches run at once (SearcherPool's slots); others wait their turn.
  // 0: two per processor core.
  int search_slots = 0;
  // The answers of recent searches kept for the same search on the same
  // index (kb/index/search_cache.h), in MB; 0: none.
  int search_cache_mb = 32;
  // Insights (docs/api.md): the events database's folder ("": DB_DIR's
  // parent), how long events are kept (0: forever), whether a search's or
  // an event's `time` is trusted (tests, imports), how often autocomplete's
  // popular queries are refreshed.
  std::string data_dir;
  int retention_days = 365;
  bool trust_event_time = false;
  int popular_refresh_seconds = 60;
  // The portal (docs/portal.md): its templates folder and site settings.
  std::string templates_dir;     // empty: the templates/ folder kb was built from
  std::string site_config_file;  // empty: the defaults of kb::portal::SiteConfig
  std::string articles_dir;      // the files beside the articles are served from it; empty: none
  bool no_portal = false;        // serve the API only
};

// The `kb serve` subcommand and its flags, filling `args`.
CLI::App* AddServeCommand(CLI::App& app, ServeArgs* args);

// The command line with "--features -a,-b" written "--features=-a,-b": CLI11
// would take a value that starts with "-" for a flag of its own.
std::vector<std::string> GlueFeatureValues(int argc, char** argv);

// The insights database's folder: `data_dir`, or the folder that holds
// `db_dir` (made absolute) when it is empty.
std::string InsightsDataDir(const std::string& data_dir, const std::string& db_dir);

// The searches kb serve runs at once for --search-slots `requested`: itself,
// or for 0 two per processor core.
size_t SearchSlots(int requested);

// Builds the services and serves until SIGINT/SIGTERM. Exit status: 0 after
// a signal, 1 for bad input (options, token or secret file), 3 when the
// index cannot be read or the port cannot be listened on.
int RunServe(ServeArgs args);

}  // namespace kb::cli
