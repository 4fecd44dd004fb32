// The parameters of kb's own API routes (search, suggest, FAQ, related):
// their names and limits, and the core requests built from the values the
// route table checked (params.h). Pure functions; thread-safe.
#pragma once

#include <cstddef>

#include "kb/index/search.h"
#include "params.h"

namespace kb::http {

namespace param {
inline constexpr const char* kQuery = "q";
inline constexpr const char* kLang = "lang";
inline constexpr const char* kLimit = "limit";
inline constexpr const char* kOffset = "offset";
inline constexpr const char* kCategory = "category";
inline constexpr const char* kTag = "tag";
}  // namespace param

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxLimit = 100;
inline constexpr size_t kMaxOffset = 10000;
inline constexpr size_t kMaxListLimit = 20;     // related, suggest
inline constexpr size_t kMaxPrefixBytes = 200;  // suggest
inline constexpr size_t kMaxFilterBytes =
    200;  // category and tag; the Zendesk category and each label

// GET /api/v1/search: q, lang, limit (1..100, default 10), offset (0..10000),
// category, tag. Without `agent`.
std::vector<ParamSpec> SearchParams();
SearchRequest SearchRequestFrom(const ParamValues& values);
// GET /api/v1/suggest: q (the prefix typed so far), lang, limit (1..20, default 8).
std::vector<ParamSpec> SuggestParams();
SuggestRequest SuggestRequestFrom(const ParamValues& values);
// GET /api/v1/faq: lang ("auto": every language), category.
std::vector<ParamSpec> FaqParams();
FaqRequest FaqRequestFrom(const ParamValues& values);
// GET /api/v1/articles/{id}/related: limit (1..20, default 5).
std::vector<ParamSpec> RelatedParams();

}  // namespace kb::http
