#include "query_builder.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "schema.h"

namespace kb {
namespace {

// Relative weights of the parts of one word's query. Exact forms rank above
// stem-only matches; a match in the title ranks above one in the body.
constexpr double kExactBonus = 1.0;
constexpr double kTitleBonus = 0.5;
// The words of a multi-word synonym key found apart, not as the phrase.
constexpr double kLooseWordsWeight = 0.5;
// Neighbouring query words found near each other in an article (within
// kProximityWindow positions, in any order) add this much: the article that
// is about "gift card" has the two words together, one that merely contains
// both has them anywhere. Measured on dev, dev2 and dev2 at scale
// (docs/ranking-experiments.md): at 1.0 the bonus lowered dev2 and the scale
// run (word salad has query words side by side too); at 0.3 it helps both.
constexpr double kProximityBonus = 0.3;
constexpr Xapian::termcount kProximityWindow = 4;
// Neighbouring pairs checked: a customer's question has fewer words; a longer
// (hostile) query would otherwise read positions for every pair.
constexpr size_t kMaxProximityPairs = 8;
Xapian::Query Synonyms(const std::vector<std::string>& terms) {
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// A phrase of exact forms, with a bonus when the title has it.
Xapian::Query PhraseQuery(const std::vector<std::string>& exact, const QueryFeatures& features) {
  const std::vector<std::string> title = schema::TitleTerms(exact, {});
  Xapian::Query body(Xapian::Query::OP_PHRASE, exact.begin(), exact.end());
  if (!features.title_bonus) return body;
  Xapian::Query in_title(Xapian::Query::OP_PHRASE, title.begin(), title.end());
  return Xapian::Query(Xapian::Query::OP_OR, body,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_title, kTitleBonus));
}

// The terms one word matches by: its exact forms and Z-stems anywhere, and
// S-exact forms and ZS-stems in the title.
struct WordTerms {
  std::vector<std::string> any, title;
};

WordTerms TermsOf(const std::vector<std::string>& exact, const std::vector<std::string>& stems) {
  WordTerms terms{exact, schema::TitleTerms(exact, stems)};
  for (const auto& s : stems) terms.any.push_back(schema::Term(schema::kStem, s));
  return terms;
}

// A synonym: one word (exact form or stems) or a phrase of exact forms. Like
// the word itself, it counts more in the title.
Xapian::Query AlternativeQuery(const Alternative& alt, const QueryFeatures& features) {
  if (alt.exact.size() > 1) return PhraseQuery(alt.exact, features);
  const WordTerms terms = TermsOf(alt.exact, alt.stems);
  if (!features.title_bonus) return Synonyms(terms.any);
  return Xapian::Query(
      Xapian::Query::OP_OR, Synonyms(terms.any),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Synonyms(terms.title), kTitleBonus));
}

Xapian::Query WordQuery(const QueryWord& word, const QueryFeatures& features) {
  std::vector<Xapian::Query> parts;
  for (const Alternative& alt : word.alternatives) {
    parts.push_back(alt.weight == 1.0 ? AlternativeQuery(alt, features)
                                      : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                      AlternativeQuery(alt, features), alt.weight));
  }
  if (word.phrase) {
    parts.push_back(PhraseQuery(word.exact, features));
    if (!word.loose_words.empty()) {
      std::vector<Xapian::Query> all;
      for (const Alternative& w : word.loose_words) all.push_back(AlternativeQuery(w, features));
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()),
                         kLooseWordsWeight);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  }
  auto [any, title] = TermsOf(word.exact, word.stems);
  any.insert(any.end(), word.extra.begin(), word.extra.end());
  std::sort(any.begin(), any.end());
  any.erase(std::unique(any.begin(), any.end()), any.end());
  std::sort(title.begin(), title.end());
  title.erase(std::unique(title.begin(), title.end()), title.end());
  parts.push_back(Synonyms(any));
  if (features.exact_bonus)
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Synonyms(word.exact), kExactBonus);
  if (features.title_bonus)
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Synonyms(title), kTitleBonus);
  if (!word.split.empty())
    parts.emplace_back(Xapian::Query::OP_PHRASE, word.split.begin(), word.split.end());
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The written forms of a word that have positions in the index, with those
// of its one-word synonyms at full weight (an editor's or a built-in rule), so
// that "site admins" is near in "site administrators". Thesaurus synonyms are
// left out: measured, they move more wrong articles up than right ones.
Xapian::Query PositionalForms(const QueryWord& word, const QueryFeatures& features) {
  std::vector<std::string> forms = word.exact;
  forms.insert(forms.end(), word.extra.begin(), word.extra.end());
  for (const Alternative& alt : word.alternatives)
    if (features.proximity_synonyms && alt.exact.size() == 1 && alt.weight == 1.0)
      forms.push_back(alt.exact[0]);
  return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

// One OP_NEAR bonus per pair of neighbouring query words (quoted phrases
// already require their own order and are left out).
void AddProximityBonuses(const std::vector<QueryWord>& words, const QueryFeatures& features,
                         std::vector<Xapian::Query>* ranked) {
  if (!features.proximity) return;
  for (size_t i = 0; i + 1 < words.size() && i < kMaxProximityPairs; ++i) {
    if (words[i].phrase || words[i + 1].phrase) continue;
    const Xapian::Query pair[] = {PositionalForms(words[i], features),
                                  PositionalForms(words[i + 1], features)};
    ranked->emplace_back(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kProximityWindow),
        kProximityBonus);
  }
}

}  // namespace

BuiltQuery BuildQuery(std::string_view text, std::string_view lang,
                      const QueryResources& resources) {
  QueryResources limited = resources;
  limited.max_term_bytes = schema::kMaxTermBytes;
  UnderstoodQuery understood = UnderstandQuery(text, lang, limited);
  BuiltQuery built;
  built.words = std::move(understood.words);
  built.suggestion = std::move(understood.suggestion);
  if (built.words.empty()) return built;

  const QueryFeatures& features = resources.features;
  std::vector<Xapian::Query> parts, counted;
  QueryFeatures no_bonus = features;
  no_bonus.exact_bonus = no_bonus.title_bonus = false;
  for (const QueryWord& word : built.words) {
    parts.push_back(WordQuery(word, features));
    counted.push_back(WordQuery(word, no_bonus));
  }
  built.count = counted.size() == 1
                    ? counted[0]
                    : Xapian::Query(Xapian::Query::OP_OR, counted.begin(), counted.end());
  if (parts.size() == 1) {
    built.query = built.match = parts[0];
    return built;
  }
  Xapian::Query any(Xapian::Query::OP_OR, parts.begin(), parts.end());
  built.match = any;
  // Matches decide `any`; proximity only adds weight.
  std::vector<Xapian::Query> ranked{any};
  AddProximityBonuses(built.words, features, &ranked);
  built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked.begin(), ranked.end());
  return built;
}

}  // namespace kb
