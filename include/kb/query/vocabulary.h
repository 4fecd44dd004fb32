// The vocabulary query understanding works against: what the published
// articles know (kb::Vocabulary, an interface the index part implements over
// Xapian and tests fake), and the word rules repair and spelling share.
// No index types here: query understanding is written against this.
//
// Thread-safety: a Vocabulary is not thread-safe (one per search); the free
// functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"

namespace kb {

// What a folded Latin word may stand for in Greek: the words listed under
// its keys (`exact`, at most kMaxGreeklishWords) and the stems (without Z)
// listed under its keys or a key without its ending (at most
// kMaxGreeklishStems). Empty for a word that is not Latin letters, and when
// no public article has any of them (the table lists internal articles'
// words too; a customer must not tell those from unknown words).
struct GreekForms {
  std::vector<std::string> exact, stems;
  bool empty() const { return exact.empty() && stems.empty(); }
};
inline constexpr size_t kMaxGreeklishWords = 8;
inline constexpr size_t kMaxGreeklishStems = 16;

// The query builder's view of the vocabulary (an interface so tests can fake it).
class Vocabulary {
 public:
  virtual ~Vocabulary() = default;
  // True when the token's exact form, an extra form or any stem occurs in a public article.
  virtual bool Known(const Token& token) = 0;
  // True when `term` (folded) is itself a word of a public article.
  virtual bool KnownWord(const std::string& term) = 0;
  // Those of `terms` that KnownWord accepts, in the order given. For many
  // terms at once (a typo's forms one edit away) this can be much cheaper.
  virtual std::vector<std::string> KnownWords(const std::vector<std::string>& terms) {
    std::vector<std::string> known;
    for (const std::string& term : terms)
      if (KnownWord(term)) known.push_back(term);
    return known;
  }
  // The closest public word to `term` (folded), or "" when none is close enough.
  virtual std::string Suggest(const std::string& term) = 0;
  // How many public articles have the token (exact form, extra form or a
  // stem): ranks candidate corrections. By default 1 when Known, else 0.
  virtual unsigned Frequency(const Token& token) { return Known(token) ? 1 : 0; }
  // How many public articles of the query's language have the token and
  // also one of the `context` tokens (the query's other words): which
  // correction fits the rest of the query. By default Frequency(token).
  virtual unsigned FrequencyWith(const Token& token, const std::vector<Token>& context) {
    (void)context;
    return Frequency(token);
  }
  // True when a public article has `words` (exact forms) next to each other,
  // in this order. By default false.
  virtual bool KnownPhrase(const std::vector<std::string>& words) {
    (void)words;
    return false;
  }
  // The Greek words and stems that the folded Latin `word` may be Greeklish
  // for (the index's Greeklish table). By default none.
  virtual GreekForms GreeklishForms(const std::string& word) {
    (void)word;
    return {};
  }
  // Those it may be Greeklish with a typo for, when GreeklishForms has none.
  // By default none.
  virtual GreekForms GreeklishFormsWithTypo(const std::string& word) {
    (void)word;
    return {};
  }
};

// True when a folded term has a letter (any non-ASCII byte counts) and is not
// a Chinese, Japanese or Korean character pair: words, not numbers, symbols or
// pairs, are spelling words and repair candidates.
bool IsSpellableWord(std::string_view term);

// The display form of a folded word: Greek σ at the end of a word becomes ς.
std::string DisplayForm(const std::string& folded);

}  // namespace kb
