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

  // Stems of `word` without a trailing "my" clitic (م, or its colloquial
  // object form مو = "…م را"), leaving at least 3 letters; empty when there is
  // none. Looser than Stems(): used only for query words, where a customer
  // writes حسابم or رمزمو and articles write حساب, رمز.
  std::vector<std::string> ClitiqueStrippedStems(std::string_view word) const;

  // The formal verb of a colloquial one with a joined می/نمی (میخواد ->
  // خواهد, میشه -> شود, میتونم -> توانم): what articles write for what
  // customers type. Empty when the word is not a known colloquial form.
  // Query-only, like ClitiqueStrippedStems.
  std::vector<std::string> FormalVerbStems(std::string_view word) const;

  // True when `word` is a form of a light verb (کردن, شدن, دادن, زدن,
  // گرفتن, داشتن, گذاشتن), the verb of compound verbs: پاک کنید, وصل شد.
  bool IsLightVerb(std::string_view word) const;

 private:
  // Stems() of a decoded word: callers that already hold code points skip a
  // UTF-8 round trip.
  std::vector<std::string> Stems(std::u32string w) const;
  bool IsProtected(const std::u32string& w) const { return protect_.count(w) != 0; }

  std::unordered_set<std::u32string> protect_;
};

}  // namespace kb::analysis
