// Builds a Xapian query from what a customer typed: query understanding
// (kb/query/query_words.h) finds the words, this turns them into Xapian's
// query (not QueryParser, which silently drops phrases once words are expanded).
//
// Each word becomes OP_SYNONYM(its exact form, its stems, extra terms), plus
// an exact-form bonus and a title bonus; "quoted text" becomes OP_PHRASE over
// exact forms. Words are combined with OR (BM25 favours the articles with
// more of them); neighbouring words near each other add a bonus. The
// features of `resources` turn off each bonus (exact_bonus, title_bonus,
// proximity, proximity_synonyms) and, in UnderstandQuery, each rewrite.
// Never throws for any input; an empty result means
// "no searchable words". Not thread-safe (as UnderstandQuery).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "kb/query/query_words.h"

namespace kb {

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) when no searchable words
  // The same matches as `query` without its positional bonuses (proximity):
  // for ranking candidates without reading positions.
  Xapian::Query match;
  // The same matches again, without any bonus (exact forms, titles), whose
  // terms only ever match articles that other terms of the word match:
  // fewer posting lists to walk, for counting the matches unweighted.
  Xapian::Query count;
  std::vector<QueryWord> words;  // for snippets: which text words to highlight
  // The query with misspelled words corrected, for "did you mean"; empty when
  // no word was corrected. Corrected words are also searched (as alternatives).
  std::string suggestion;
};

BuiltQuery BuildQuery(std::string_view text, std::string_view lang,
                      const QueryResources& resources);

}  // namespace kb
