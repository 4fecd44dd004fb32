// The index's Greeklish table (analysis/greeklish.h): which Greek words and
// stems a Latin-typed word may stand for, for each language whose profile
// has a transliteration from Latin letters (kb/analysis/language_profile.h:
// today Greek; the keys of every such language share the table). Kept in Xapian's synonym table, so
// it is committed, compacted and replicated with the documents (SCALE.md): the key "XG" + a
// Greeklish key lists the Greek words with that key (as their exact terms) and their stems (as
// Z-terms), and the stems whose own key it is, so that a query word in any inflection finds the
// stem through its own key or the key without its ending ("kwdikou" -> kodiku | kodik -> Zκωδικ).
//
// Entries are only ever added: a stem no article has any more matches
// nothing, and a rebuild starts the table afresh.
// Index side not thread-safe (writes the database); query side reads only.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "kb/query/dictionary.h"
#include "kb/query/vocabulary.h"

namespace kb {

// The letters the table's languages are typed in (ISO 15924).
inline constexpr std::string_view kTypedIn = "Latn";

// Adds the keys of documents' words of those languages (their unprefixed
// terms in the language's script, analyzed in the language, that are not
// stopwords) to the table while publishing; a word is analyzed and written
// once per publish, however many documents have it.
class GreeklishTableWriter {
 public:
  GreeklishTableWriter(Xapian::WritableDatabase& db, Analyzer& analyzer);
  void Add(const Xapian::Document& doc);

 private:
  Xapian::WritableDatabase& db_;
  Analyzer& analyzer_;
  const std::vector<const analysis::LanguageProfile*> typed_;  // typed in kTypedIn letters
  std::unordered_set<std::string> written_;
};

// GreekForms (kb/query/vocabulary.h): what a folded Latin word may stand for
// in the language of `typed` (Greek), looked up in the table.
GreekForms GreekFormsOfGreeklish(const Xapian::Database& db, const analysis::Transliteration& typed,
                                 const std::string& word);

// For a Latin word GreekFormsOfGreeklish finds nothing for (a typo in the
// Greeklish): the words and stems of the table's keys nearest to one of its
// keys or keys without an ending, one edit away (two for keys of
// kLongKey letters or more), among the keys that share its first two key
// letters (typists seldom get those wrong; at most kMaxScannedKeys of them
// are compared). At most kMaxNearKeys keys at the nearest distance are used;
// empty, too, when no public article has any of their forms.
inline constexpr size_t kLongKey = 9;
inline constexpr size_t kMaxScannedKeys = 5000;
inline constexpr size_t kMaxNearKeys = 3;
GreekForms GreekFormsNearGreeklish(const Xapian::Database& db,
                                   const analysis::Transliteration& typed, const std::string& word);

// What a partly typed Latin word may complete to in Greek (autocomplete): the
// words and stems listed under the table's keys that begin with one of its
// keys, the first kMaxCompletedKeys of them ("kwdik" -> kodikos, kodiku, ...).
// Nothing for keys under kMinCompletedKeyLetters: two letters begin too many.
inline constexpr size_t kMaxCompletedKeys = 24;
inline constexpr size_t kMinCompletedKeyLetters = 3;
GreekForms GreekFormsOfGreeklishPrefix(const Xapian::Database& db,
                                       const analysis::Transliteration& typed,
                                       const std::string& partial);

// For a query in Latin letters of unknown language (lang=auto): true when at
// least as many of its words (analyzed as the usual language of those
// letters) read as `language` typed in them (Greeklish: no article has them
// as written, the table has Greek forms for them) as are words of the
// articles that no article in `language` has (names Greek articles write in Latin letters,
// "efarmogi deja dup", count for neither), and at least one does ("kwdikos
// prosvasis"; not "reset password"). Only its first kMaxQueryWords distinct
// words count, as a query searches no more.
// A word no article has that reads as Greeklish and is also one of
// `letters_words` (the real words of the usual language of those letters,
// kb/query/dictionary.h; null: none) counts half for each: a short English
// word the help center never uses ("bin": μπιν-) often has Greek forms, as
// short Greeklish words are often English words too ("ti", "argo").
// `language` must have a transliteration.
bool ReadsAsGreeklish(const Xapian::Database& db, Analyzer& analyzer,
                      const analysis::LanguageProfile& language, std::string_view text,
                      WordList* letters_words = nullptr);

}  // namespace kb
