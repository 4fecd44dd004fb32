#include "kb/core/utf8.h"

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
  // One byte at a time: after a sequence cut short, the next byte may start a
  // valid character.
  for (size_t bad; (bad = FindInvalidUtf8(text)) != std::string_view::npos;
       text.remove_prefix(bad + 1)) {
    out.append(text.substr(0, bad));
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    out += hex;
  }
  out.append(text);
  return out;
}

}  // namespace kb
