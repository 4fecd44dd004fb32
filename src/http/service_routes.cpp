#include "service_routes.h"

#include <nlohmann/json.hpp>

#include "handler_util.h"
#include "json_encode.h"
#include "kb/core/metrics.h"
#include "kb/index/search.h"
#include "kb/publish/git_publisher.h"

namespace kb::http {
namespace {

constexpr int kServiceUnavailable = 503;  // HTTP's own answer for "not ready", not a kb::Status

void NotReady(httplib::Response& res, const std::string& reason) {
  ReplyJson(res, nlohmann::json{{"status", "not_ready"}, {"reason", reason}}.dump());
  res.status = kServiceUnavailable;
}

}  // namespace

void GetMetrics(const HandlerContext& context, const Call&, httplib::Response& res) {
  res.status = 200;
  res.set_content(context.services.metrics ? context.services.metrics->Render() : "",
                  kPrometheusContentType);
}

void GetReady(const HandlerContext& context, const Call&, httplib::Response& res) {
  auto info = context.services.searchers->With([](Searcher& s) { return s.Info(); });
  if (!info.ok()) return NotReady(res, "index not readable: " + info.status().message());
  if (context.services.publisher && context.services.publisher->Status().last_good_commit.empty())
    return NotReady(res, "waiting for the first publish from git");
  ReplyJson(res,
            nlohmann::json{
                {"status", "ready"}, {"generation", info->generation}, {"sequence", info->sequence}}
                .dump());
}

}  // namespace kb::http
