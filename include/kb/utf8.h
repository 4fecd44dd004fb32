// UTF-8 validation (ICU's U8_NEXT under the hood). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace kb {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or std::string_view::npos when all of `text` is valid.
size_t FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace kb
