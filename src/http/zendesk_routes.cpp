#include "zendesk_routes.h"

#include <algorithm>

#include "handler_util.h"
#include "kb/index/search.h"
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

}  // namespace

void GetZendeskSearch(const HandlerContext& context, const Call& call, httplib::Response& res) {
  auto params = ZendeskSearchParamsFrom(call.params);
  if (!params.ok()) return ReplyError(res, params.status());
  auto page = context.services.searchers->With(
      [&](Searcher& s) { return RunSearch(s, *params, call.agent); });
  if (!page.ok()) return ReplyError(res, page.status());
  page->locale = params->locale;
  page->origin = context.public_url;  // never the request's Host: a client could poison the links
  page->path = call.req.path;
  for (const auto& [name, value] : call.req.params) {
    if (name != zendesk_param::kPage) page->params.emplace_back(name, value);
  }
  ReplyJson(res, ZendeskSearchJson(*page));
}

}  // namespace kb::http
