// UTF-8 validation (ICU's U8_NEXT under the hood). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kb {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or std::string_view::npos when all of `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

// Code points in valid UTF-8 `text` (bytes that do not continue a sequence).
inline size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

// `text` with every byte that is not part of well-formed UTF-8 written as
// "\xNN" (upper-case hex), so that a message quoting input (a file name, a
// library's error that cut a character in two) is valid UTF-8 and still shows
// which bytes were there. Valid text is returned unchanged.
std::string EscapeInvalidUtf8(std::string_view text);

}  // namespace kb
