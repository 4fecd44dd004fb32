// Query understanding: from what a customer typed to the words searched,
// with the same analyzer that indexed the articles (ANALYSIS.md §6.3).
// Quoted text becomes a phrase; synonym rules and the thesaurus add
// alternatives; unknown words are repaired against the vocabulary ("did you
// mean"); a Latin word of a Greek query may be Greeklish; a Hebrew verb also
// searches its verbal noun and back (verbal_nouns.h), a Persian compound
// verb its joined noun (compound_verbs.h). Stopwords are kept
// and marked (QueryWord::stopword). Each of these rewrites has a switch in
// QueryResources::features.
//
// Written against interfaces (Vocabulary, WordList, Thesaurus): no index
// types. The index part turns the words into its own query (index/query_builder.h).
// Not thread-safe (uses the analyzer and the vocabulary); never throws for any
// input; no words means "no searchable words".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/query/dictionary.h"
#include "kb/query/query_features.h"
#include "kb/query/synonym_expander.h"
#include "kb/query/thesaurus.h"
#include "kb/query/vocabulary.h"

namespace kb {

// One query word (or one quoted phrase) and the index terms that match it.
struct QueryWord {
  std::vector<std::string> exact;  // exact forms (a phrase has several, in order)
  std::vector<std::string> stems;  // stem candidates (without the Z prefix)
  std::vector<std::string> extra;  // extra exact terms (joined compounds)
  // An unknown word written joined that the index has as two words
  // ("پیامرسان" for "پیام رسان"): the exact forms of the parts, in order.
  std::vector<std::string> split;
  std::vector<Alternative> alternatives;  // from synonym rules
  // For the words of a synonym rule's multi-word key (a phrase here): each
  // word with its stems, also matched anywhere in an article, because
  // inflected expressions rarely appear verbatim (وارد شدن / وارد شوید).
  std::vector<Alternative> loose_words;
  // A Latin word of a Greek query read as Greeklish: `extra` and `stems`
  // also hold the Greek words and stems it stands for; not a typo.
  bool greeklish = false;
  bool phrase = false;
  // A stopword ("what", "how", "not"): searched like any word (a title is
  // often the question as typed), but no thesaurus synonyms.
  bool stopword = false;
  size_t begin = 0, end = 0;  // byte span of the word (or phrase) in the query text
};

// Words (or phrases) searched; the rest of a longer query is ignored, which
// bounds the cost of a hostile query (the text itself is capped by HTTP).
inline constexpr size_t kMaxQueryWords = 32;

// The token a query word matches as: its first exact form, stems and extra
// forms (for the vocabulary's look-ups).
Token AsToken(const QueryWord& word);

// What UnderstandQuery works with. Only the analyzer is required.
struct QueryResources {
  Analyzer* analyzer = nullptr;
  // Spelling, split and joined words. A word is corrected only when neither
  // its exact form nor any stem occurs in a public article, so a known word
  // is never turned into another one.
  Vocabulary* vocabulary = nullptr;
  const SynonymExpander* synonyms = nullptr;
  // Real words of the query's language (kb/query/dictionary.h); null: none.
  WordList* dictionary = nullptr;
  // Synonyms of the query's language (kb/query/thesaurus.h), searched as
  // alternatives of words no synonym rule covers; null: none.
  Thesaurus* thesaurus = nullptr;
  // Longer terms cannot be in the index (it sets its limit): such a word is
  // not searched.
  size_t max_term_bytes = 240;
  // Which rewrites apply (all by default); the ranking switches are read by
  // the index part.
  QueryFeatures features{};
};

// The words of a query and, when a word was corrected, the corrected text.
struct UnderstoodQuery {
  std::vector<QueryWord> words;  // in query order; for snippets too
  // The query with misspelled words corrected, for "did you mean"; empty when
  // no word was corrected. Corrected words are also searched (as alternatives).
  std::string suggestion;
};

UnderstoodQuery UnderstandQuery(std::string_view text, std::string_view lang,
                                const QueryResources& resources);

}  // namespace kb
