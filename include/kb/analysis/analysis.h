// kb::Analyzer: multilingual text analysis shared by indexing, querying and
// snippets (../shared/ANALYSIS.md). The same analyzer, with the same `lang`,
// runs on article text at index time and on the query at search time.
//
// Thread-safety: an Analyzer is NOT thread-safe (stemmers keep state). Build
// one per thread with NewAnalyzer() and reuse it for every document/query;
// building is the expensive part, calling it is cheap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

// One word of analyzed text.
struct Token {
  std::string term;  // folded surface form: the exact-match term (indexed with positions)
  std::vector<std::string>
      stems;  // stem candidates, without prefix (Hebrew: several; others: one); may be empty
  std::vector<std::string>
      extra_terms;  // extra exact terms without position (e.g. joined form of a ZWNJ compound)
  bool stopword = false;  // a function word ("the", "של", "را"): no stems
  uint32_t position = 0;  // word position; consecutive words differ by 1
  size_t begin = 0;       // byte span in the ORIGINAL input that produced this token;
  size_t end = 0;         //   several tokens may share one span (e.g. "בiPhone"), and
                          //   Chinese/Japanese/Korean character pairs overlap by one character
};

class Analyzer {
 public:
  virtual ~Analyzer() = default;

  // The char filter alone (ANALYSIS.md §4): normalization, folding, script
  // splits. `lang` selects language-specific steps (Persian letter map for
  // "fa", accent folding before stemming for "en"). Invalid UTF-8 bytes are
  // dropped. Never fails.
  virtual std::string Normalize(std::string_view text, std::string_view lang) = 0;

  // Tokens of `text` (UTF-8; invalid bytes are treated as separators) in
  // language `lang` ("" or unknown: per-word dispatch by script only), for
  // indexing, snippets and matching against indexed text.
  // Never fails; an empty or all-punctuation text gives no tokens.
  virtual std::vector<Token> Analyze(std::string_view text, std::string_view lang) = 0;

  // Analyze() for a search query: the same tokens, except that a word typed
  // in another script's letters may be a stopword of the language ("na" in a
  // Greek query), and character pairs carry no extra terms.
  virtual std::vector<Token> AnalyzeQuery(std::string_view text, std::string_view lang) = 0;
};

// Builds an analyzer with every stemmer it needs. Not thread-safe: one per thread.
std::unique_ptr<Analyzer> NewAnalyzer();

// Whether the index has articles in a language (for DetectLanguage).
using LanguageIndexed = std::function<bool(std::string_view lang)>;

// The query's language by script (ANALYSIS.md §6.2), from the language
// profiles' Detection (kb/analysis/language_profile.h): any Hebrew, Greek or
// Arabic-script letter wins over Latin; Arabic script is "fa" unless it has
// no Persian-only letter and `indexed("ar")` is true ("ar"). Then other
// scripts beat Latin too, the one with most letters winning: Han "zh" ("ja"
// with any kana), Hangul "ko", Thai "th", Lao "lo", Khmer "km", Myanmar "my",
// Georgian "ka", Armenian "hy", Tamil "ta", Cyrillic "ru" ("uk" with і ї є ґ).
// All-Latin text gives the usual language of Latin letters ("en"). No
// letters of these: returns "". `indexed` may be empty (nothing indexed).
// Pure function; thread-safe.
std::string DetectLanguage(std::string_view text, const LanguageIndexed& indexed);

// The same, with `latin_default` ("": the profiles' "en") for all-Latin
// text, and `others_indexed` as the answer of `indexed` for every language.
std::string DetectLanguage(std::string_view text, std::string_view latin_default = {},
                           bool others_indexed = false);

// Languages written in the same script that DetectLanguage cannot tell from
// `lang` ("zh": "ja" in kanji alone; "ru": "uk", "bg", "sr"...), most likely
// first; empty for the others. A searcher takes one of them when its index
// has no article in `lang`. Pure function; thread-safe.
std::vector<std::string> SameScriptLanguages(std::string_view lang);

}  // namespace kb
