// UTF-8 validation for article files.
//
// Pure function, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kb {

// Returns the byte offset of the first byte that is not part of a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// invalid), or nullopt when all of `bytes` is valid UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

}  // namespace kb
