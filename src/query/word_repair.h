// Repairs query words the index does not know (ANALYSIS.md §6.3 step 4, §10):
// a word written joined that articles write as two words is searched as that
// phrase (also with a typo in one part, when articles have the two words
// together); otherwise the best word one edit away (a letter left out first,
// then the one articles have most with the query's other words) or else the
// closest public word (spelling) is added as an alternative. Known words,
// and words a synonym rule covers, are never touched; a word known only
// through a Hebrew candidate that strips two or more of its first letters
// counts as a likely typo (its nearest written form is searched too). With a real-word
// dictionary for the language (index/dictionary.h), real words are not
// corrected either, and a typo's nearest real word is preferred when
// articles contain it. A correction is never a stopword, and a word of 3
// letters or fewer may only gain letters. Not thread-safe (uses the
// analyzer and the vocabulary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/query/dictionary.h"
#include "kb/query/query_words.h"
#include "kb/query/synonym_expander.h"
#include "kb/query/vocabulary.h"

namespace kb {

// Unknown words repaired per query: each costs index look-ups, and a query
// of many unknown words is noise, not a customer with a typo.
inline constexpr size_t kMaxRepairs = 4;

// Updates `words` in place and returns the repaired query text for "did you
// mean" ("" when no word was repaired). A correction that articles have only
// through a stem is added to its word but left out of that text: such a
// form need not be a word.
// `resources` needs the analyzer and the vocabulary; its synonym rules (may
// be null) have one-word keys that are words kb knows too, so a typo may be
// corrected to one (اتوماتکی -> اتوماتیک). Its features decide whether the
// dictionary and the rules are used, whether a word may be split in two and
// whether a word known only through stripped letters counts as a typo.
std::string RepairUnknownWords(std::string_view text, std::string_view lang,
                               const QueryResources& resources, std::vector<QueryWord>* words);

}  // namespace kb
