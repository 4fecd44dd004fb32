#include "spelling.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "greeklish_table.h"
#include "kb/analysis/language_profile.h"
#include "kb/analysis/text.h"
#include "kb/core/utf8.h"
#include "schema.h"
#include "spelling_key.h"

namespace kb {
namespace {

bool IsPublic(const Xapian::Document& doc) {
  auto it = doc.termlist_begin();
  it.skip_to(schema::kPublicTerm);
  return it != doc.termlist_end() && *it == schema::kPublicTerm;
}

// Spelling words are the positional, unprefixed terms (real words of the text)
// that contain at least one letter.
bool IsSpellingWord(const Xapian::TermIterator& it) {
  const std::string& term = *it;
  if (!schema::IsExactForm(term)) return false;
  return it.positionlist_count() > 0 && IsSpellableWord(term);
}

}  // namespace

std::vector<std::string> TokenTerms(const Token& token) {
  std::vector<std::string> terms{token.term};
  for (const auto& e : token.extra_terms) terms.push_back(e);
  for (const auto& s : token.stems) terms.push_back(schema::Term(schema::kStem, s));
  return terms;
}

unsigned CountPublic(const Xapian::Database& db, const Xapian::Query& query,
                     const std::string& lang, unsigned limit) {
  Xapian::Query filter(schema::kPublicTerm);
  if (!lang.empty())
    filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, Xapian::Query(schema::LangTerm(lang)));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, filter));
  return enquire.get_mset(0, 0, limit).get_matches_lower_bound();
}

bool XapianVocabulary::Known(const Token& token) {
  // Cheapest first: the exact form among public words (the spelling table).
  if (KnownWord(token.term)) return true;
  const std::vector<std::string> terms = TokenTerms(token);
  const bool anywhere = std::any_of(
      terms.begin(), terms.end(), [this](const std::string& t) { return db_.get_termfreq(t) > 0; });
  // Known in any language (a word of another language is not a typo), but
  // only through public articles: internal words must not change anything.
  return anywhere &&
         CountPublic(db_, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), "", 1) >
             0;
}

unsigned XapianVocabulary::Frequency(const Token& token) {
  const std::vector<std::string> terms = TokenTerms(token);
  return CountPublic(db_, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), "",
                     db_.get_doccount());
}

unsigned XapianVocabulary::FrequencyWith(const Token& token, const std::vector<Token>& context) {
  std::vector<std::string> others;
  for (const Token& t : context) {
    const std::vector<std::string> terms = TokenTerms(t);
    others.insert(others.end(), terms.begin(), terms.end());
  }
  if (others.empty()) return 0;
  const std::vector<std::string> terms = TokenTerms(token);
  const Xapian::Query query(Xapian::Query::OP_AND,
                            Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                            Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end()));
  return CountPublic(db_, query, lang_, db_.get_doccount());
}

bool XapianVocabulary::KnownPhrase(const std::vector<std::string>& words) {
  if (words.size() < 2) return words.size() == 1 && KnownWord(words[0]);
  return CountPublic(
             db_, Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size()),
             lang_, 1) > 0;
}

bool XapianVocabulary::KnownWord(const std::string& term) {
  // The spelling table holds exactly the words of public articles.
  const std::string key = SpellingKey(term);
  Xapian::TermIterator it = db_.spellings_begin();
  it.skip_to(key);
  return it != db_.spellings_end() && *it == key;
}

std::vector<std::string> XapianVocabulary::KnownWords(const std::vector<std::string>& terms) {
  // One pass of one cursor over the spelling table, in sorted order, instead
  // of a new cursor per term.
  std::vector<std::string> keys;
  for (const std::string& term : terms) keys.push_back(SpellingKey(term));
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::set<std::string> found;
  Xapian::TermIterator it = db_.spellings_begin();
  for (const std::string& key : sorted) {
    it.skip_to(key);
    if (it == db_.spellings_end()) break;
    if (*it == key) found.insert(key);
  }
  std::vector<std::string> known;
  for (size_t i = 0; i < terms.size(); ++i)
    if (found.count(keys[i])) known.push_back(terms[i]);
  return known;
}

std::string XapianVocabulary::Suggest(const std::string& term) {
  // Short words get one edit: Hebrew and Greek are dense, two edits turn
  // short words into unrelated ones (ANALYSIS.md §6.4).
  const unsigned max_edits = CountCodePoints(term) <= 5 ? 1 : 2;
  const std::string suggestion =
      WordOfSpellingKey(db_.get_spelling_suggestion(SpellingKey(term), max_edits));
  if (suggestion.empty() || CountPublic(db_, Xapian::Query(suggestion), lang_, 1) > 0)
    return suggestion;
  return std::string();  // a word of another language only
}

// The transliteration of the vocabulary's language (Greeklish), or null.
const analysis::Transliteration* XapianVocabulary::Typed() const {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang_);
  return profile != nullptr ? profile->transliteration : nullptr;
}

GreekForms XapianVocabulary::GreeklishForms(const std::string& word) {
  const analysis::Transliteration* typed = Typed();
  return typed != nullptr ? GreekFormsOfGreeklish(db_, *typed, word) : GreekForms();
}

GreekForms XapianVocabulary::GreeklishFormsWithTypo(const std::string& word) {
  const analysis::Transliteration* typed = Typed();
  return typed != nullptr ? GreekFormsNearGreeklish(db_, *typed, word) : GreekForms();
}

std::vector<std::string> SpellingWordsOf(const Xapian::Document& doc) {
  std::vector<std::string> words;
  if (!IsPublic(doc)) return words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if (IsSpellingWord(it)) words.push_back(*it);
  return words;
}

void SpellingBatch::Add(const std::vector<std::string>& words) {
  for (const std::string& word : words) ++counts_[word];
}

void SpellingBatch::Flush(Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : counts_) db.add_spelling(SpellingKey(word), count);
  counts_.clear();
}

void RemoveSpellingWords(Xapian::WritableDatabase& db, const std::string& id_term) {
  auto posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term)) return;
  const Xapian::Document doc = db.get_document(*posting);
  if (!IsPublic(doc)) return;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if (IsSpellingWord(it)) db.remove_spelling(SpellingKey(*it), 1);
}

}  // namespace kb
