#include "json_encode.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "kb/core/utc_time.h"
#include "kb/insights/recorder.h"

namespace kb::http {

using Json = nlohmann::json;

std::string DumpJson(const Json& body) {
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Rfc3339(int64_t seconds) { return FormatUtc(seconds, "%Y-%m-%dT%H:%M:%SZ"); }

std::string SearchResponseJson(const SearchResponse& r, const std::string& session) {
  Json hits = Json::array();
  for (const SearchHit& h : r.hits) {
    hits.push_back({{"id", h.id},
                    {"title", h.title},
                    {"lang", h.lang},
                    {"category", h.category},
                    {"url", h.url},
                    {"snippet", h.snippet},
                    {"score", h.score}});
  }
  auto facets = [](const std::vector<FacetCount>& counts) {
    Json out = Json::array();
    for (const FacetCount& c : counts) out.push_back({{"value", c.value}, {"count", c.count}});
    return out;
  };
  Json body = {
      {"query", r.query},
      {"lang", r.lang.empty() ? Json(nullptr) : Json(r.lang)},
      {"total", r.total},
      {"total_estimated", r.total_estimated},
      {"took_ms", r.took_ms},
      {"suggestion", r.suggestion ? Json(*r.suggestion) : Json(nullptr)},
      {"corrected", r.corrected},
      {"fallback", r.fallback},
      {"hits", std::move(hits)},
      {"facets", {{"category", facets(r.category_facets)}, {"tag", facets(r.tag_facets)}}},
  };
  if (!session.empty()) body["session"] = session;
  return DumpJson(body);
}

Json ArticleObject(const ArticleView& a) {
  return {
      {"id", a.id},
      {"title", a.title},
      {"lang", a.lang},
      {"category", a.category},
      {"tags", a.tags},
      {"audience", a.audience},
      {"faq", a.faq},
      {"url", "/kb/" + a.id},
      {"translation_of", a.translation_of.empty() ? Json(nullptr) : Json(a.translation_of)},
      {"translations", a.translations},
      {"updated", Rfc3339(a.updated)},
      {"html", a.html},
      {"author", a.author.empty() ? Json(nullptr) : Json(a.author)},  // git mode
      {"outdated", a.outdated},                                       // git mode
  };
}

std::string ArticleJson(const ArticleView& a) { return DumpJson(ArticleObject(a)); }

std::string HealthJson(const IndexInfo& info, const RecorderStats* events) {
  Json body = {{"status", "ok"},
               {"generation", info.generation},
               {"sequence", info.sequence},
               {"articles", info.articles}};
  if (events)
    body["events"] = {{"queued", events->queued},
                      {"recorded", events->recorded},
                      {"dropped", events->dropped},
                      {"failed", events->failed}};
  return DumpJson(body);
}

namespace {

Json SummaryJson(const ArticleSummary& a) {
  return {
      {"id", a.id}, {"title", a.title}, {"lang", a.lang}, {"category", a.category}, {"url", a.url}};
}

Json SummariesJson(const std::vector<ArticleSummary>& list) {
  Json out = Json::array();
  for (const ArticleSummary& a : list) out.push_back(SummaryJson(a));
  return out;
}

}  // namespace

std::string RelatedJson(const std::string& id, const std::vector<ArticleSummary>& related) {
  return DumpJson({{"id", id}, {"related", SummariesJson(related)}});
}

std::string FaqJson(const FaqRequest& request, const std::vector<FaqCategory>& faq) {
  Json categories = Json::array();
  for (const FaqCategory& c : faq) {
    Json articles = Json::array();
    for (const ArticleSummary& a : c.articles) {
      Json item = SummaryJson(a);
      item["order"] = a.order == 0 ? Json(nullptr) : Json(a.order);
      articles.push_back(std::move(item));
    }
    categories.push_back({{"category", c.category}, {"articles", std::move(articles)}});
  }
  return DumpJson({{"lang", request.lang.empty() ? Json(nullptr) : Json(request.lang)},
                   {"categories", std::move(categories)}});
}

std::string SuggestJson(const SuggestRequest& request, const std::vector<ArticleSummary>& titles,
                        const std::vector<std::string>& queries) {
  return DumpJson(
      {{"query", request.prefix}, {"suggestions", SummariesJson(titles)}, {"queries", queries}});
}

}  // namespace kb::http
