#include "greeklish_table.h"

#include <algorithm>
#include <string_view>

#include "kb/analysis/language_profile.h"
#include "kb/core/edit_distance.h"
#include "kb/core/vector_util.h"
#include "query_builder.h"
#include "schema.h"
#include "spelling.h"

namespace kb {
namespace {

using analysis::LanguageProfile;
using analysis::Transliteration;

// The language typed in other letters (of `typed`) that an unprefixed term
// beginning with a letter of its script is a word of, or null.
const LanguageProfile* TypedLanguageOf(const std::vector<const LanguageProfile*>& typed,
                                       const std::string& term) {
  const std::string_view script = analysis::ScriptOfWord(term);
  if (script.empty()) return nullptr;
  for (const LanguageProfile* profile : typed)
    if (profile->script == script) return profile;
  return nullptr;
}

std::string TableKey(const std::string& key) { return schema::Term(schema::kGreeklishKey, key); }

// Adds the words (when `words_too`) and stems listed under `table_key` to `forms`.
void AddListed(const Xapian::Database& db, const std::string& table_key, bool words_too,
               GreekForms* forms) {
  auto add = [](std::vector<std::string>* to, std::string form, size_t limit) {
    if (to->size() < limit) AppendIfAbsent(to, std::move(form));
  };
  for (auto it = db.synonyms_begin(table_key); it != db.synonyms_end(table_key); ++it) {
    const std::string& term = *it;
    if (term.compare(0, schema::kStem.size(), schema::kStem) == 0)
      add(&forms->stems, term.substr(schema::kStem.size()), kMaxGreeklishStems);
    else if (words_too)
      add(&forms->exact, term, kMaxGreeklishWords);
  }
}

// `forms`, or none when no public article has any of them: to a customer, a
// word that only internal articles have must read like an unknown word (as
// with typo repair, which knows the words of public articles only).
GreekForms PublicOnly(const Xapian::Database& db, GreekForms forms) {
  std::vector<std::string> terms = forms.exact;
  for (const std::string& stem : forms.stems) terms.push_back(schema::Term(schema::kStem, stem));
  if (terms.empty()) return forms;
  const Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return CountPublic(db, any, "", 1) > 0 ? forms : GreekForms();
}

}  // namespace

GreeklishTableWriter::GreeklishTableWriter(Xapian::WritableDatabase& db, Analyzer& analyzer)
    : db_(db), analyzer_(analyzer), typed_(analysis::TransliteratedFrom(kTypedIn)) {}

void GreeklishTableWriter::Add(const Xapian::Document& doc) {
  if (typed_.empty()) return;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    const LanguageProfile* profile = TypedLanguageOf(typed_, term);
    if (profile == nullptr || !written_.insert(term).second) continue;
    const std::vector<Token> tokens = analyzer_.Analyze(term, profile->code);
    if (tokens.size() != 1 || tokens[0].stopword) continue;
    const Transliteration& typed = *profile->transliteration;
    const std::string key = TableKey(typed.key_of_word(term));
    if (key.size() == schema::kGreeklishKey.size()) continue;
    db_.add_synonym(key, term);
    for (const std::string& stem : tokens[0].stems) {
      const std::string stem_term = schema::Term(schema::kStem, stem);
      db_.add_synonym(key, stem_term);
      const std::string stem_key = typed.key_of_word(stem);
      if (!stem_key.empty()) db_.add_synonym(TableKey(stem_key), stem_term);
    }
  }
}

GreekForms GreekFormsOfGreeklish(const Xapian::Database& db, const Transliteration& typed,
                                 const std::string& word) {
  GreekForms forms;
  // A word's own keys give words and stems; its keys without an ending, stems.
  const std::vector<std::string> keys = typed.keys_of_typed(word);
  for (const std::string& key : keys) AddListed(db, TableKey(key), true, &forms);
  for (const std::string& key : keys)
    for (const std::string& stem : typed.key_stems(key))
      AddListed(db, TableKey(stem), false, &forms);
  return PublicOnly(db, std::move(forms));
}

