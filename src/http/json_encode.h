// JSON bodies of the API responses (CONTRACT §3), built with nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "kb/index/search.h"

namespace kb {
struct RecorderStats;
}  // namespace kb

namespace kb::http {

// Serializes a response body; invalid UTF-8 is replaced (U+FFFD) rather than
// thrown. Validated inputs never have any, but an error message can echo what
// the caller sent (an unknown parameter's name).
std::string DumpJson(const nlohmann::json& body);

// `session`: the insights session id of the search ("" adds no field).
std::string SearchResponseJson(const SearchResponse& response, const std::string& session = "");
// The article object of GET /api/v1/articles/{id}; ArticleJson is its text.
nlohmann::json ArticleObject(const ArticleView& article);
std::string ArticleJson(const ArticleView& article);
// `events`: the recorder's counters ("events" field), null when nothing is recorded.
std::string HealthJson(const IndexInfo& info, const RecorderStats* events = nullptr);
std::string RelatedJson(const std::string& id, const std::vector<ArticleSummary>& related);
std::string FaqJson(const FaqRequest& request, const std::vector<FaqCategory>& faq);
// `queries`: what customers often searched that starts with the prefix.
std::string SuggestJson(const SuggestRequest& request, const std::vector<ArticleSummary>& titles,
                        const std::vector<std::string>& queries = {});
// RFC 3339 UTC time, e.g. "2026-11-23T06:00:00Z".
std::string Rfc3339(int64_t seconds_since_epoch);

}  // namespace kb::http
