// Spelling: query understanding's kb::Vocabulary (kb/query/vocabulary.h)
// over the index: whether a word is known, which public word is closest to
// it ("did you mean"), how many articles have it. The words are the index's
// own exact forms, and only those of PUBLIC articles count, so that no word
// of an internal article can ever surface as a suggestion. Publishing keeps
// no table for it: Xapian's spelling table was a quarter of a full build's
// CPU and answered no query of the evaluation sets that one edit does not
// (docs/performance.md, fourteenth round).
// Not thread-safe (holds a Xapian::Database reference).
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "kb/query/vocabulary.h"

namespace kb {

// Suggestions are limited to words of public articles in `lang` (when not
// empty): the index's words are shared by all languages.
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
  const analysis::Transliteration* Typed() const;
  // Whether a public article has the exact form `term`, which `frequency`
  // articles have.
  bool PublicHas(const std::string& term, Xapian::doccount frequency);

  const Xapian::Database& db_;
  std::string lang_;
};

// Every index term a query token matches by: its exact form, extra forms and Z-stems.
std::vector<std::string> TokenTerms(const Token& token);

// Public articles (in `lang`, if not empty) matching `query`, counted up to `limit`.
unsigned CountPublic(const Xapian::Database& db, const Xapian::Query& query,
                     const std::string& lang, unsigned limit);

}  // namespace kb