GreekForms GreekFormsNearGreeklish(const Xapian::Database& db, const Transliteration& typed,
                                   const std::string& word) {
  std::vector<std::string> keys;
  for (const std::string& key : typed.keys_of_typed(word)) {
    keys.push_back(key);
    for (std::string& stem : typed.key_stems(key)) keys.push_back(std::move(stem));
  }
  constexpr size_t kShared = 2;  // first key letters a typo leaves alone
  std::vector<std::string> starts;
  for (const std::string& key : keys)
    if (key.size() > kShared) AppendIfAbsent(&starts, key.substr(0, kShared));
  size_t nearest = 3, scanned = 0;
  std::vector<std::string> found;  // table keys at distance `nearest`
  for (const std::string& start : starts) {
    const std::string prefix = TableKey(start);
    for (auto it = db.synonym_keys_begin(prefix); it != db.synonym_keys_end(prefix); ++it) {
      if (++scanned > kMaxScannedKeys) break;
      const std::string candidate = (*it).substr(schema::kGreeklishKey.size());
      for (const std::string& key : keys) {
        const size_t limit = std::min(nearest, key.size() >= kLongKey ? size_t{2} : size_t{1});
        const size_t d = BoundedEditDistance(key, candidate, limit);
        if (d > limit) continue;
        if (d < nearest) nearest = d, found.clear();
        AppendIfAbsent(&found, *it);
        break;
      }
    }
  }
  GreekForms forms;
  if (found.size() > kMaxNearKeys) found.resize(kMaxNearKeys);
  for (const std::string& table_key : found) AddListed(db, table_key, true, &forms);
  return PublicOnly(db, std::move(forms));
}

GreekForms GreekFormsOfGreeklishPrefix(const Xapian::Database& db, const Transliteration& typed,
                                       const std::string& partial) {
  GreekForms forms;
  size_t keys = 0;
  for (const std::string& key : typed.keys_of_typed(partial)) {
    if (key.size() < kMinCompletedKeyLetters) continue;
    const std::string prefix = TableKey(key);
    for (auto it = db.synonym_keys_begin(prefix); it != db.synonym_keys_end(prefix); ++it) {
      if (++keys > kMaxCompletedKeys) return forms;
      AddListed(db, *it, true, &forms);
    }
  }
  return forms;
}

bool ReadsAsGreeklish(const Xapian::Database& db, Analyzer& analyzer,
                      const LanguageProfile& language, std::string_view text,
                      WordList* letters_words) {
  const Transliteration& typed = *language.transliteration;
  const LanguageProfile* letters = analysis::ScriptDefault(typed.typed_in);
  XapianVocabulary vocabulary(db, std::string());
  std::unordered_set<std::string> seen;
  // In halves: a word that reads both ways counts half for each.
  int greek = 0, known = 0;
  for (const Token& token : analyzer.Analyze(text, letters ? letters->code : std::string())) {
    if (token.stopword || !typed.is_typed_word(token.term)) continue;
    // A long or hostile text is judged by the words a query searches.
    if (seen.size() >= kMaxQueryWords) break;
    if (!seen.insert(token.term).second) continue;
    if (vocabulary.Known(token)) {
      // Names that Greek articles write in Latin letters ("Deja Dup") count
      // for neither language.
      const std::vector<std::string> terms = TokenTerms(token);
      const Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
      if (CountPublic(db, any, language.code, 1) == 0) known += 2;
    } else if (!GreekFormsOfGreeklish(db, typed, token.term).empty()) {
      const bool real_word = letters_words != nullptr && letters_words->IsWord(token.term);
      greek += real_word ? 1 : 2;
      known += real_word ? 1 : 0;
    }
  }
  return greek > 0 && greek >= known;
}

}  // namespace kb
