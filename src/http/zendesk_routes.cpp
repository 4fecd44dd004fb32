#include "zendesk_routes.h"

#include <algorithm>

#include "handler_util.h"
#include "zendesk_json.h"
#include "zendesk_params.h"

namespace kb::http {
namespace {

Result<ZendeskSearchPage> RunSearch(Searcher& searcher, const ZendeskSearchParams& params,
                                    bool agent) {
  SearchRequest request;
  request.query = params.query;
  request.lang = params.lang;
  request.category = params.category;
  request.tags = params.label_names;  // any of them, as Zendesk does
  request.agent = agent;
  // Only the first kZendeskMaxResults results can be paged to; past them
  // the page is empty but the count is still right.
  const size_t offset = std::min((params.page - 1) * params.per_page, kZendeskMaxResults);
  request.offset = offset == kZendeskMaxResults ? 0 : offset;
  request.limit = std::min(params.per_page, kZendeskMaxResults - offset);
  if (request.limit == 0) request.limit = 1;
  auto response = searcher.Search(request);
  if (!response.ok()) return response.status();
  ZendeskSearchPage page;
  page.count = response->total;
  page.page = params.page;
  page.per_page = params.per_page;
  if (offset == kZendeskMaxResults) return page;
  for (SearchHit& hit : response->hits) {
    ZendeskResult result;
    auto article = searcher.GetArticle(hit.id, agent);
    result.has_article = article.ok();
    if (article.ok()) result.article = std::move(*article);
    result.hit = std::move(hit);
    page.results.push_back(std::move(result));
  }
  return page;
}

void GetSearch(const httplib::Request& req, httplib::Response& res, const Services& services) {
  auto agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  std::vector<std::pair<std::string, std::string>> received(req.params.begin(), req.params.end());
  auto params = ParseZendeskSearchParams(received);
  if (!params.ok()) return ReplyError(res, params.status());
  auto page = services.searchers->With([&](Searcher& s) { return RunSearch(s, *params, *agent); });
  if (!page.ok()) return ReplyError(res, page.status());
  page->locale = params->locale;
  page->origin = services.public_url;  // never the request's Host: a client could poison the links
  page->path = req.path;
  for (auto& [name, value] : received) {
    if (name != zendesk_param::kPage) page->params.emplace_back(name, value);
  }
  ReplyJson(res, ZendeskSearchJson(*page));
}

}  // namespace

void RegisterZendeskRoutes(httplib::Server& server, const Services& services) {
  const httplib::Server::Handler handler = Bind(GetSearch, services);
  ServeGet(server, "/api/v2/help_center/articles/search", handler);
  ServeGet(server, R"(/api/v2/help_center/articles/search\.json)", handler);
}

}  // namespace kb::http
