#include "kb/utf8.h"

#include <unicode/utf8.h>

#include <cstdio>

namespace kb {

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

std::string EscapeInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      out.append(text.substr(start, i - start));
      continue;
    }
    // U8_NEXT skips a truncated sequence at once; escape its bytes one by one
    // and read on after the first, which may start a valid character.
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02X", s[start]);
    out += hex;
    i = start + 1;
  }
  return out;
}

}  // namespace kb
