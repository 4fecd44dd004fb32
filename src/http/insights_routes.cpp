#include "insights_routes.h"

#include <chrono>
#include <map>

#include "handler_util.h"
#include "insights_json.h"
#include "insights_params.h"
#include "kb/insights/nudge.h"
#include "kb/insights/recorder.h"
#include "kb/insights/report_format.h"
#include "kb/insights/session.h"
#include "request_params.h"

namespace kb::http {
namespace {

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status InsightsOff() {
  return Status::NotFound("insights are not recorded by this server (kb serve --data)");
}

// Fills each event's lang and category from its article; InvalidArgument
// for an article the caller cannot see.
Status ResolveArticles(const HandlerContext& context, bool agent, std::vector<Event>* events) {
  std::map<std::string, std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < events->size(); ++i) {
    Event& e = (*events)[i];
    if (e.article.empty()) continue;
    auto it = seen.find(e.article);
    if (it == seen.end()) {
      auto article = context.services.searchers->With(
          [&](Searcher& s) { return s.GetArticle(e.article, agent); });
      if (!article.ok()) {
        if (article.status().code() != StatusCode::kNotFound) return article.status();
        const std::string where =
            events->size() == 1 ? "event" : "events[" + std::to_string(i) + "]";
        return Status::InvalidArgument(where + ".article: no article '" + e.article + "'");
      }
      it = seen.emplace(e.article, std::pair{article->lang, article->category}).first;
    }
    e.lang = it->second.first;
    e.category = it->second.second;
  }
  return Status::OK();
}

}  // namespace

void PostEvents(const HandlerContext& context, const Call& call, httplib::Response& res) {
  EventRecorder* recorder = context.services.recorder;
  if (!recorder) return ReplyError(res, InsightsOff());
  if (call.req.body.size() > kMaxEventsBodyBytes)
    return ReplyError(res, Status::TooLarge("the body is over " +
                                            std::to_string(kMaxEventsBodyBytes / 1024) + " KiB"));
  auto events =
      EventsFromJson(call.req.body, EventDefaults{NowSeconds(), context.services.trust_event_time});
  if (!events.ok()) return ReplyError(res, events.status());
  if (Status s = ResolveArticles(context, call.agent, &*events); !s.ok()) return ReplyError(res, s);
  const size_t received = events->size();
  const size_t accepted = recorder->Submit(std::move(*events));
  ReplyJson(res, EventsAcceptedJson(accepted, received - accepted));
}

void GetStatsReport(const HandlerContext& context, ReportKind kind, const Call& call,
                    httplib::Response& res) {
  if (!context.services.events) return ReplyError(res, InsightsOff());
  auto format = ReportFormat(call.params);
  if (!format.ok()) return ReplyError(res, format.status());
  const ReportRequest request = ReportRequestFrom(kind, call.params);
  auto table = context.services.events->Report(request);
  if (!table.ok()) return ReplyError(res, table.status());
  if (*format == "csv") return ReplyText(res, ReportCsv(*table), "text/csv; charset=utf-8");
  ReplyJson(res, ReportJson(request, *table));
}

Result<std::string> RecordSearch(const HandlerContext& context, const Call& call,
                                 const SearchRequest& request, const SearchResponse& response) {
  auto time = EventTime(call.params, context.services.trust_event_time, NowSeconds());
  if (!time.ok()) return time.status();
  if (!context.services.recorder) return std::string();
  const std::string session = KeepOrRotateSession(call.params.Text(param::kSession), *time);
  SubmitSearch(context, session, *time, call.agent, request, response);
  return session;
}

std::string PageSession(const HandlerContext& context, const std::string& passed) {
  if (!context.services.recorder) return std::string();
  return KeepOrRotateSession(passed, NowSeconds());
}

void SubmitSearch(const HandlerContext& context, const std::string& session, int64_t time,
                  bool agent, const SearchRequest& request, const SearchResponse& response) {
  EventRecorder* recorder = context.services.recorder;
  if (!recorder || request.offset > 0) return;  // a next page is the same search
  Event e;
  e.type = EventType::kSearch;
  e.time = time ? time : NowSeconds();
  e.session = session;
  e.query = request.query;
  e.lang = response.lang;
  e.category = response.hits.empty() ? "" : response.hits.front().category;
  e.results = response.total;
  e.fallback = response.fallback;
  e.corrected = response.corrected;
  e.latency_ms = response.took_ms;
  e.agent = agent;
  recorder->Submit({std::move(e)});
}

Status SubmitPageEvent(const HandlerContext& context, bool agent, Event event) {
  EventRecorder* recorder = context.services.recorder;
  if (!recorder) return Status::OK();
  if (event.time == 0) event.time = NowSeconds();
  std::vector<Event> events{std::move(event)};
  if (Status s = ResolveArticles(context, agent, &events); !s.ok()) return s;
  if (Status s = ValidateEvent(events.front(), "event"); !s.ok()) return s;
  recorder->Submit(std::move(events));
  return Status::OK();
}

void NudgeHits(const HandlerContext& context, SearchResponse* response) {
  if (!context.services.recorder || response->hits.size() < 2) return;
  std::vector<std::string> ids;
  std::vector<double> scores;
  for (const SearchHit& hit : response->hits) {
    ids.push_back(hit.id);
    scores.push_back(hit.score);
  }
  const std::vector<size_t> order =
      NudgedOrder(scores, context.services.recorder->NudgeSignals(ids));
  std::vector<SearchHit> nudged;
  for (size_t i : order) nudged.push_back(std::move(response->hits[i]));
  response->hits = std::move(nudged);
}

std::vector<std::string> PopularQueries(const HandlerContext& context,
                                        const SuggestRequest& request) {
  if (!context.services.recorder) return {};
  const std::string lang = request.lang == "auto" ? "" : request.lang;
  return context.services.recorder->PopularQueries(request.prefix, lang, request.limit);
}

}  // namespace kb::http
