// The route table: what kb serves, read top to bottom like docs/api.md.
#include "route_table.h"

#include <algorithm>

#include "git_routes.h"
#include "handler_util.h"
#include "insights_params.h"
#include "insights_routes.h"
#include "openapi.h"
#include "request_params.h"
#include "routes.h"
#include "zendesk_params.h"
#include "zendesk_routes.h"

namespace kb::http {
namespace {

using Handler = void (*)(const HandlerContext&, const Call&, httplib::Response&);

RouteHandler Bind(Handler handler, const HandlerContext& context) {
  return
      [handler, context](const Call& call, httplib::Response& res) { handler(context, call, res); };
}

Route Get(std::string path, std::string operation_id, std::string summary) {
  Route route;
  route.method = "GET";
  route.path = std::move(path);
  route.operation_id = std::move(operation_id);
  route.summary = std::move(summary);
  return route;
}

void AddSearchRoutes(const HandlerContext& context, std::vector<Route>* table) {
  Route search = Get("/api/v1/search", "search", "Ranked article search");
  search.params = SearchParams();
  for (ParamSpec& spec : SearchInsightsParams()) search.params.push_back(std::move(spec));
  search.replies = {{200, "Hits, best first.", "SearchResponse"}};
  search.handler = Bind(GetSearch, context);
  table->push_back(std::move(search));

  Route suggest = Get("/api/v1/suggest", "suggest",
                      "Autocomplete: article titles matching what was typed so far (the last "
                      "word may be partial)");
  suggest.params = SuggestParams();
  suggest.replies = {{200, "Matching titles.", "SuggestResponse"}};
  suggest.handler = Bind(GetSuggest, context);
  table->push_back(std::move(suggest));

  Route faq = Get("/api/v1/faq", "faq", "Articles with `faq: true`, grouped by category");
  faq.params = FaqParams();
  faq.replies = {{200, "The FAQ.", "FaqResponse"}};
  faq.handler = Bind(GetFaq, context);
  table->push_back(std::move(faq));
}

void AddArticleRoutes(const HandlerContext& context, std::vector<Route>* table) {
  Route article = Get("/api/v1/articles/{id}", "getArticle", "One article, rendered");
  article.description =
      "With `ref` (agents, git mode): the article as it is on that branch, rendered now, with "
      "`preview`, `ref`, `commit` and `draft` added.";
  article.params = {PreviewRefParam()};
  article.replies = {{200, "The article.", "Article"}};
  article.handler = Bind(GetArticle, context);
  table->push_back(std::move(article));

  Route related = Get("/api/v1/articles/{id}/related", "relatedArticles", "Articles like this one");
  related.params = RelatedParams();
  related.replies = {{200, "Related articles, best first.", "RelatedResponse"}};
  related.handler = Bind(GetRelated, context);
  table->push_back(std::move(related));
}

void AddGitRoutes(const HandlerContext& context, std::vector<Route>* table) {
  Route history = Get("/api/v1/articles/{id}/history", "articleHistory",
                      "Agents, git mode: the commits that changed the article");
  history.description =
      "An article whose own id ends in /history is returned as an article when neither ref "
      "nor limit is given.";
  history.access = Access::kAgents;
  history.mode = RouteMode::kGitOnly;
  history.params = HistoryParams();
  history.replies = {{200, "Newest first.", "GitHistory"}};
  history.handler = Bind(GetHistory, context);
  history.answer_first = [context](const Call& call, httplib::Response& res) {
    return AnswerHistoryPathAsArticle(context, call, res);
  };
  table->push_back(std::move(history));

  Route status = Get("/api/v1/publish/status", "publishStatus",
                     "Agents, git mode: the last good commit and the last publish attempt");
  status.access = Access::kAgents;
  status.mode = RouteMode::kGitOnly;
  status.replies = {{200, "Publishing state.", "GitPublishStatus"}};
  status.handler = Bind(GetPublishStatus, context);
  table->push_back(std::move(status));

  Route hook;
  hook.method = "POST";
  hook.path = "/api/v1/hooks/git";
  hook.operation_id = "gitWebhook";
  hook.summary =
      "Git mode: push webhook (GitHub/Gitea HMAC-SHA256 signature or GitLab token) that "
      "publishes the branch";
  hook.access = Access::kPublic;  // the signature is the credential
  hook.mode = RouteMode::kGitOnly;
  hook.replies = {{200, "The publish finished.", "GitPublishAttempt"},
                  {202, "The publish is queued and still running.", "GitPublishQueued"}};
  hook.can_be_not_found = true;  // no --webhook-secret-file
  hook.has_body = true;
  hook.extra_doc = GitWebhookDoc();
  hook.handler = Bind(PostGitHook, context);
  table->push_back(std::move(hook));
}

void AddZendeskRoutes(const HandlerContext& context, std::vector<Route>* table) {
  const std::string description =
      "Answers like Zendesk Guide's Search Articles endpoint so that widgets and scripts "
      "written for it work with kb. Also served at `/api/v2/help_center/articles/search.json`. "
      "Ignored Zendesk parameters: section, brand_id, multibrand, created_before, "
      "created_after, created_at, updated_before, updated_after, updated_at, sort_by, "
      "sort_order (results are always by relevance); other unknown parameters are ignored "
      "too. Errors use kb's error JSON.";
  for (const auto& [path, id] :
       {std::pair{"/api/v2/help_center/articles/search", "zendeskSearchArticles"},
        std::pair{"/api/v2/help_center/articles/search.json", "zendeskSearchArticlesJson"}}) {
    Route zendesk = Get(path, id, "Zendesk Help Center compatible article search");
    zendesk.description = description;
    zendesk.params = ZendeskSearchParamSpecs();
    zendesk.unknown = UnknownParams::kIgnore;
    zendesk.replies = {{200, "One page of results.", "ZendeskSearchResponse"}};
    zendesk.handler = Bind(GetZendeskSearch, context);
    table->push_back(std::move(zendesk));
  }
}

// "top-queries" -> "statsTopQueries".
std::string StatsOperationId(const std::string& report) {
  std::string id = "stats";
  bool upper = true;
  for (char c : report) {
    if (c == '-') {
      upper = true;
      continue;
    }
    id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return id;
}

void AddInsightsRoutes(const HandlerContext& context, std::vector<Route>* table) {
  Route events;
  events.method = "POST";
  events.path = "/api/v1/events";
  events.operation_id = "postEvents";
  events.summary = "Insights: record clicks, views, votes and support contacts (one or up to 100)";
  events.description =
      "The body is one event object or an array of up to 100. Searches are recorded by the "
      "server itself. A vote replaces the same session's earlier vote on the article.";
  events.has_body = true;
  // A form-encoded POST (curl -d without a Content-Type) has its body parsed
  // as parameters by httplib: the route has none, so they are ignored.
  events.unknown = UnknownParams::kIgnore;
  events.can_be_not_found = true;  // insights off
  events.replies = {{200, "How many events were queued.", "EventsAccepted"}};
  events.extra_doc = EventsBodyDoc();
  events.handler = Bind(PostEvents, context);
  table->push_back(std::move(events));

  for (const ReportName& report : ReportNames()) {
    Route stats = Get(std::string("/api/v1/stats/") + report.name, StatsOperationId(report.name),
                      std::string("Agents: the ") + report.name + " insights report");
    stats.access = Access::kAgents;
    stats.params = StatsParams(report.kind);
    stats.can_be_not_found = true;  // insights off
    stats.csv = true;
    stats.replies = {
        {200, "One page of the report (JSON, or CSV with format=csv).", "StatsReport"}};
    stats.handler = [context, kind = report.kind](const Call& call, httplib::Response& res) {
      GetStatsReport(context, kind, call, res);
    };
    table->push_back(std::move(stats));
  }
}

void AddServiceRoutes(const HandlerContext& context, std::vector<Route>* table) {
  Route health = Get("/healthz", "health", "200 when the server is up and its index is readable");
  health.access = Access::kPublic;
  health.unknown = UnknownParams::kIgnore;  // load balancers' probes may add their own
  health.replies = {{200, "What is live.", "Health"}};
  health.handler = Bind(GetHealth, context);
  table->push_back(std::move(health));

  Route openapi = Get("/api/v1/openapi.json", "openapi", "This document");
  openapi.access = Access::kPublic;
  openapi.unknown = UnknownParams::kIgnore;
  openapi.replies = {{200, "The OpenAPI 3.0 document.", "OpenApiDocument"}};
  table->push_back(std::move(openapi));  // its handler needs the whole table: RouteTable
}

size_t LiteralLength(const std::string& path) {
  const size_t params = static_cast<size_t>(std::count(path.begin(), path.end(), '{'));
  return path.size() - params * std::string("{id}").size();
}

}  // namespace

std::vector<Route> RouteTable(const HandlerContext& context) {
  std::vector<Route> table;
  AddSearchRoutes(context, &table);
  AddArticleRoutes(context, &table);
  AddGitRoutes(context, &table);
  AddZendeskRoutes(context, &table);
  AddInsightsRoutes(context, &table);
  AddServiceRoutes(context, &table);
  // The document describes every route, so it is made once the table is complete.
  const std::string document = OpenApiDocument(table).dump();
  for (Route& route : table) {
    if (route.operation_id != "openapi") continue;
    route.handler = [document](const Call&, httplib::Response& res) { ReplyJson(res, document); };
  }
  return table;
}

std::vector<const Route*> ServedRoutes(const std::vector<Route>& table, bool git_mode) {
  std::vector<const Route*> served;
  for (const Route& route : table) {
    if (route.mode == RouteMode::kAlways || git_mode) served.push_back(&route);
  }
  std::stable_sort(served.begin(), served.end(), [](const Route* a, const Route* b) {
    return LiteralLength(a->path) > LiteralLength(b->path);
  });
  return served;
}

std::string PathPattern(const std::string& path) {
  std::string pattern;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      pattern += "(.+)";
      i = path.find('}', i);
    } else if (path[i] == '.') {
      pattern += "\\.";
    } else {
      pattern += path[i];
    }
  }
  return pattern;
}

}  // namespace kb::http
