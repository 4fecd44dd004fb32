#include "ui_language.h"

#include <algorithm>
#include <cstdlib>

#include "kb/core/language_tag.h"

namespace kb::portal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "q=0.8" -> 0.8; a missing or malformed weight is 1 (RFC 9110 §12.4.2: at
// most three decimals; anything else is not worth refusing a page over).
double Weight(std::string_view params) {
  const size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  const std::string value(Trim(params.substr(q + 2)));
  char* end = nullptr;
  const double weight = std::strtod(value.c_str(), &end);
  if (end == value.c_str()) return 1.0;
  return std::clamp(weight, 0.0, 1.0);
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<std::string> AcceptedLanguages(std::string_view header) {
  struct Entry {
    std::string lang;
    double weight;
  };
  std::vector<Entry> entries;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    const std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semicolon = item.find(';');
    const std::string_view tag = Trim(item.substr(0, semicolon));
    const double weight =
        semicolon == std::string_view::npos ? 1.0 : Weight(item.substr(semicolon + 1));
    auto lang = PrimaryLanguageSubtag(tag, TagSeparators::kHyphen);
    if (lang && weight > 0) entries.push_back({*lang, weight});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.weight > b.weight; });
  std::vector<std::string> out;
  for (Entry& e : entries) {
    if (!Contains(out, e.lang)) out.push_back(std::move(e.lang));
  }
  return out;
}

std::string ChooseUiLanguage(const LanguageChoice& choice,
                             const std::vector<std::string>& available) {
  if (auto lang = PrimaryLanguageSubtag(choice.from_url, TagSeparators::kHyphen);
      lang && Contains(available, *lang))
    return *lang;
  for (const std::string& lang : AcceptedLanguages(choice.accept_language)) {
    if (Contains(available, lang)) return lang;
  }
  return choice.site_default;
}

}  // namespace kb::portal
