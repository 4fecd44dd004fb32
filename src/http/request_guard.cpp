#include "request_guard.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "client_address.h"
#include "handler_util.h"
#include "kb/auth/agent_tokens.h"
#include "kb/core/utc_time.h"
#include "router.h"

namespace kb::http {
namespace {

constexpr int kHeaderFieldsTooLarge = 431;  // HTTP's own answer (RFC 6585), not a kb::Status

using Clock = std::chrono::steady_clock;

// When this worker routed its current request. httplib passes the same
// request to the pre-routing hook and the logger, on the same worker thread,
// but has no slot of its own for it. Reset by the logger, so a request
// refused before routing (400, 414) is counted without a duration.
thread_local Clock::time_point routed_at{};

std::string Iso8601Now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char out[16];
  std::snprintf(out, sizeof out, ".%03dZ", static_cast<int>(millis));
  return FormatUtc(seconds, "%Y-%m-%dT%H:%M:%S") + out;
}

}  // namespace

RequestGuard::RequestGuard(const std::vector<const Route*>& served, const HandlerContext& context,
                           const ServeOptions& options, ConnectionWatchdog* watchdog)
    : context_(context),
      options_(options),
      watchdog_(watchdog),
      metrics_(*context.services.metrics) {
  for (const Route* route : served) {
    PathShape shape;
    shape.path = route->path;
    shape.rate_limited = route->rate_limited;
    const size_t open = route->path.find('{');
    shape.has_id = open != std::string::npos;
    shape.prefix = route->path.substr(0, open);
    if (shape.has_id) shape.suffix = route->path.substr(route->path.find('}', open) + 1);
    shapes_.push_back(std::move(shape));
  }
}

const RequestGuard::PathShape* RequestGuard::ShapeOf(const std::string& path) const {
  for (const PathShape& shape : shapes_) {
    if (!shape.has_id) {
      if (path == shape.prefix) return &shape;
      continue;
    }
    const size_t fixed = shape.prefix.size() + shape.suffix.size();
    if (path.size() > fixed && path.compare(0, shape.prefix.size(), shape.prefix) == 0 &&
        path.compare(path.size() - shape.suffix.size(), shape.suffix.size(), shape.suffix) == 0)
      return &shape;
  }
  return nullptr;
}

std::string RequestGuard::RouteOf(const std::string& path) const {
  const PathShape* shape = ShapeOf(path);
  return shape ? shape->path : "unmatched";
}

void RequestGuard::Install(httplib::Server& server) {
  const ServeLimits& limits = options_.limits;
  server.set_read_timeout(limits.read_timeout_seconds);
  server.set_write_timeout(limits.read_timeout_seconds);
  server.set_payload_max_length(limits.max_body_bytes);
  server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    routed_at = Clock::now();
    IgnoreRangeHeader(req);
    return Refuse(req, res) ? httplib::Server::HandlerResponse::Handled
                            : httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger(
      [this](const httplib::Request& req, const httplib::Response& res) { Answered(req, res); });
}

bool RequestGuard::Refuse(const httplib::Request& req, httplib::Response& res) {
  const ServeLimits& limits = options_.limits;
  if (req.headers.size() > limits.max_header_fields) {
    ReplyError(res, Status::TooLarge("more than " + std::to_string(limits.max_header_fields) +
                                     " header fields"));
    res.status = kHeaderFieldsTooLarge;
    return true;
  }
  const PathShape* shape = ShapeOf(req.path);
  if (limits.rate_limit <= 0 || (shape && !shape->rate_limited)) return false;
  // An agent's bucket is its token's; anyone else's (a wrong token included) its address's.
  const AgentTokens* tokens = context_.services.agent_tokens;
  std::optional<std::string> agent;
  if (tokens && req.has_header("Authorization")) {
    const std::string header = req.get_header_value("Authorization");
    const size_t space = header.find(' ');
    if (space != std::string::npos) agent = tokens->Verify(header.substr(space + 1));
  }
  const int retry_after =
      agent ? limiter_.Take("agent:" + *agent, {limits.agent_rate_limit, limits.agent_rate_burst})
            : limiter_.Take("ip:" + ClientAddress(req, limits.trusted_proxies),
                            {limits.rate_limit, limits.rate_burst});
  if (retry_after == 0) return false;
  metrics_.rate_limited->Inc({agent ? "agent" : "customer"});
  ReplyError(res, Status::RateLimited("too many requests: retry after " +
                                      std::to_string(retry_after) + " s"));
  res.set_header("Retry-After", std::to_string(retry_after));
  return true;
}

void RequestGuard::Answered(const httplib::Request& req, const httplib::Response& res) {
  const std::string route = RouteOf(req.path);
  metrics_.requests->Inc({route, std::to_string(res.status)});
  double seconds = -1;
  if (routed_at != Clock::time_point{}) {
    seconds = std::chrono::duration<double>(Clock::now() - routed_at).count();
    metrics_.latency->Observe({route}, seconds);
    routed_at = {};
  }
  if (options_.access_log) WriteAccessLog(req, res, route, seconds);
  if (watchdog_) watchdog_->Answered(req.remote_addr, req.remote_port);
}

void RequestGuard::WriteAccessLog(const httplib::Request& req, const httplib::Response& res,
                                  const std::string& route, double seconds) const {
  nlohmann::json line = {
      {"time", Iso8601Now()},     {"client", ClientAddress(req, options_.limits.trusted_proxies)},
      {"method", req.method},     {"path", req.path},
      {"route", route},           {"status", res.status},
      {"bytes", res.body.size()}, {"bearer", req.has_header("Authorization")},
  };
  if (seconds >= 0) line["duration_ms"] = seconds * 1000;
  if (options_.log_queries) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [key, value] : req.params) params[key] = value;
    line["params"] = std::move(params);
  }
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(log_mu_);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace kb::http
