#include "http/routes.h"

#include "http/api_error.h"
#include "http/json_encode.h"
#include "http/openapi.h"
#include "http/request_params.h"
#include "http/zendesk_routes.h"

namespace kb::http {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void Reply(httplib::Response& res, const Status& status) {
  res.status = HttpStatusFor(status.code());
  res.set_content(ErrorJson(status), kJson);
}

void Reply(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), kJson);
}

// Who is asking: Ok(false) a customer, Ok(true) an agent, Unauthorized for a
// token that is presented but not valid (never silently a customer).
Result<bool> IsAgent(const httplib::Request& req, const Services& services) {
  if (!req.has_header("Authorization")) return false;
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.compare(0, kBearer.size(), kBearer) != 0)
    return Status::Unauthorized("Authorization must be 'Bearer TOKEN'");
  if (!services.agent_tokens || !services.agent_tokens->Verify(header.substr(kBearer.size())))
    return Status::Unauthorized("invalid agent token");
  return true;
}

void GetSearch(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services);
  if (!agent.ok()) return Reply(res, agent.status());
  auto request = ParseSearchRequest(req);
  if (!request.ok()) return Reply(res, request.status());
  request->agent = *agent;
  auto response = services.searchers->With([&](Searcher& s) { return s.Search(*request); });
  if (!response.ok()) return Reply(res, response.status());
  Reply(res, SearchResponseJson(*response));
}

void GetArticle(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services);
  if (!agent.ok()) return Reply(res, agent.status());
  if (Status s = CheckParams(req, {}); !s.ok()) return Reply(res, s);
  const std::string id = req.matches[1];
  auto article = services.searchers->With([&](Searcher& s) { return s.GetArticle(id, *agent); });
  if (!article.ok()) return Reply(res, article.status());
  Reply(res, ArticleJson(*article));
}

void GetHealth(const httplib::Request&, httplib::Response& res, const Services& services) {
  auto info = services.searchers->With([](Searcher& s) { return s.Info(); });
  if (!info.ok()) return Reply(res, info.status());
  Reply(res, HealthJson(*info));
}

}  // namespace

void RegisterRoutes(httplib::Server& server, Services services) {
  auto route = [services](void (*handler)(const httplib::Request&, httplib::Response&, const Services&)) {
    return [services, handler](const httplib::Request& req, httplib::Response& res) {
      handler(req, res, services);
    };
  };
  server.Get("/api/v1/search", route(GetSearch));
  server.Get(R"(/api/v1/articles/(.+))", route(GetArticle));
  server.Get("/healthz", route(GetHealth));
  RegisterZendeskRoutes(server, services);
  RegisterOpenApiRoute(server);

  // Unknown paths and methods, and any exception a handler let through.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int code = res.status;
    Status status = code == 404   ? Status::NotFound("no such endpoint")
                    : code == 413 ? Status::TooLarge("request too large")
                    : code == 400 ? Status::InvalidArgument("malformed request")
                                  : Status::Internal("HTTP " + std::to_string(code));
    Reply(res, status);
    res.status = code;
  });
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "kb: error: %s %s: %s\n", req.method.c_str(), req.path.c_str(), what.c_str());
    Reply(res, Status::Internal("internal error"));
  });
}

}  // namespace kb::http
