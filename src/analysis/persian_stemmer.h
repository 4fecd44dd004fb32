// Persian light stemmer (ANALYSIS.md §3.4): a protected-word list, the joined
// می/نمی verb prefix rule, and suffix rounds with minimum lengths.
//
// Input: one char-filtered Persian word (canonical Persian letters, no ZWNJ).
// Thread-safe after construction (read-only).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace kb::analysis {

class PersianStemmer {
 public:
  // `normalize` maps each built-in protected word to its char-filtered form.
  template <typename Normalize>
  explicit PersianStemmer(Normalize normalize) {
    for (const char* w : ProtectedWords()) protect_.insert(ToU32(normalize(w)));
  }

  // The stem of `word` (UTF-8); never empty for a non-empty word.
  std::string Stem(std::string_view word) const;

 private:
  static const std::initializer_list<const char*>& ProtectedWords();
  static std::u32string ToU32(const std::string& s);
  bool IsProtected(const std::u32string& w) const { return protect_.count(w) != 0; }

  std::unordered_set<std::u32string> protect_;
};

}  // namespace kb::analysis
