#include "kb/core/language_tag.h"

namespace kb {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

bool IsSubtag(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s)
    if (!IsAsciiAlnum(c)) return false;
  return true;
}

}  // namespace

std::optional<std::string> PrimaryLanguageSubtag(std::string_view tag, TagSeparators separators) {
  const std::string_view seps = separators == TagSeparators::kHyphen ? "-" : "-_";
  const size_t sep = tag.find_first_of(seps);
  const std::string_view first = tag.substr(0, sep);
  if (first.size() < 2 || first.size() > 3) return std::nullopt;
  for (char c : first)
    if (!IsAsciiAlpha(c)) return std::nullopt;
  std::string_view rest = sep == std::string_view::npos ? std::string_view() : tag.substr(sep + 1);
  while (sep != std::string_view::npos) {
    const size_t next = rest.find_first_of(seps);
    if (!IsSubtag(rest.substr(0, next))) return std::nullopt;
    if (next == std::string_view::npos) break;
    rest.remove_prefix(next + 1);
  }
  std::string primary;
  for (char c : first)
    primary.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return primary;
}

}  // namespace kb
