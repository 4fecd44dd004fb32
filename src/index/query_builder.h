// Builds a Xapian query from what a customer typed, with the same analyzer
// that indexed the articles (ANALYSIS.md §6.3; not QueryParser, which silently
// drops phrases once words are expanded).
//
// Each word becomes OP_SYNONYM(its exact form, its stems, extra terms), plus
// an exact-form bonus and a title bonus; "quoted text" becomes OP_PHRASE over
// exact forms. Words are combined AND-ish: articles with every word rank
// first, articles missing a word still match. Stopwords are dropped unless the
// query has nothing else. Never throws for any input; an empty result means
// "no searchable words".
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "index/dictionary.h"
#include "index/spelling.h"
#include "index/synonym_expander.h"
#include "index/thesaurus.h"
#include "kb/analysis/analysis.h"

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
  size_t begin = 0, end = 0;  // byte span of the word (or phrase) in the query text
};

// Words (or phrases) searched; the rest of a longer query is ignored, which
// bounds the cost of a hostile query (the text itself is capped by HTTP).
inline constexpr size_t kMaxQueryWords = 32;

// The token a query word matches as: its first exact form, stems and extra
// forms (for the vocabulary's look-ups).
Token AsToken(const QueryWord& word);

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) when no searchable words
  // The same matches as `query` without its ranking bonuses (all words,
  // proximity): for counting every match cheaply.
  Xapian::Query match;
  std::vector<QueryWord> words;  // for snippets: which text words to highlight
  // The query with misspelled words corrected, for "did you mean"; empty when
  // no word was corrected. Corrected words are also searched (as alternatives).
  std::string suggestion;
};

// What BuildQuery works with. Only the analyzer is required.
struct QueryResources {
  Analyzer* analyzer = nullptr;
  // Spelling, split and joined words. A word is corrected only when neither
  // its exact form nor any stem occurs in a public article, so a known word
  // is never turned into another one.
  Vocabulary* vocabulary = nullptr;
  const SynonymExpander* synonyms = nullptr;
  // Real words of the query's language (index/dictionary.h); null: none.
  WordList* dictionary = nullptr;
  // Synonyms of the query's language (index/thesaurus.h), searched as
  // alternatives of words no synonym rule covers; null: none.
  Thesaurus* thesaurus = nullptr;
};

BuiltQuery BuildQuery(std::string_view text, std::string_view lang,
                      const QueryResources& resources);

}  // namespace kb
