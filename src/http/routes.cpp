#include "routes.h"

#include "git_routes.h"
#include "handler_util.h"
#include "http_metrics.h"
#include "insights_routes.h"
#include "json_encode.h"
#include "kb/index/search.h"
#include "kb/insights/recorder.h"
#include "request_params.h"

namespace kb::http {

void GetSearch(const HandlerContext& context, const Call& call, httplib::Response& res) {
  SearchRequest request = SearchRequestFrom(call.params);
  request.agent = call.agent;
  auto response = context.services.searchers->With([&](Searcher& s) { return s.Search(request); });
  if (!response.ok()) return ReplyError(res, response.status());
  auto session = RecordSearch(context, call, request, *response);
  if (!session.ok()) return ReplyError(res, session.status());
  NudgeHits(context, &*response);
  CountSearch(context.services.metrics, response->lang, response->total);
  ReplyJson(res, SearchResponseJson(*response, *session));
}

void GetArticle(const HandlerContext& context, const Call& call, httplib::Response& res) {
  if (call.params.Has(kRefParam)) return GetPreview(context, call, res);
  auto article = context.services.searchers->With(
      [&](Searcher& s) { return s.GetArticle(call.id, call.agent); });
  if (!article.ok()) return ReplyError(res, article.status());
  ReplyJson(res, ArticleJson(*article));
}

void GetRelated(const HandlerContext& context, const Call& call, httplib::Response& res) {
  const size_t limit = call.params.Integer(param::kLimit);
  auto related = context.services.searchers->With(
      [&](Searcher& s) { return s.Related(call.id, call.agent, limit); });
  if (!related.ok()) return ReplyError(res, related.status());
  ReplyJson(res, RelatedJson(call.id, *related));
}

void GetFaq(const HandlerContext& context, const Call& call, httplib::Response& res) {
  FaqRequest request = FaqRequestFrom(call.params);
  request.agent = call.agent;
  auto faq = context.services.searchers->With([&](Searcher& s) { return s.Faq(request); });
  if (!faq.ok()) return ReplyError(res, faq.status());
  ReplyJson(res, FaqJson(request, *faq));
}

void GetSuggest(const HandlerContext& context, const Call& call, httplib::Response& res) {
  SuggestRequest request = SuggestRequestFrom(call.params);
  request.agent = call.agent;
  auto suggestions =
      context.services.searchers->With([&](Searcher& s) { return s.Suggest(request); });
  if (!suggestions.ok()) return ReplyError(res, suggestions.status());
  ReplyJson(res, SuggestJson(request, *suggestions, PopularQueries(context, request)));
}

void GetHealth(const HandlerContext& context, const Call&, httplib::Response& res) {
  auto info = context.services.searchers->With([](Searcher& s) { return s.Info(); });
  if (!info.ok()) return ReplyError(res, info.status());
  const EventRecorder* recorder = context.services.recorder;
  const RecorderStats events = recorder ? recorder->Stats() : RecorderStats{};
  ReplyJson(res, HealthJson(*info, recorder ? &events : nullptr));
}

}  // namespace kb::http
