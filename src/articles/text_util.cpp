#include "text_util.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

namespace kb {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// YAML 1.2 §5.1: every C0 control but tab, LF and CR; DEL; every C1 control
// but NEL; U+FFFE and U+FFFF.
bool IsYamlForbidden(UChar32 c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
         (c >= 0x7F && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
}

bool IsSubtag(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s) {
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c)) return false;
  }
  return true;
}

}  // namespace

TextPosition PositionOf(std::string_view text, size_t offset) {
  TextPosition position;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      line_start = i + 1;
    }
  }
  position.column = offset - line_start + 1;
  return position;
}

size_t FindYamlForbiddenChar(std::string_view yaml) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(yaml.data());
  const auto length = static_cast<int32_t>(yaml.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (IsYamlForbidden(c)) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

std::string YamlForbiddenCharMessage(std::string_view yaml, size_t offset) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(yaml.data());
  auto i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(yaml.size()), c);
  char message[96];
  std::snprintf(message, sizeof message, "%s U+%04X at column %zu is not allowed in YAML",
                c >= 0xFFFE ? "noncharacter" : "control character", static_cast<unsigned>(c),
                PositionOf(yaml, offset).column);
  return message;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view TrimLineEnd(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

bool PrimaryLanguageSubtag(std::string_view tag, std::string* primary) {
  const size_t sep = tag.find_first_of("-_");
  const std::string_view first = tag.substr(0, sep);
  if (first.size() < 2 || first.size() > 3) return false;
  for (char c : first) {
    if (!IsAsciiAlpha(c)) return false;
  }
  std::string_view rest = sep == std::string_view::npos ? std::string_view() : tag.substr(sep + 1);
  while (sep != std::string_view::npos) {
    const size_t next = rest.find_first_of("-_");
    if (!IsSubtag(rest.substr(0, next))) return false;
    if (next == std::string_view::npos) break;
    rest.remove_prefix(next + 1);
  }
  primary->clear();
  for (char c : first)
    primary->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return true;
}

std::string NormalizeArticleIdRef(std::string_view ref) {
  ref = TrimAscii(ref);
  while (!ref.empty() && ref.front() == '/') ref.remove_prefix(1);
  constexpr std::string_view kExt = ".md";
  if (ref.size() > kExt.size() && ref.substr(ref.size() - kExt.size()) == kExt) {
    ref.remove_suffix(kExt.size());
  }
  return std::string(ref);
}

}  // namespace kb
