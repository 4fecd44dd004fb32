// Text helpers of the analysis part that other parts share: UTF-8 and code
// points, affix tests, and which folded terms are Chinese, Japanese or Korean
// character pairs rather than words. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kb::analysis {

// Appends the UTF-8 encoding of a valid code point `c` to `out`.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

inline std::string ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

// Decodes UTF-8, dropping ill-formed bytes.
std::u32string DecodeUtf8(std::string_view s);

// Whether `s` (a string or string view: UTF-8 bytes or code points) starts
// or ends with `affix` (anything that converts to a view of the same kind).
template <typename S, typename Affix>
bool StartsWith(const S& s, const Affix& affix) {
  const std::basic_string_view<typename S::value_type> v(s), a(affix);
  return v.size() >= a.size() && v.substr(0, a.size()) == a;
}

template <typename S, typename Affix>
bool EndsWith(const S& s, const Affix& affix) {
  const std::basic_string_view<typename S::value_type> v(s), a(affix);
  return v.size() >= a.size() && v.substr(v.size() - a.size()) == a;
}

// Whether `word` is exactly `stem` followed by `ending` (a verb form: the
// Persian light verbs' گیر + م).
inline bool IsStemPlusEnding(std::u32string_view word, std::u32string_view stem,
                             std::u32string_view ending) {
  return word.size() == stem.size() + ending.size() && StartsWith(word, stem) &&
         EndsWith(word, ending);
}

// Whether a (folded) term is a character pair (or a lone character) of
// Chinese, Japanese or Korean: its first letter is of a kPairs script. Pairs
// are not words as a customer typed them, so they never go into the spelling
// table and are never "corrected". (Thai... dictionary words are words: a
// typo in one is corrected like any other.)
bool IsCharacterPairTerm(std::string_view term);

}  // namespace kb::analysis
