// kb::http::Serve: the HTTP API of CONTRACT.md §3 (and docs/api.md) over the
// services the caller built, until SIGINT or SIGTERM. SIGHUP rereads the
// agent token file at once (it is also reread when it changes).
//
// The caller (the CLI) owns everything in Services and keeps it alive until
// Serve returns; Serve owns only the HTTP server. Serve blocks: it returns OK
// after SIGINT/SIGTERM (it stops accepting, finishes the requests in flight),
// InvalidArgument for bad options or an unknown bind address, IOError when it
// cannot listen (port in use, permission denied). Call it once per process,
// from the main thread, before starting other threads: it blocks SIGINT,
// SIGTERM and SIGHUP in every thread it creates. It logs through Services::log only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kb/core/status.h"

namespace kb {
class AgentTokens;
class EventRecorder;
class EventStore;
class GitPublisher;
class Log;
class Metrics;
class SearcherPool;
}  // namespace kb
namespace kb::portal {
class Portal;
}

namespace kb::http {

// What one client may ask of the server (docs/api.md, "Limits"). The
// defaults are safe for a public help center; `kb serve --help` names the flags.
struct ServeLimits {
  // Token bucket per client address (customers) and per agent token: requests
  // a second and the burst allowed above it. rate_limit 0 turns rate limiting
  // off for everyone (benchmarks); agent_rate_limit 0 only for agents.
  double rate_limit = 20;
  double rate_burst = 60;
  double agent_rate_limit = 200;
  double agent_rate_burst = 400;
  // Peers whose X-Forwarded-For names the client (exact addresses). Without
  // them the header is ignored.
  std::vector<std::string> trusted_proxies;
  int read_timeout_seconds = 5;      // one socket read or write
  int request_timeout_seconds = 30;  // from a connection's start or last answer to the next answer
  size_t max_body_bytes = 1 << 20;   // 413 above
  size_t max_header_fields = 100;    // 431 above
};

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  // The help center's address as customers reach it ("https://help.example.com",
  // a path prefix allowed): absolute URLs in responses start with it. Empty:
  // URLs are relative. Never taken from the request's Host header.
  std::string public_url;
  int threads = 32;  // worker threads; size for the expected connections (PERF.md)
  // One JSON line per request on stdout (time, client, method, path, route,
  // status, duration, bytes, agent); the query string only with log_queries.
  bool access_log = false;
  bool log_queries = false;
  bool share_port = false;  // SO_REUSEPORT: let other servers listen on the same port too
  std::string name;         // what is served, for the log line "serving NAME on http://…"
  // Origins ("https://shop.example.com") whose pages may call the API from
  // the browser (the embeddable widget): CORS headers and preflight answers.
  std::vector<std::string> cors_origins;
  ServeLimits limits;
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
  // The self-service pages (/, /search, /kb/{id}, ...); null: the API only.
  const portal::Portal* portal = nullptr;
  // Where the server counts requests, searches and rate limiting, and what
  // GET /metrics renders (with the index gauges Serve adds). Null: Serve
  // uses a registry of its own.
  Metrics* metrics = nullptr;
};

// OK, or InvalidArgument naming the bad option (port, threads, public_url, limits).
Status ValidateServeOptions(const ServeOptions& options);

Status Serve(const ServeOptions& options, const Services& services);

// The OpenAPI 3 document of every route (git mode's included), as JSON text:
// what GET /api/v1/openapi.json answers.
std::string OpenApiJson();

}  // namespace kb::http
