// kb::RunServer: the HTTP API of CONTRACT.md §3 over a published index.
//
// RunServer blocks until SIGINT or SIGTERM arrives (then it stops accepting,
// finishes the requests in flight and returns OK) or until the server cannot
// start (returns IOError/InvalidArgument: port in use, bad token file, no
// index). Call it once per process, from the main thread, before starting
// other threads: it blocks SIGINT/SIGTERM in every thread it creates.
#pragma once

#include <string>

#include "kb/core/status.h"

namespace kb {

struct ServerConfig {
  std::string db_dir;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string agent_tokens_file;  // empty: no agents (every request is a customer's)
  // The help center's address as customers reach it ("https://help.example.com",
  // a path prefix allowed): absolute URLs in responses start with it. Empty:
  // URLs are relative. Never taken from the request's Host header.
  std::string public_url;
  int threads = 32;         // worker threads; size for the expected connections (PERF.md)
  bool access_log = false;  // one line per request on stderr
  bool share_port = false;  // SO_REUSEPORT: let other servers listen on the same port too

  // Git publishing (docs/git-publishing.md): with a repo, serve builds or
  // updates db_dir from its branch on start and republishes on webhook/poll.
  std::string git_repo;  // local path or URL; empty: serve db_dir as it is
  std::string git_branch = "main";
  std::string git_cache_dir;  // where a URL is cloned (kb serve defaults it to DB_DIR/git-cache)
  std::string webhook_secret_file;  // empty: POST /api/v1/hooks/git answers 404
  int poll_seconds = 0;             // 0: no polling
  bool allow_mass_delete =
      false;  // publish a commit that deletes most articles (kb/index/publish.h)
};

// Validates `config` (port range, thread count, readable index and token file)
// without starting anything.
Status ValidateServerConfig(const ServerConfig& config);

Status RunServer(const ServerConfig& config);

}  // namespace kb
