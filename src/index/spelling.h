// Spelling: "did you mean" data built from PUBLIC articles only, so that no
// word of an internal article can ever surface as a suggestion.
//
// Index side: SpellingWordsOf, SpellingBatch and RemoveSpellingWords keep Xapian's spelling
// table in step with the documents (one count per public document a word
// occurs in). Query side: XapianVocabulary implements query understanding's
// kb::Vocabulary (kb/query/vocabulary.h) over the index: whether a word is
// known and which public word is closest to it.
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
  const analysis::Transliteration* Typed() const;

  const Xapian::Database& db_;
  std::string lang_;
};

// Every index term a query token matches by: its exact form, extra forms and Z-stems.
std::vector<std::string> TokenTerms(const Token& token);

// Public articles (in `lang`, if not empty) matching `query`, counted up to `limit`.
unsigned CountPublic(const Xapian::Database& db, const Xapian::Query& query,
                     const std::string& lang, unsigned limit);

// The words a document gives the spelling table: its spelling words if it is
// public, else none. Reads only `doc` (so it may run where doc was built).
std::vector<std::string> SpellingWordsOf(const Xapian::Document& doc);

// Spelling words added over many documents, counted here and given to Xapian
// once per word per Flush (one add_spelling per word and batch instead of
// one per word and document). Flush before every commit.
class SpellingBatch {
 public:
  void Add(const std::vector<std::string>& words);
  void Flush(Xapian::WritableDatabase& db);

 private:
  std::unordered_map<std::string, Xapian::termcount> counts_;
};
// Removes the words of the stored document with unique term `id_term`, if any.
void RemoveSpellingWords(Xapian::WritableDatabase& db, const std::string& id_term);

}  // namespace kb
