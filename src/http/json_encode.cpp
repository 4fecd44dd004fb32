#include "http/json_encode.h"

#include <ctime>

#include <nlohmann/json.hpp>

namespace kb::http {

using Json = nlohmann::json;

std::string Rfc3339(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string SearchResponseJson(const SearchResponse& r) {
  Json hits = Json::array();
  for (const SearchHit& h : r.hits) {
    hits.push_back({{"id", h.id}, {"title", h.title}, {"lang", h.lang}, {"category", h.category},
                    {"url", h.url}, {"snippet", h.snippet}, {"score", h.score}});
  }
  Json body = {
      {"query", r.query},
      {"lang", r.lang.empty() ? Json(nullptr) : Json(r.lang)},
      {"total", r.total},
      {"took_ms", r.took_ms},
      {"suggestion", r.suggestion ? Json(*r.suggestion) : Json(nullptr)},
      {"corrected", r.corrected},
      {"fallback", r.fallback},
      {"hits", std::move(hits)},
  };
  // Replace invalid UTF-8 instead of throwing: a query is validated, but be safe.
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ArticleJson(const ArticleView& a) {
  Json body = {
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
  };
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string HealthJson(const IndexInfo& info) {
  Json body = {{"status", "ok"},
               {"generation", info.generation},
               {"sequence", info.sequence},
               {"articles", info.articles}};
  return body.dump();
}

}  // namespace kb::http
