// kb::QueryFeatures: one switch per query rewrite and ranking feature, so
// that each can be measured alone (docs/ranking.md, tools/bench/ablation.py).
// Every switch is on by default, and with every switch on kb searches exactly
// as it does without them. Turning one off removes that one rule where it is
// applied: query understanding (kb/query/query_words.h) reads the rewrite
// switches, the index part's query builder and searcher the ranking ones.
//
// A plain value type: copy it freely; thread-safe as any const value.
// Set by `kb serve --features` and `search_bench --features` (a comma list
// of names, each with + or -), never by the environment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/core/status.h"

namespace kb {

struct QueryFeatures {
  // Rewrites (query understanding).
  bool typo_repair = true;     // unknown words corrected or searched near ("did you mean")
  bool split_words = true;     // an unknown joined word searched as the two words articles write
  bool greeklish = true;       // a Latin word of a Greek query read as Greek (and lang=auto)
  bool synonyms = true;        // synonym rules (editors' and built-in) add alternatives
  bool loose_words = true;     // a multi-word synonym key's words also match apart
  bool thesaurus = true;       // WordNet synonyms for words no rule covers
  bool stopwords = true;       // stopwords searched too; off: dropped unless nothing else
  bool dictionary = true;      // a real-word dictionary (hunspell) guides typo repair
  bool stripped_typos = true;  // a Hebrew word known only through stripped letters is a typo
  bool verbal_nouns = true;  // Hebrew, Greek: a verb also finds its noun (לבטל: ביטול), and back
  bool degree_forms = true;  // English: slow also finds slower and slowest, and back
  bool vowel_letters = true;  // Hebrew, Persian: پروکسی also finds پراکسی (one vowel letter apart)
  bool compound_verbs = true;  // Persian: جلوی ... را گرفتن also finds the noun جلوگیری
  // Ranking (the Xapian query and the searcher).
  bool exact_bonus = true;         // the exact form weighs more than a stem
  bool title_bonus = true;         // a match in the title weighs more
  bool proximity = true;           // neighbouring words near each other (NEAR) weigh more
  bool proximity_synonyms = true;  // a rule synonym's written form counts for NEAR
  bool feedback = true;            // words the best matches share reorder the first 30
  bool title_coverage = true;      // of the first 30, titles the query covers more weigh more
  bool lang_fallback = true;       // nothing in the language: search every language
};

// A switch's name (as --features spells it), what it does, and its member.
struct QueryFeatureName {
  const char* name;
  const char* what;
  bool QueryFeatures::*member;
};

// Every switch, in the order of QueryFeatures.
const std::vector<QueryFeatureName>& QueryFeatureNames();

// `base` with the changes of `list`: comma-separated names from
// QueryFeatureNames(), each with "-" (off) or "+" (on), applied left to
// right ("-typo_repair,-thesaurus"); "" changes nothing. InvalidArgument
// names the first unknown name or an entry without + or -.
Result<QueryFeatures> ParseQueryFeatures(std::string_view list, QueryFeatures base = {});

// The names of the switches that are off in `features`, as ParseQueryFeatures
// reads them ("-thesaurus,-proximity"); "" when all are on.
std::string DescribeQueryFeatures(const QueryFeatures& features);

}  // namespace kb
