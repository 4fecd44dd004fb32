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
// A one-letter stem (πια -> π) would match every word stemmed to that letter:
// the word stays whole.
std::string GuardShortStem(std::string stem, std::string_view word) {
  if (CountCodePoints(stem) < 2) return std::string(word);
  if (CountCodePoints(stem) >= 3 || CountCodePoints(word) < 6) return stem;
  for (std::string_view ending : kEndings) {
    if (word.size() > ending.size() && EndsWith(word, ending))
      return std::string(word.substr(0, word.size() - ending.size()));
  }
  return std::string(word);
}

// Present mediopassive endings -> the active ending of the same person.
// Snowball stems the active forms of a verb alike (απαιτεί, απαιτούν ->
// απαιτ) but not the mediopassive ones (απαιτείται -> απαιτειτα, εμφανίζεται
// -> εμφανιζ while εμφανίζει -> εμφαν), and help articles use both voices
// ("the file is saved", "save the file"). The endings are verb-only.
// The passive aorist (κλειδώθηκε, αποθηκεύτηκε: "was locked", "was saved")
// becomes the active aorist (κλείδωσε, αποθήκευσε), whose stem is the
// noun's (κλείδωση, αποθήκευση). Not -θηκες: βιβλιοθήκες is a noun.
constexpr std::pair<std::string_view, std::string_view> kMediopassive[] = {
    {"ουνται", "ουν"}, {"ειται", "ει"}, {"ονται", "ουν"}, {"εται", "ει"},
    {"θηκαμε", "σαμε"}, {"θηκατε", "σατε"}, {"θηκαν", "σαν"}, {"θηκε", "σε"}, {"θηκα", "σα"},
    {"τηκαν", "σαν"},   {"τηκε", "σε"},     {"τηκα", "σα"}};
// Letters a verb keeps before the ending.
constexpr size_t kMinVerbBase = 3;

// `word` with its mediopassive ending made active (written into `buffer`),
// or `word` itself.
std::string_view ActiveVoice(std::string_view word, std::string* buffer) {
  for (const auto& [passive, active] : kMediopassive) {
    if (!EndsWith(word, passive)) continue;
    const std::string_view base = word.substr(0, word.size() - passive.size());
    if (CountCodePoints(base) < kMinVerbBase) break;
    buffer->assign(base).append(active);
    return *buffer;
  }
  return word;
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
  std::string buffer;
  const std::string_view input = ActiveVoice(word, &buffer);
  const sb_symbol* r = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(input.data()),
                                       static_cast<int>(input.size()));
  if (r == nullptr) return std::string(word);
  std::string stem(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(stemmer_)));
  if (stem.empty()) return std::string(word);
  auto it = overrides_.find(stem);
  return it == overrides_.end() ? GuardShortStem(std::move(stem), input) : it->second;
}

}  // namespace kb::analysis
