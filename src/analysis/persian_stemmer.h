// Persian light stemmer (ANALYSIS.md §3.4): a protected-word list, the joined
// می/نمی verb prefix rule, and suffix rounds with minimum lengths.
//
// Input: one char-filtered Persian word (canonical Persian letters, no ZWNJ).
// Thread-safe after construction (read-only).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kb::analysis {

class PersianStemmer {
 public:
  // `normalize` maps each built-in protected word to its char-filtered form
  // (UTF-8); called only during construction.
  explicit PersianStemmer(const std::function<std::string(const char*)>& normalize);

  // The stem candidates of `word` (UTF-8), never empty strings. One stem
  // usually; a word that may be a verb with a joined می/نمی prefix gets two
  // (the verb without the prefix, and the word stemmed as a noun: میرورهای is
  // a plural ending in ی, not a verb), and, as for Hebrew, matching works by
  // intersecting candidate sets.
  std::vector<std::string> Stems(std::string_view word) const;

 private:
  // Stems() of a decoded word: callers that already hold code points skip a
  // UTF-8 round trip.
  std::vector<std::string> Stems(std::u32string w) const;
  bool IsProtected(const std::u32string& w) const { return protect_.count(w) != 0; }

  std::unordered_set<std::u32string> protect_;
};

}  // namespace kb::analysis
