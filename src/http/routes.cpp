#include "routes.h"

#include "handler_util.h"
#include "json_encode.h"
#include "openapi.h"
#include "request_params.h"
#include "zendesk_routes.h"

namespace kb::http {
namespace {

void GetSearch(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  auto request = ParseSearchRequest(req);
  if (!request.ok()) return ReplyError(res, request.status());
  request->agent = *agent;
  auto response = services.searchers->With([&](Searcher& s) { return s.Search(*request); });
  if (!response.ok()) return ReplyError(res, response.status());
  ReplyJson(res, SearchResponseJson(*response));
}

void GetArticle(const httplib::Request& req, httplib::Response& res, const Services& services) {
  if (req.has_param("ref") && services.article_at_ref) return services.article_at_ref(req, res);
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  if (Status s = CheckParams(req, {}); !s.ok()) return ReplyError(res, s);
  const std::string id = req.matches[1];
  auto article = services.searchers->With([&](Searcher& s) { return s.GetArticle(id, *agent); });
  if (!article.ok()) return ReplyError(res, article.status());
  ReplyJson(res, ArticleJson(*article));
}

void GetRelated(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  auto limit = ParseRelatedLimit(req);
  if (!limit.ok()) return ReplyError(res, limit.status());
  const std::string id = req.matches[1];
  auto related =
      services.searchers->With([&](Searcher& s) { return s.Related(id, *agent, *limit); });
  if (!related.ok()) return ReplyError(res, related.status());
  ReplyJson(res, RelatedJson(id, *related));
}

void GetFaq(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  auto request = ParseFaqRequest(req);
  if (!request.ok()) return ReplyError(res, request.status());
  request->agent = *agent;
  auto faq = services.searchers->With([&](Searcher& s) { return s.Faq(*request); });
  if (!faq.ok()) return ReplyError(res, faq.status());
  ReplyJson(res, FaqJson(*request, *faq));
}

void GetSuggest(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  auto request = ParseSuggestRequest(req);
  if (!request.ok()) return ReplyError(res, request.status());
  request->agent = *agent;
  auto suggestions = services.searchers->With([&](Searcher& s) { return s.Suggest(*request); });
  if (!suggestions.ok()) return ReplyError(res, suggestions.status());
  ReplyJson(res, SuggestJson(*request, *suggestions));
}

void GetHealth(const httplib::Request&, httplib::Response& res, const Services& services) {
  auto info = services.searchers->With([](Searcher& s) { return s.Info(); });
  if (!info.ok()) return ReplyError(res, info.status());
  ReplyJson(res, HealthJson(*info));
}

}  // namespace

void RegisterRoutes(httplib::Server& server, Services services) {
  ServeGet(server, "/api/v1/search", Bind(GetSearch, services));
  ServeGet(server, "/api/v1/suggest", Bind(GetSuggest, services));
  ServeGet(server, "/api/v1/faq", Bind(GetFaq, services));
  // Sub-resources before the article itself: ids contain '/'.
  ServeGet(server, R"(/api/v1/articles/(.+)/related)", Bind(GetRelated, services));
  ServeGet(server, R"(/api/v1/articles/(.+))", Bind(GetArticle, services));
  ServeGet(server, "/healthz", Bind(GetHealth, services));
  RegisterZendeskRoutes(server, services);
  RegisterOpenApiRoute(server);

  // A Range header is ignored, as RFC 9110 §14.2 allows: kb's answers are
  // small JSON documents, and httplib would otherwise cut them to the range,
  // even errors, under a 200 status. httplib passes the request as const but
  // owns it as a mutable object, so clearing its parsed ranges is sound.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Unknown paths and methods, what httplib refuses before routing, and any
  // exception a handler let through.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int code = res.status;
    Status status =
        code == 404   ? Status::NotFound("no such endpoint")
        : code == 413 ? Status::TooLarge("request too large")
        : code == 414
            ? Status::TooLarge("request target too long (at most " +
                               std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) + " bytes)")
        : code == 416 ? Status::InvalidArgument("malformed Range header (kb ignores byte ranges)")
        : code == 400 ? Status::InvalidArgument("malformed request")
        : code < 500
            ? Status::InvalidArgument("request refused (HTTP " + std::to_string(code) + ")")
            : Status::Internal("HTTP " + std::to_string(code));
    ReplyError(res, status);
    res.status = code;
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "kb: error: %s %s: %s\n", req.method.c_str(), req.path.c_str(),
                     what.c_str());
        ReplyError(res, Status::Internal("internal error"));
      });
}

}  // namespace kb::http
