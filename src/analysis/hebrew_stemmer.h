// Dictionary-free Hebrew light stemmer (ANALYSIS.md §2.5): one candidate stem
// per valid prefix cluster, with suffix normalization, final-letter folding,
// a doubled ו or י read as one letter, and a final ת also read as the ה of a
// feminine noun's construct form (מחיקת of מחיקה). Matching is by set intersection:
// index every candidate, query with a synonym of the query word's candidates.
//
// Input: one char-filtered Hebrew word (no niqqud, geresh or gershayim).
// Thread-safe after construction (read-only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::analysis {

class HebrewStemmer {
 public:
  HebrewStemmer();

  // Distinct candidates of `word` (UTF-8), the unprefixed one first; no
  // candidate is an empty string. Never empty for a non-empty word.
  std::vector<std::string> Candidates(std::string_view word) const;

  size_t prefix_count() const { return prefixes_.size(); }

 private:
  std::vector<std::u32string> prefixes_;  // the 69 prefix clusters
};

}  // namespace kb::analysis
