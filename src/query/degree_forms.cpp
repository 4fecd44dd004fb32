#include "degree_forms.h"

#include "kb/analysis/text.h"
#include "kb/core/vector_util.h"
#include "kb/query/synonym_expander.h"

namespace kb {
namespace {

constexpr double kDegreeWeight = 0.5;
// Shorter words ("be", "ok") have no degrees worth searching.
constexpr size_t kMinLetters = 3;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool IsLowerLetters(const std::string& word) {
  for (char c : word)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// The comparative and superlative that spelling rules give `positive`
// (slow: slower, slowest; late: later, latest; easy: easier, easiest;
// big: bigger, biggest), the doubled and plain forms both for a final
// consonant after one vowel.
std::vector<std::pair<std::string, std::string>> DegreesOf(const std::string& positive) {
  const size_t n = positive.size();
  const char last = positive[n - 1];
  if (last == 'e') return {{positive + "r", positive + "st"}};
  if (last == 'y' && !IsVowel(positive[n - 2])) {
    const std::string stem = positive.substr(0, n - 1);
    return {{stem + "ier", stem + "iest"}};
  }
  std::vector<std::pair<std::string, std::string>> degrees{{positive + "er", positive + "est"}};
  if (!IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(positive[n - 2]) &&
      (n < 3 || !IsVowel(positive[n - 3])))
    degrees.push_back({positive + last + "er", positive + last + "est"});
  return degrees;
}

// The positives that `word` may be the comparative or superlative of.
std::vector<std::string> PositivesOf(const std::string& word) {
  std::vector<std::string> positives;
  for (const std::string ending : {"er", "est"}) {
    if (!analysis::EndsWith(word, ending)) continue;
    const std::string stem = word.substr(0, word.size() - ending.size());
    if (stem.size() < kMinLetters - 1) continue;
    positives.push_back(stem);        // slow-er
    positives.push_back(stem + "e");  // late-r
    if (stem.back() == 'i') positives.push_back(stem.substr(0, stem.size() - 1) + "y");
    const size_t n = stem.size();
    if (n >= 2 && stem[n - 1] == stem[n - 2]) positives.push_back(stem.substr(0, n - 1));
  }
  return positives;
}

}  // namespace

std::vector<std::string> EnglishDegreeForms(const std::string& folded, WordList& dictionary) {
  std::vector<std::string> forms;
  if (folded.size() < kMinLetters || !IsLowerLetters(folded)) return forms;
  // The degrees of `positive` that are `folded`'s own family (all three words).
  auto add_family = [&](const std::string& positive, bool folded_is_degree) {
    if (positive.size() < kMinLetters || !dictionary.IsWord(positive)) return;
    for (const auto& [comparative, superlative] : DegreesOf(positive)) {
      if (folded_is_degree && folded != comparative && folded != superlative) continue;
      if (!dictionary.IsWord(comparative) || !dictionary.IsWord(superlative)) continue;
      for (const std::string& form : {positive, comparative, superlative})
        if (form != folded) AppendIfAbsent(&forms, form);
    }
  };
  add_family(folded, false);
  for (const std::string& positive : PositivesOf(folded)) add_family(positive, true);
  return forms;
}

void AddDegreeForms(std::string_view lang, WordList& dictionary, Vocabulary& vocabulary,
                    Analyzer& analyzer, std::vector<QueryWord>* words) {
  if (lang != "en") return;
  for (QueryWord& word : *words) {
    if (word.phrase || word.stopword) continue;
    for (const std::string& form : word.exact) {
      for (const std::string& other : EnglishDegreeForms(form, dictionary)) {
        const std::vector<Token> tokens = analyzer.Analyze(other, lang);
        if (tokens.size() != 1 || !vocabulary.Known(tokens[0])) continue;
        Alternative alt = AlternativeOf(tokens);
        alt.weight = kDegreeWeight;
        word.alternatives.push_back(std::move(alt));
      }
    }
  }
}

}  // namespace kb
