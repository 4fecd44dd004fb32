#include "spelling.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "greeklish_table.h"
#include "kb/analysis/language_profile.h"
#include "kb/query/dictionary.h"
#include "schema.h"

namespace kb {

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
  // Cheapest first: the exact form among public words.
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

bool XapianVocabulary::PublicHas(const std::string& term, Xapian::doccount frequency) {
  // Internal articles have their words again as XI terms: fewer of those
  // than articles with the word, and some public article has it.
  return frequency > db_.get_termfreq(schema::InternalWordTerm(term));
}

bool XapianVocabulary::KnownWord(const std::string& term) {
  return IsSpellableWord(term) && PublicHas(term, db_.get_termfreq(term));
}

std::vector<std::string> XapianVocabulary::KnownWords(const std::vector<std::string>& terms) {
  // One pass of one cursor over the index's terms, in sorted order, instead
  // of a look-up from the root per term.
  std::vector<std::string> sorted;
  for (const std::string& term : terms)
    if (IsSpellableWord(term)) sorted.push_back(term);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::set<std::string> found;
  Xapian::TermIterator it = db_.allterms_begin();
  for (const std::string& term : sorted) {
    it.skip_to(term);
    if (it == db_.allterms_end()) break;
    if (*it == term && PublicHas(term, it.get_termfreq())) found.insert(term);
  }
  std::vector<std::string> known;
  for (const std::string& term : terms)
    if (found.count(term)) known.push_back(term);
  return known;
}

std::string XapianVocabulary::Suggest(const std::string& term) {
  // The words one edit away first (in the query language's letters, or in
  // those of the word's own script: a Latin word in a Hebrew query), then
  // the word with a prefix of up to three letters left out ("unlisted":
  // listed); of each kind the one most public articles of the language have.
  std::vector<std::string> near = OneEditForms(term, SuggestionLettersOf(lang_));
  if (near.empty()) near = OneEditForms(term, SuggestionLettersOf(DetectLanguage(term)));
  for (const std::vector<std::string>& forms : {near, PrefixStrippedForms(term)}) {
    std::string best;
    unsigned best_count = 0;
    for (const std::string& form : KnownWords(forms)) {
      const unsigned count = CountPublic(db_, Xapian::Query(form), lang_, db_.get_doccount());
      if (count > best_count) best = form, best_count = count;
    }
    if (!best.empty()) return best;
  }
  return std::string();  // none, or words of other languages only
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

}  // namespace kb
