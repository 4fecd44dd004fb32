#include "snowball_stemmer.h"

#include <libstemmer.h>

#include "kb/analysis/text.h"

namespace kb::analysis {
namespace {

// Snowball German's vowels.
bool IsGermanVowel(char32_t c) {
  switch (c) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y':
    case U'ä':
    case U'ö':
    case U'ü':
      return true;
    default:
      return false;
  }
}

char32_t Umlaut(char32_t c) { return c == U'a' ? U'ä' : c == U'o' ? U'ö' : U'ü'; }

}  // namespace

std::string German2Umlauts(std::string_view word) {
  const std::u32string in = DecodeUtf8(word);
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c == U'q' && i + 1 < in.size() && in[i + 1] == U'u') {  // "qu" and the two letters after it
      for (size_t k = 0; k < 4 && i + k < in.size(); ++k) out.push_back(in[i + k]);
      i += 3;
      continue;
    }
    const bool pair =
        i + 1 < in.size() && in[i + 1] == U'e' && (c == U'a' || c == U'o' || c == U'u');
    const bool consonant_u = c == U'u' && i > 0 && IsGermanVowel(in[i - 1]) && i + 1 < in.size() &&
                             IsGermanVowel(in[i + 1]);
    if (pair && !consonant_u) {
      out.push_back(Umlaut(c));
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return ToUtf8(out);
}

std::unique_ptr<SnowballStemmer> SnowballStemmer::Create(std::string_view algorithm) {
  const bool german2 = algorithm == "german2";
  const std::string name(german2 ? "german" : algorithm);
  sb_stemmer* stemmer = sb_stemmer_new(name.c_str(), "UTF_8");
  if (stemmer == nullptr) return nullptr;
  return std::unique_ptr<SnowballStemmer>(new SnowballStemmer(stemmer, german2));
}

SnowballStemmer::~SnowballStemmer() { sb_stemmer_delete(stemmer_); }

std::string SnowballStemmer::Stem(std::string_view word) {
  if (word.empty()) return std::string(word);
  const std::string rewritten = german2_ ? German2Umlauts(word) : std::string();
  const std::string_view input = german2_ ? std::string_view(rewritten) : word;
  const sb_symbol* r = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(input.data()),
                                       static_cast<int>(input.size()));
  if (r == nullptr || sb_stemmer_length(stemmer_) == 0) return std::string(word);
  return std::string(reinterpret_cast<const char*>(r),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace kb::analysis
