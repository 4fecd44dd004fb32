#include "zendesk_params.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "kb/core/utf8.h"
#include "kb/core/vector_util.h"
#include "request_params.h"

namespace kb::http {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kHugeCount = 1000000000;  // any page past the last one

bool AllOf(std::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(), [pred](unsigned char c) { return pred(c) != 0; });
}

// A positive decimal count; values too long to parse mean "very large".
Result<size_t> ParseCount(const std::string& name, const std::string& value, size_t min,
                          size_t max) {
  const std::string expected =
      name + " must be an integer " +
      (max >= kHugeCount ? "of at least " + std::to_string(min)
                         : "from " + std::to_string(min) + " to " + std::to_string(max));
  if (value.empty() || !AllOf(value, ::isdigit)) return Status::InvalidArgument(expected);
  const size_t first = value.find_first_not_of('0');
  const size_t n = first == std::string::npos ? 0
                   : value.size() - first > 9 ? kHugeCount
                                              : std::stoul(value);
  if (n < min || n > max) return Status::InvalidArgument(expected);
  return n;
}

// The one value of each supported parameter; a second one is an error.
Result<std::map<std::string, std::string>> SupportedValues(const Params& params) {
  using namespace zendesk_param;
  static constexpr const char* kSupported[] = {kQuery,      kLocale, kCategory,
                                               kLabelNames, kPage,   kPerPage};
  std::map<std::string, std::string> values;
  for (const auto& [name, value] : params) {
    if (std::find(std::begin(kSupported), std::end(kSupported), name) == std::end(kSupported))
      continue;
    if (!values.emplace(name, value).second)
      return Status::InvalidArgument("parameter '" + name + "' given more than once");
    if (!IsValidUtf8(value)) return Status::InvalidArgument(name + " is not valid UTF-8");
  }
  return values;
}

}  // namespace

Result<std::string> LangFromZendeskLocale(std::string_view locale) {
  if (locale.empty() || locale == "*") return std::string("auto");
  const std::string bad = "locale must be a locale such as 'en-us', 'he' or 'el'";
  std::string lower(locale);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const size_t dash = std::min(lower.find('-'), lower.size());
  const std::string primary = lower.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3 || !AllOf(primary, ::islower))
    return Status::InvalidArgument(bad);
  for (size_t start = dash; start < lower.size();) {
    const size_t end = std::min(lower.find('-', start + 1), lower.size());
    const std::string_view subtag = std::string_view(lower).substr(start + 1, end - start - 1);
    if (subtag.empty() || subtag.size() > 8 || !AllOf(subtag, ::isalnum))
      return Status::InvalidArgument(bad);
    start = end;
  }
  return primary;
}

std::vector<std::string> SplitLabelNames(std::string_view list) {
  std::vector<std::string> labels;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t end = std::min(list.find(',', start), list.size());
    std::string_view label = list.substr(start, end - start);
    while (!label.empty() && std::isspace(static_cast<unsigned char>(label.front())))
      label.remove_prefix(1);
    while (!label.empty() && std::isspace(static_cast<unsigned char>(label.back())))
      label.remove_suffix(1);
    if (!label.empty()) AppendIfAbsent(&labels, std::string(label));
    start = end + 1;
  }
  return labels;
}

Result<ZendeskSearchParams> ParseZendeskSearchParams(const Params& params) {
  using namespace zendesk_param;
  auto values = SupportedValues(params);
  if (!values.ok()) return values.status();
  auto get = [&values](const char* name) {
    auto it = values->find(name);
    return it == values->end() ? std::string() : it->second;
  };
  ZendeskSearchParams out;
  out.query = get(kQuery);
  if (Status s = CheckText(kQuery, out.query, kMaxQueryBytes, /*required=*/true); !s.ok()) return s;
  auto lang = LangFromZendeskLocale(get(kLocale));
  if (!lang.ok()) return lang.status();
  out.lang = *lang;
  out.locale = out.lang == "auto" ? "" : get(kLocale);
  std::transform(out.locale.begin(), out.locale.end(), out.locale.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  out.category = get(kCategory);
  if (Status s = CheckText(kCategory, out.category, kMaxFilterBytes, /*required=*/false); !s.ok())
    return s;
  out.label_names = SplitLabelNames(get(kLabelNames));
  if (out.label_names.size() > kZendeskMaxLabels)
    return Status::InvalidArgument("label_names may list at most " +
                                   std::to_string(kZendeskMaxLabels) + " labels");
  for (const std::string& label : out.label_names) {
    if (label.size() > kMaxFilterBytes)
      return Status::TooLarge("a label is longer than " + std::to_string(kMaxFilterBytes) +
                              " bytes");
  }
  if (values->count(kPage)) {
    auto page = ParseCount(kPage, get(kPage), 1, kHugeCount);
    if (!page.ok()) return page.status();
    out.page = *page;
  }
  if (values->count(kPerPage)) {
    auto per_page = ParseCount(kPerPage, get(kPerPage), 1, kZendeskMaxPerPage);
    if (!per_page.ok()) return per_page.status();
    out.per_page = *per_page;
  }
  return out;
}

}  // namespace kb::http
