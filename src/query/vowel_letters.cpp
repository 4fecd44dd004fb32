#include "vowel_letters.h"

#include "kb/analysis/text.h"
#include "kb/core/vector_util.h"
#include "kb/query/synonym_expander.h"

namespace kb {
namespace {

// Words and variants this short are too often other words (מחיר "price",
// מחר "tomorrow").
constexpr size_t kMinLetters = 4;
// No word is longer; a hostile query's 1,000-letter "word" gets no variants.
constexpr size_t kMaxLetters = 24;
// Measured on dev, dev2 and dev2 at scale (docs/ranking-experiments.md):
// 0.25 helps on dev2 only, 0.5 and 1.0 on dev2 and at scale; below the
// word, like every rewrite.
constexpr double kVariantWeight = 0.5;
constexpr size_t kMaxVariants = 4;

std::u32string_view VowelLettersOf(std::string_view lang) {
  if (lang == "he") return U"וי";
  if (lang == "fa") return U"اوی";
  return U"";
}

}  // namespace

std::vector<std::string> VowelLetterVariants(std::string_view folded, std::string_view lang) {
  const std::u32string_view vowels = VowelLettersOf(lang);
  const std::u32string w = analysis::DecodeUtf8(folded);
  std::vector<std::string> out;
  if (vowels.empty() || w.size() < kMinLetters || w.size() > kMaxLetters) return out;
  auto is_vowel = [&](char32_t c) { return vowels.find(c) != std::u32string_view::npos; };
  auto add = [&](const std::u32string& v) {
    if (v != w && v.size() >= kMinLetters) AppendIfAbsent(&out, analysis::ToUtf8(v));
  };
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (is_vowel(w[i])) {
      add(w.substr(0, i) + w.substr(i + 1));
      for (char32_t v : vowels)
        if (v != w[i]) add(w.substr(0, i) + v + w.substr(i + 1));
    }
    // Added before letter i, between two letters that are not it.
    for (char32_t v : vowels)
      if (w[i - 1] != v && w[i] != v) add(w.substr(0, i) + v + w.substr(i));
  }
  return out;
}

void AddVowelLetterVariants(std::string_view lang, Vocabulary& vocabulary, Analyzer& analyzer,
                            std::vector<QueryWord>* words) {
  if (VowelLettersOf(lang).empty()) return;
  for (QueryWord& word : *words) {
    if (word.phrase || word.stopword || word.greeklish || word.exact.size() != 1) continue;
    size_t added = 0;
    for (const std::string& variant :
         vocabulary.KnownWords(VowelLetterVariants(word.exact[0], lang))) {
      if (added == kMaxVariants) break;
      const std::vector<Token> tokens = analyzer.Analyze(variant, lang);
      if (tokens.size() != 1 || tokens[0].stopword) continue;
      Alternative alt = AlternativeOf(tokens);
      alt.weight = kVariantWeight;
      word.alternatives.push_back(std::move(alt));
      ++added;
    }
  }
}

}  // namespace kb
