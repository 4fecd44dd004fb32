// Greek stemmer: libstemmer 2.2 `greek` (Xapian 1.4 has none) on folded
// input (no accents or dialytika, σ for ς; the char filter does that), plus a
// post-stem override table that reunites paradigms the algorithm splits
// (ANALYSIS.md §1.4).
//
// Thread-safety: NOT thread-safe (sb_stemmer keeps state); one per Analyzer.
// Owns its sb_stemmer.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace kb::analysis {

class GreekStemmer {
 public:
  GreekStemmer();
  ~GreekStemmer();
  GreekStemmer(const GreekStemmer&) = delete;
  GreekStemmer& operator=(const GreekStemmer&) = delete;

  // Stem of a folded Greek word; the word itself if libstemmer is missing
  // or fails. Never empty for a non-empty word.
  std::string Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string> overrides_;
};

}  // namespace kb::analysis
