// kb::RunServer: the HTTP API of CONTRACT.md §3 over a published index.
//
// RunServer blocks until SIGINT or SIGTERM arrives (then it stops accepting,
// finishes the requests in flight and returns OK) or until the server cannot
// start (returns IOError/InvalidArgument: port in use, bad token file, no
// index). Call it once per process, from the main thread, before starting
// other threads: it blocks SIGINT/SIGTERM in every thread it creates.
#pragma once

#include <string>

#include "kb/status.h"

namespace kb {

struct ServerConfig {
  std::string db_dir;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string agent_tokens_file;  // empty: no agents (every request is a customer's)
  int threads = 32;               // worker threads; size for the expected connections (PERF.md)
  bool access_log = false;        // one line per request on stderr
};

// Validates `config` (port range, thread count, readable index and token file)
// without starting anything.
Status ValidateServerConfig(const ServerConfig& config);

Status RunServer(const ServerConfig& config);

}  // namespace kb
