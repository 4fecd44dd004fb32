// Applies synonym rules (kb/synonyms.h) to an analyzed query: where a rule's
// left side matches query words (by exact form or a shared stem, so "emails"
// matches the rule for "email"; not by a Hebrew candidate that strips the
// key's first letters: משלוח does not match לוח), every right side becomes
// an alternative of
// those words. Keys and alternatives are analyzed once, when the expander is
// built, with the same analyzer as queries. Not thread-safe to build; Match()
// is const.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/articles/synonyms.h"

namespace kb {

// One alternative: a single word (exact form + stems) or a phrase (exact forms).
struct Alternative {
  std::vector<std::string> exact;
  std::vector<std::string> stems;  // for single words only
  double weight = 1.0;             // relative to the word itself
};

// The alternative that an analyzed text stands for (its exact forms; its stems
// when it is one word).
Alternative AlternativeOf(const std::vector<Token>& tokens);

struct SynonymMatch {
  size_t first = 0, last = 0;  // token indexes, inclusive
  std::vector<Alternative> alternatives;
};

class SynonymExpander {
 public:
  SynonymExpander() = default;
  SynonymExpander(const std::vector<SynonymRule>& rules, Analyzer& analyzer);

  // Non-overlapping matches in `tokens` (longest first, left to right) for
  // rules of language `lang`.
  std::vector<SynonymMatch> Match(const std::vector<Token>& tokens, const std::string& lang) const;

  // True when `term` (an exact form) is by itself the key of a rule of
  // `lang`: a word kb knows even if no article has it (spelling repair
  // may correct a typo to it, and the rule then applies).
  bool IsKeyWord(const std::string& lang, const std::string& term) const;

 private:
  struct Key {
    std::string lang;
    std::vector<Token> tokens;
    std::vector<Alternative> alternatives;
  };
  std::vector<Key> keys_;
  std::set<std::pair<std::string, std::string>> key_words_;  // (lang, exact form) of one-word keys
};

}  // namespace kb
