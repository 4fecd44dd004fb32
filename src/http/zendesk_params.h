// Request parameters of the Zendesk-compatible article search
// (GET /api/v2/help_center/articles/search): parsing, validation and the
// locale -> kb lang mapping. Pure functions over plain values; thread-safe.
//
// Zendesk parameters kb does not implement (section, brand_id, multibrand,
// created_*/updated_*, sort_by, sort_order) and any unknown parameter are
// ignored, like Zendesk ignores what it does not know (widgets add cache
// busters such as `_=123`). A declared parameter given twice is a 400.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/core/status.h"
#include "params.h"

namespace kb::http {

namespace zendesk_param {
inline constexpr const char* kQuery = "query";
inline constexpr const char* kLocale = "locale";
inline constexpr const char* kCategory = "category";
inline constexpr const char* kLabelNames = "label_names";
inline constexpr const char* kPage = "page";
inline constexpr const char* kPerPage = "per_page";
}  // namespace zendesk_param

inline constexpr size_t kZendeskDefaultPerPage = 25;
inline constexpr size_t kZendeskMaxPerPage = 100;
// Like Zendesk, only the first 1000 results can be paged to.
inline constexpr size_t kZendeskMaxResults = 1000;
// Each label is one search (tags are OR-ed): keep the work per request bounded.
inline constexpr size_t kZendeskMaxLabels = 10;

struct ZendeskSearchParams {
  std::string query;                         // non-empty, valid UTF-8
  std::string locale;                        // as given, lower-cased ("" when absent or "*")
  std::string lang;                          // kb lang: primary subtag of locale, or "auto"
  std::string category;                      // kb category name ("" = any)
  std::vector<std::string> label_names;      // any of these tags ("" entries dropped)
  size_t page = 1;                           // >= 1
  size_t per_page = kZendeskDefaultPerPage;  // 1..100
};

// The comma-separated label_names list, trimmed, empty entries dropped.
std::vector<std::string> SplitLabelNames(std::string_view list);

// The route's parameters (params.h): query, locale (a language tag, its
// primary subtag is kb's lang), category, label_names, page (1.., default 1),
// per_page (1..100, default 25, more is an error), and the Zendesk ones kb
// accepts without effect. Unknown parameters are ignored (UnknownParams::kIgnore).
std::vector<ParamSpec> ZendeskSearchParamSpecs();

// The search of checked `values`. InvalidArgument for more than 10 labels,
// TooLarge for a label over 200 bytes.
Result<ZendeskSearchParams> ZendeskSearchParamsFrom(const ParamValues& values);

// ParseParams with ZendeskSearchParamSpecs (a customer's request), then
// ZendeskSearchParamsFrom: the first error of either.
Result<ZendeskSearchParams> ParseZendeskSearchParams(const ParamPairs& params);

}  // namespace kb::http
