// CharFilter: the normalization of ANALYSIS.md §4, run on every text before
// tokenization (documents and queries alike).
//
// Steps: ZWNJ/ZWSP/bidi controls -> space, invalid UTF-8 dropped; NFKC with
// full case folding (which also deletes soft hyphens and other default
// ignorables); marks dropped after Hebrew, Greek, Arabic (and, for English or
// unknown languages, Latin) letters; Hebrew geresh/gershayim/maqaf rules;
// Persian letter unification; Cyrillic ё -> е; Traditional Chinese ->
// Simplified (密碼 -> 密码); tatweel removed; digits ->
// ASCII; a space where the script changes between two letters. The output is
// NFC.
//
// Thread-safety: not thread-safe (reuses scratch buffers); one per Analyzer.
// The ICU normalizer instances are owned by ICU and obtained once.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "kb/analysis/language_profile.h"  // CharFilterOptions

namespace kb::analysis {

class CharFilter {
 public:
  CharFilter();

  // Filters UTF-8 `text` into code points in *out (replaced). Never fails.
  void Apply(std::string_view text, const CharFilterOptions& opts, std::u32string* out);

  // Drops combining marks from Latin letters of a UTF-8 word in place
  // (used to fold stems of French, German... after stemming).
  void FoldLatinMarks(std::string* word);

 private:
  void Decode(std::string_view text);
  void Rewrite(const CharFilterOptions& opts, std::u32string* out);
  // Base letter of `c` without its marks if `c` is precomposed, else `c`.
  char32_t StripDecomposition(char32_t c);

  const icu::Normalizer2* nfkc_cf_ = nullptr;  // owned by ICU
  const icu::Normalizer2* nfd_ = nullptr;      // owned by ICU
  icu::UnicodeString decoded_;
  icu::UnicodeString normalized_;
  icu::UnicodeString decomposition_;
};

}  // namespace kb::analysis
