// Parsing and validation of request parameters: every route declares the
// parameters it accepts; anything else is a 400 that names it.
#pragma once

#include <httplib.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "kb/core/status.h"
#include "kb/index/search.h"

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

// The checks of a text parameter's value, in this order: TooLarge when it is
// over `max_bytes`, InvalidArgument when it is not valid UTF-8 and, if
// `required`, InvalidArgument when it is empty or only whitespace. The
// messages name the parameter: "q is longer than 1024 bytes", "q is required".
Status CheckText(std::string_view name, std::string_view value, size_t max_bytes, bool required);

// InvalidArgument naming the first parameter not in `allowed`, or given twice.
Status CheckParams(const httplib::Request& req, std::initializer_list<std::string_view> allowed);

// The SearchRequest of GET /api/v1/search (without `agent`).
Result<SearchRequest> ParseSearchRequest(const httplib::Request& req);
// `limit` of GET /api/v1/articles/{id}/related (1..20, default 5).
Result<size_t> ParseRelatedLimit(const httplib::Request& req);
// GET /api/v1/faq: lang, category (without `agent`).
Result<FaqRequest> ParseFaqRequest(const httplib::Request& req);
// GET /api/v1/suggest: q (the prefix typed so far), lang, limit (1..20, default 8).
Result<SuggestRequest> ParseSuggestRequest(const httplib::Request& req);

}  // namespace kb::http
