#include "zendesk_params.h"

#include <algorithm>
#include <cctype>

#include "kb/core/vector_util.h"
#include "request_params.h"

namespace kb::http {
namespace {

constexpr size_t kHugeCount = 1000000000;  // any page past the last one

// Zendesk's parameters that kb accepts and ignores.
constexpr const char* kIgnored[] = {
    "section",       "brand_id",   "multibrand",     "created_before",
    "created_after", "created_at", "updated_before", "updated_after",
    "updated_at",    "sort_by",    "sort_order",
};

}  // namespace

std::vector<ParamSpec> ZendeskSearchParamSpecs() {
  using namespace zendesk_param;
  std::vector<ParamSpec> specs = {
      RequiredTextParam(kQuery, kMaxQueryBytes, "The search text (as `q` of /api/v1/search)."),
      LanguageParam(kLocale,
                    "A Zendesk locale such as en-us, he, fa, el (any BCP-47 tag, any case: "
                    "en-US, EN, pt-BR); its primary subtag is kb's lang. Absent, `*` or `auto`: "
                    "the language is detected from the query."),
      TextParam(kCategory, kMaxFilterBytes,
                "Only articles in this kb category (a name such as `account`: kb has no "
                "numeric category ids)."),
      TextParam(kLabelNames, 0,
                "Comma-separated labels (kb tags, matched exactly); an article with any of "
                "them matches. At most 10."),
      IntegerParam(kPage, {1, kHugeCount, 1, AboveMax::kClamp},
                   "1-based page number. Only the first 1000 results can be paged to."),
      IntegerParam(kPerPage, {1, kZendeskMaxPerPage, kZendeskDefaultPerPage, AboveMax::kReject},
                   "Results per page; more than 100 is an error, as in Zendesk."),
  };
  for (const char* name : kIgnored)
    specs.push_back(IgnoredParam(name,
                                 "Zendesk's; accepted and ignored (results are always "
                                 "by relevance, kb has no sections or brands)."));
  return specs;
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

Result<ZendeskSearchParams> ZendeskSearchParamsFrom(const ParamValues& values) {
  using namespace zendesk_param;
  ZendeskSearchParams out;
  out.query = values.Text(kQuery);
  out.lang = values.Language(kLocale);
  out.locale = out.lang == "auto" ? "" : values.Text(kLocale);
  std::transform(out.locale.begin(), out.locale.end(), out.locale.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  out.category = values.Text(kCategory);
  out.label_names = SplitLabelNames(values.Text(kLabelNames));
  if (out.label_names.size() > kZendeskMaxLabels)
    return Status::InvalidArgument("label_names may list at most " +
                                   std::to_string(kZendeskMaxLabels) + " labels");
  for (const std::string& label : out.label_names) {
    if (label.size() > kMaxFilterBytes)
      return Status::TooLarge("a label is longer than " + std::to_string(kMaxFilterBytes) +
                              " bytes");
  }
  out.page = values.Integer(kPage);
  out.per_page = values.Integer(kPerPage);
  return out;
}

Result<ZendeskSearchParams> ParseZendeskSearchParams(const ParamPairs& params) {
  ParamContext context;
  context.unknown = UnknownParams::kIgnore;
  auto values = ParseParams(ZendeskSearchParamSpecs(), params, context);
  if (!values.ok()) return values.status();
  return ZendeskSearchParamsFrom(*values);
}

}  // namespace kb::http
