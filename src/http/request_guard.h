// RequestGuard: what happens around every request, whatever its route:
//   before routing: Range headers ignored (router.h), too many header fields
//   refused (431), and the client's token bucket checked (429 with
//   Retry-After; /healthz, /ready and /metrics are never limited, so that
//   probes and scrapers keep working under a flood);
//   after the answer: the request counted and timed (http_metrics.h), one
//   JSON access-log line written when asked for, and the connection's
//   deadline restarted (connection_watchdog.h).
//
// The guard must outlive the server it is installed on. Thread-safe: the
// hooks run on every worker at once.
#pragma once

#include <httplib.h>

#include <mutex>
#include <string>
#include <vector>

#include "call.h"
#include "connection_watchdog.h"
#include "http_metrics.h"
#include "kb/http/server.h"
#include "rate_limiter.h"
#include "route_table.h"

namespace kb::http {

class RequestGuard {
 public:
  // `served` in the router's order; `watchdog` may be null.
  RequestGuard(const std::vector<const Route*>& served, const HandlerContext& context,
               const ServeOptions& options, ConnectionWatchdog* watchdog);

  // Sets the server's pre-routing handler and logger.
  void Install(httplib::Server& server);

  // The route template a path is served by ("/api/v1/articles/{id}"), or
  // "unmatched".
  std::string RouteOf(const std::string& path) const;

 private:
  bool Refuse(const httplib::Request& req, httplib::Response& res);
  void Answered(const httplib::Request& req, const httplib::Response& res);
  void WriteAccessLog(const httplib::Request& req, const httplib::Response& res,
                      const std::string& route, double seconds) const;

  struct PathShape {
    std::string prefix, suffix;  // around "{id}"; the whole path when it has none
    bool has_id = false;
    std::string path;
    bool rate_limited = true;
  };
  const PathShape* ShapeOf(const std::string& path) const;
  std::vector<PathShape> shapes_;
  HandlerContext context_;
  ServeOptions options_;
  ConnectionWatchdog* watchdog_;
  HttpMetrics metrics_;
  RateLimiter limiter_;
  mutable std::mutex log_mu_;  // access-log lines are written whole, one at a time
};

}  // namespace kb::http
