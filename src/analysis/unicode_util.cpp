#include "unicode_util.h"

#include <unicode/utf8.h>

namespace kb::analysis {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace kb::analysis
