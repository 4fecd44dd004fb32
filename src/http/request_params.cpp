#include "request_params.h"

#include <algorithm>
#include <cctype>

#include "kb/core/utf8.h"

namespace kb::http {
namespace {

// A decimal count. Values above `max` are clamped to it (a client asking for
// "everything" gets the cap, not an error); below `min` or not a number is a 400.
Result<size_t> ParseCount(const httplib::Request& req, const char* name, size_t fallback,
                          size_t min, size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  const std::string expected =
      std::string(name) + " must be an integer of at least " + std::to_string(min);
  if (value.empty() ||
      !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); }))
    return Status::InvalidArgument(expected);
  const size_t digits = value.find_first_not_of('0') == std::string::npos
                            ? 0
                            : value.size() - value.find_first_not_of('0');
  if (digits > 9) return max;  // far above any cap; avoids overflow
  const size_t n = std::stoul(value);
  if (n < min) return Status::InvalidArgument(expected);
  return std::min(n, max);
}

// The value of text parameter `name` ("" when absent), checked by CheckText.
Result<std::string> ParseText(const httplib::Request& req, const char* name, size_t max_bytes,
                              bool required = false) {
  std::string value = req.get_param_value(name);
  if (Status s = CheckText(name, value, max_bytes, required); !s.ok()) return s;
  return value;
}

Status CheckLang(const std::string& lang) {
  if (lang.empty() || lang == "auto") return Status::OK();
  const bool ok =
      lang.size() >= 2 && lang.size() <= 3 &&
      std::all_of(lang.begin(), lang.end(), [](unsigned char c) { return std::islower(c); });
  return ok ? Status::OK()
            : Status::InvalidArgument(
                  "lang must be 'auto' or a lower-case language code such as 'he'");
}

}  // namespace

Status CheckText(std::string_view name, std::string_view value, size_t max_bytes, bool required) {
  if (value.size() > max_bytes)
    return Status::TooLarge(std::string(name) + " is longer than " + std::to_string(max_bytes) +
                            " bytes");
  if (!IsValidUtf8(value))
    return Status::InvalidArgument(std::string(name) + " is not valid UTF-8");
  if (required &&
      std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c); }))
    return Status::InvalidArgument(std::string(name) + " is required");
  return Status::OK();
}

Status CheckParams(const httplib::Request& req, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : req.params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return Status::InvalidArgument("unknown parameter '" + name + "'");
    if (req.get_param_value_count(name.c_str()) > 1)
      return Status::InvalidArgument("parameter '" + name + "' given more than once");
  }
  return Status::OK();
}

Result<SearchRequest> ParseSearchRequest(const httplib::Request& req) {
  using namespace param;
  if (Status s = CheckParams(req, {kQuery, kLang, kLimit, kOffset, kCategory, kTag}); !s.ok())
    return s;
  SearchRequest out;
  auto q = ParseText(req, kQuery, kMaxQueryBytes, /*required=*/true);
  if (!q.ok()) return q.status();
  out.query = std::move(*q);
  out.lang = req.get_param_value(kLang);
  if (Status s = CheckLang(out.lang); !s.ok()) return s;
  auto limit = ParseCount(req, kLimit, 10, 1, kMaxLimit);
  if (!limit.ok()) return limit.status();
  auto offset = ParseCount(req, kOffset, 0, 0, kMaxOffset);
  if (!offset.ok()) return offset.status();
  out.limit = *limit;
  out.offset = *offset;
  auto category = ParseText(req, kCategory, kMaxFilterBytes);
  if (!category.ok()) return category.status();
  out.category = std::move(*category);
  auto tag = ParseText(req, kTag, kMaxFilterBytes);
  if (!tag.ok()) return tag.status();
  if (!tag->empty()) out.tags.push_back(std::move(*tag));
  return out;
}

Result<size_t> ParseRelatedLimit(const httplib::Request& req) {
  if (Status s = CheckParams(req, {param::kLimit}); !s.ok()) return s;
  return ParseCount(req, param::kLimit, 5, 1, kMaxListLimit);
}

Result<FaqRequest> ParseFaqRequest(const httplib::Request& req) {
  using namespace param;
  if (Status s = CheckParams(req, {kLang, kCategory}); !s.ok()) return s;
  FaqRequest out;
  out.lang = req.get_param_value(kLang);
  if (out.lang == "auto") out.lang.clear();
  if (Status s = CheckLang(out.lang); !s.ok()) return s;
  auto category = ParseText(req, kCategory, kMaxFilterBytes);
  if (!category.ok()) return category.status();
  out.category = std::move(*category);
  return out;
}

Result<SuggestRequest> ParseSuggestRequest(const httplib::Request& req) {
  using namespace param;
  if (Status s = CheckParams(req, {kQuery, kLang, kLimit}); !s.ok()) return s;
  SuggestRequest out;
  auto q = ParseText(req, kQuery, kMaxPrefixBytes, /*required=*/true);
  if (!q.ok()) return q.status();
  out.prefix = std::move(*q);
  out.lang = req.get_param_value(kLang);
  if (Status s = CheckLang(out.lang); !s.ok()) return s;
  auto limit = ParseCount(req, kLimit, 8, 1, kMaxListLimit);
  if (!limit.ok()) return limit.status();
  out.limit = *limit;
  return out;
}

}  // namespace kb::http
