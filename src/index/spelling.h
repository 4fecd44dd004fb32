// Spelling: "did you mean" data built from PUBLIC articles only, so that no
// word of an internal article can ever surface as a suggestion.
//
// Index side: AddSpellingWords/RemoveSpellingWords keep Xapian's spelling
// table in step with the documents (one count per public document a word
// occurs in). Query side: XapianSpelling answers, for the query builder,
// whether a word is known and which public word is closest to it.
// Not thread-safe (holds a Xapian::Database reference).
#pragma once

#include <xapian.h>

#include <string>

#include "index/greeklish_table.h"
#include "kb/analysis/analysis.h"

namespace kb {

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
  // for (index/greeklish_table.h). By default none.
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

// Suggestions are limited to words of public articles in `lang` (when not
// empty): the spelling table itself is shared by all languages.
class XapianVocabulary : public Vocabulary {
 public:
  XapianVocabulary(const Xapian::Database& db, std::string lang)
      : db_(db), lang_(std::move(lang)) {}
  bool Known(const Token& token) override;
  bool KnownWord(const std::string& term) override;
  std::vector<std::string> KnownWords(const std::vector<std::string>& terms) override;
  std::string Suggest(const std::string& term) override;
  unsigned Frequency(const Token& token) override;
  unsigned FrequencyWith(const Token& token, const std::vector<Token>& context) override;
  bool KnownPhrase(const std::vector<std::string>& words) override;
  GreekForms GreeklishForms(const std::string& word) override;
  GreekForms GreeklishFormsWithTypo(const std::string& word) override;

 private:
  const Xapian::Database& db_;
  std::string lang_;
};

// Every index term a query token matches by: its exact form, extra forms and Z-stems.
std::vector<std::string> TokenTerms(const Token& token);

// Public articles (in `lang`, if not empty) matching `query`, counted up to `limit`.
unsigned CountPublic(const Xapian::Database& db, const Xapian::Query& query,
                     const std::string& lang, unsigned limit);

// Adds the words of a public document to the spelling table (no-op for internal ones).
void AddSpellingWords(Xapian::WritableDatabase& db, const Xapian::Document& doc);
// Removes the words of the stored document with unique term `id_term`, if any.
void RemoveSpellingWords(Xapian::WritableDatabase& db, const std::string& id_term);

// True when a folded term has a letter (any non-ASCII byte counts) and is not
// a Chinese, Japanese or Korean character pair (analysis/unspaced_text.h):
// words, not numbers, symbols or pairs, are spelling words and repair
// candidates.
bool IsSpellableWord(std::string_view term);

// The display form of a folded word: Greek σ at the end of a word becomes ς.
std::string DisplayForm(const std::string& folded);

}  // namespace kb
