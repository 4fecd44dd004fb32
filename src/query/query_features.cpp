// The names of the query feature switches and their --features parser (see
// kb/query/query_features.h).
#include "kb/query/query_features.h"

namespace kb {

const std::vector<QueryFeatureName>& QueryFeatureNames() {
  using F = QueryFeatures;
  static const std::vector<QueryFeatureName> kNames = {
      {"typo_repair", "correct unknown words (did you mean)", &F::typo_repair},
      {"split_words", "search an unknown joined word as two words", &F::split_words},
      {"greeklish", "read Latin words of a Greek query as Greek", &F::greeklish},
      {"synonyms", "synonym rules add alternatives", &F::synonyms},
      {"loose_words", "a multi-word synonym key's words also match apart", &F::loose_words},
      {"thesaurus", "WordNet synonyms for words no rule covers", &F::thesaurus},
      {"stopwords", "stopwords are searched like other words (off: dropped)", &F::stopwords},
      {"dictionary", "a real-word dictionary guides typo repair", &F::dictionary},
      {"stripped_typos", "a Hebrew word known only through stripped letters is a typo",
       &F::stripped_typos},
      {"verbal_nouns", "Hebrew, Greek: a verb also finds its verbal noun, and the noun its verb",
       &F::verbal_nouns},
      {"degree_forms", "English: an adjective also finds its comparative and superlative, and back",
       &F::degree_forms},
      {"vowel_letters", "Hebrew, Persian: a word also finds its spellings one vowel letter apart",
       &F::vowel_letters},
      {"compound_verbs", "Persian: a compound verb also finds its joined noun (جلوگیری)",
       &F::compound_verbs},
      {"exact_bonus", "the exact form weighs more than a stem", &F::exact_bonus},
      {"title_bonus", "a match in the title weighs more", &F::title_bonus},
      {"proximity", "neighbouring words near each other weigh more", &F::proximity},
      {"proximity_synonyms", "a rule synonym's written form counts for proximity",
       &F::proximity_synonyms},
      {"feedback", "words the best matches share reorder the first 30 matches", &F::feedback},
      {"title_coverage", "of the first 30 matches, a title the query covers more weighs more",
       &F::title_coverage},
      {"lang_fallback", "nothing in the language: search every language", &F::lang_fallback},
  };
  return kNames;
}

Result<QueryFeatures> ParseQueryFeatures(std::string_view list, QueryFeatures base) {
  if (list.empty()) return base;
  for (size_t at = 0; at <= list.size();) {
    size_t comma = list.find(',', at);
    if (comma == std::string_view::npos) comma = list.size();
    const std::string_view entry = list.substr(at, comma - at);
    at = comma + 1;
    if (entry.empty() || (entry[0] != '+' && entry[0] != '-'))
      return Status::InvalidArgument("feature '" + std::string(entry) +
                                     "' needs + (on) or - (off) before its name");
    const std::string_view name = entry.substr(1);
    const QueryFeatureName* found = nullptr;
    for (const QueryFeatureName& f : QueryFeatureNames())
      if (name == f.name) found = &f;
    if (found == nullptr)
      return Status::InvalidArgument("unknown feature '" + std::string(name) + "'");
    base.*(found->member) = entry[0] == '+';
  }
  return base;
}

std::string DescribeQueryFeatures(const QueryFeatures& features) {
  std::string off;
  for (const QueryFeatureName& f : QueryFeatureNames())
    if (!(features.*(f.member))) off += (off.empty() ? "-" : ",-") + std::string(f.name);
  return off;
}

}  // namespace kb
