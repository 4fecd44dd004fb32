#include "analysis/greek_stemmer.h"

#include <libstemmer.h>

#include "analysis/unicode_util.h"
#include "kb/utf8.h"

namespace kb::analysis {
namespace {

// Snowball stem -> the stem of its paradigm's other forms (κωδικός/κωδικό...).
// Grow it by stemming KB vocabulary and checking groups.
constexpr std::pair<const char*, const char*> kOverrides[] = {
    {"κωδ", "κωδικ"},           {"ρυθμ", "ρυθμισ"},     {"τιμολο", "τιμολογι"},
    {"προιοντ", "προιον"},      {"παραγγελι", "παραγγελ"},
    // αλλάζω/αλλάξτε (verb) and αλλαγή (noun): "change" in how-to titles and queries.
    {"αλλαζ", "αλλαγ"},         {"αλλαξ", "αλλαγ"},     {"αλλαξτ", "αλλαγ"},
};

// Case and number endings of nouns and adjectives, longest first (folded: σ, no accents).
constexpr std::string_view kEndings[] = {"ουσ", "εσ", "ασ", "ησ", "οσ", "ου", "ων", "οι",
                                         "ο", "α", "η", "ι", "ε"};

// Snowball sometimes strips an adjective down to a prefix (εξωτερικό -> εξ,
// which then matches every εξ- word). A stem of under 3 letters from a word of
// 6 or more is not trusted: the word minus its inflectional ending is used.
std::string GuardShortStem(std::string stem, std::string_view word) {
  if (CountCodePoints(stem) >= 3 || CountCodePoints(word) < 6) return stem;
  for (std::string_view ending : kEndings) {
    if (word.size() > ending.size() && EndsWith(word, ending))
      return std::string(word.substr(0, word.size() - ending.size()));
  }
  return std::string(word);
}

}  // namespace

GreekStemmer::GreekStemmer() : stemmer_(sb_stemmer_new("greek", "UTF_8")) {
  for (const auto& [from, to] : kOverrides) overrides_.emplace(from, to);
}

GreekStemmer::~GreekStemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string GreekStemmer::Stem(std::string_view word) {
  if (stemmer_ == nullptr || word.empty()) return std::string(word);
  const sb_symbol* r =
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (r == nullptr) return std::string(word);
  std::string stem(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(stemmer_)));
  if (stem.empty()) return std::string(word);
  auto it = overrides_.find(stem);
  return it == overrides_.end() ? GuardShortStem(std::move(stem), word) : it->second;
}

}  // namespace kb::analysis
