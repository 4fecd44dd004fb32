// kb::http::Serve: the HTTP API of CONTRACT.md §3 (and docs/api.md) over the
// services the caller built, until SIGINT or SIGTERM.
//
// The caller (the CLI) owns everything in Services and keeps it alive until
// Serve returns; Serve owns only the HTTP server. Serve blocks: it returns OK
// after SIGINT/SIGTERM (it stops accepting, finishes the requests in flight),
// InvalidArgument for bad options or an unknown bind address, IOError when it
// cannot listen (port in use, permission denied). Call it once per process,
// from the main thread, before starting other threads: it blocks SIGINT and
// SIGTERM in every thread it creates. It logs through Services::log only.
#pragma once

#include <string>

#include "kb/core/status.h"

namespace kb {
class AgentTokens;
class EventRecorder;
class EventStore;
class GitPublisher;
class Log;
class SearcherPool;
}  // namespace kb

namespace kb::http {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  // The help center's address as customers reach it ("https://help.example.com",
  // a path prefix allowed): absolute URLs in responses start with it. Empty:
  // URLs are relative. Never taken from the request's Host header.
  std::string public_url;
  int threads = 32;         // worker threads; size for the expected connections (PERF.md)
  bool access_log = false;  // one log line per request ("GET /path 200")
  bool share_port = false;  // SO_REUSEPORT: let other servers listen on the same port too
  std::string name;         // what is served, for the log line "serving NAME on http://…"
};

// What the handlers call. Pointers are borrowed, not owned.
struct Services {
  SearcherPool* searchers = nullptr;          // not null
  const AgentTokens* agent_tokens = nullptr;  // null: no agents (every request is a customer's)
  // Git mode (docs/git-publishing.md): not null adds the webhook, publish
  // status, history and `?ref=` preview routes. Serve starts and stops its
  // background thread.
  GitPublisher* publisher = nullptr;
  std::string webhook_secret;  // empty: POST /api/v1/hooks/git answers 404
  Log* log = nullptr;          // null: nothing is logged
  // Insights (docs/api.md): searches and POST /api/v1/events are recorded
  // through `recorder`, the /api/v1/stats reports read `events`. Null:
  // nothing is recorded and those routes answer 404.
  EventRecorder* recorder = nullptr;
  EventStore* events = nullptr;
  // Tests and imports only (kb serve --trust-event-time): a search's `time`
  // parameter and an event's `time` field set the time recorded.
  bool trust_event_time = false;
};

// OK, or InvalidArgument naming the bad option (port, threads, public_url).
Status ValidateServeOptions(const ServeOptions& options);

Status Serve(const ServeOptions& options, const Services& services);

// The OpenAPI 3 document of every route (git mode's included), as JSON text:
// what GET /api/v1/openapi.json answers.
std::string OpenApiJson();

}  // namespace kb::http
