#include "articles/text_util.h"

#include <cstdio>

namespace kb {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

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
  for (size_t i = 0; i < yaml.size(); ++i) {
    const auto c = static_cast<unsigned char>(yaml[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    if (i + 1 >= yaml.size()) continue;
    const auto c1 = static_cast<unsigned char>(yaml[i + 1]);
    // U+0080..U+009F are C2 80..C2 9F; NEL (U+0085) is the one YAML allows.
    if (c == 0xC2 && c1 <= 0x9F && c1 != 0x85) return i;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && c1 == 0xBF && i + 2 < yaml.size() && static_cast<unsigned char>(yaml[i + 2]) >= 0xBE) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string YamlForbiddenCharMessage(std::string_view yaml, size_t offset) {
  const auto lead = static_cast<unsigned char>(yaml[offset]);
  unsigned code_point = lead;
  const char* kind = "control character";
  if (lead == 0xC2) {
    code_point = static_cast<unsigned char>(yaml[offset + 1]);
  } else if (lead == 0xEF) {
    code_point = 0xFFC0 | (static_cast<unsigned char>(yaml[offset + 2]) & 0x3F);
    kind = "noncharacter";
  }
  char message[96];
  std::snprintf(message, sizeof message, "%s U+%04X at column %zu is not allowed in YAML", kind, code_point,
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
  for (char c : first) primary->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
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
