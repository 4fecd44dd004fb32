#include "text_util.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

namespace kb {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// YAML 1.2 §5.1: every C0 control but tab, LF and CR; DEL; every C1 control
// but NEL; U+FFFE and U+FFFF.
bool IsYamlForbidden(UChar32 c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
         (c >= 0x7F && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
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
