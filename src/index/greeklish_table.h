// The index's Greeklish table (analysis/greeklish.h): which Greek words and
// stems a Latin-typed word may stand for. Kept in Xapian's synonym table, so it is
// committed, compacted and replicated with the documents (SCALE.md): the key
// "XG" + a Greeklish key lists the Greek words with that key (as their exact
// terms) and their stems (as Z-terms), and the stems whose own key it is, so
// that a query word in any inflection finds the stem through its own key or
// the key without its ending ("kwdikou" -> kodiku | kodik -> Zκωδικ).
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
#include "kb/query/vocabulary.h"

namespace kb {

// Adds the keys of documents' Greek words (their unprefixed terms in Greek
// letters that are not stopwords) to the table while publishing; a word is
// analyzed and written once per publish, however many documents have it.
class GreeklishTableWriter {
 public:
  GreeklishTableWriter(Xapian::WritableDatabase& db, Analyzer& analyzer)
      : db_(db), analyzer_(analyzer) {}
  void Add(const Xapian::Document& doc);

 private:
  Xapian::WritableDatabase& db_;
  Analyzer& analyzer_;
  std::unordered_set<std::string> written_;
};

// GreekForms (kb/query/vocabulary.h): what a folded Latin word may stand for
// in Greek, looked up in the table below.
GreekForms GreekFormsOfGreeklish(const Xapian::Database& db, const std::string& word);

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
GreekForms GreekFormsNearGreeklish(const Xapian::Database& db, const std::string& word);

// What a partly typed Latin word may complete to in Greek (autocomplete): the
// words and stems listed under the table's keys that begin with one of its
// keys, the first kMaxCompletedKeys of them ("kwdik" -> kodikos, kodiku, ...).
// Nothing for keys under kMinCompletedKeyLetters: two letters begin too many.
inline constexpr size_t kMaxCompletedKeys = 24;
inline constexpr size_t kMinCompletedKeyLetters = 3;
GreekForms GreekFormsOfGreeklishPrefix(const Xapian::Database& db, const std::string& partial);

// For a query in Latin letters of unknown language (lang=auto): true when at
// least as many of its words read as Greeklish (no article has them as
// written, the table has Greek forms for them) as are words of the articles
// that no Greek article has (names Greek articles write in Latin letters,
// "efarmogi deja dup", count for neither), and at least one does ("kwdikos
// prosvasis"; not "reset password"). Only its first kMaxQueryWords distinct
// words count, as a query searches no more.
bool ReadsAsGreeklish(const Xapian::Database& db, Analyzer& analyzer, std::string_view text);

}  // namespace kb
