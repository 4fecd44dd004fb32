#include "analysis/greek_stemmer.h"

#include <libstemmer.h>

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
  return it == overrides_.end() ? stem : it->second;
}

}  // namespace kb::analysis
