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

// Verbs in -ώνω and -εύω (κλειδώνω "lock", ενημερώνω "update", αποθηκεύω
// "save") stem apart by tense: Snowball gives the present κλειδώνει κλειδων,
// the aorist κλείδωσε and the noun κλείδωση κλειδωσ, the participle
// κλειδωμένος κλειδωμεν, the imperative κλειδώστε κλειδωστ. Their present,
// past continuous, participle and imperative endings become the active
// aorist's, so every form stems like the noun: "update the app" meets "app
// update". Only endings that no noun has: not -ωνα, -ωνεσ (χειμώνα "winter",
// αγώνες "races"). Verbs in -εύω whose aorist is -εψα (δουλεύω, δούλεψα)
// keep their present forms together, now as δουλευσ.
constexpr std::pair<std::string_view, std::string_view> kAoristStem[] = {
    {"ωνοντασ", "ωσε"}, {"ωνουμε", "ωσε"}, {"ωνουνε", "ωσε"}, {"ωνομε", "ωσε"},
    {"ωναμε", "ωσε"},   {"ωνατε", "ωσε"},  {"ωναν", "ωσε"},   {"ωνε", "ωσε"},
    {"ωνεισ", "ωσε"},   {"ωνετε", "ωσε"},  {"ωνουν", "ωσε"},  {"ωνει", "ωσε"},
    {"ωνω", "ωσε"},     {"ωμενουσ", "ωσε"}, {"ωμενοσ", "ωσε"}, {"ωμενησ", "ωσε"},
    {"ωμενεσ", "ωσε"},  {"ωμενου", "ωσε"}, {"ωμενων", "ωσε"}, {"ωμενοι", "ωσε"},
    {"ωμενη", "ωσε"},   {"ωμενο", "ωσε"},  {"ωμενα", "ωσε"},  {"ωστε", "ωσε"},
    {"ευοντασ", "ευσε"}, {"ευουμε", "ευσε"}, {"ευουνε", "ευσε"}, {"ευομε", "ευσε"},
    {"ευαμε", "ευσε"},  {"ευατε", "ευσε"}, {"ευαν", "ευσε"},  {"ευε", "ευσε"},
    {"ευεισ", "ευσε"},  {"ευετε", "ευσε"}, {"ευουν", "ευσε"}, {"ευει", "ευσε"},
    {"ευω", "ευσε"},    {"ευμενουσ", "ευσε"}, {"ευμενοσ", "ευσε"}, {"ευμενησ", "ευσε"},
    {"ευμενεσ", "ευσε"}, {"ευμενου", "ευσε"}, {"ευμενων", "ευσε"}, {"ευμενοι", "ευσε"},
    {"ευμενη", "ευσε"}, {"ευμενο", "ευσε"}, {"ευμενα", "ευσε"}, {"ευστε", "ευσε"}};

// Every ending of kAoristStem has ω or ευ in its last 8 letters (16 bytes);
// most words have neither there, and skip the table's 48 comparisons.
bool MayHaveAoristEnding(std::string_view word) {
  const std::string_view tail = word.size() > 16 ? word.substr(word.size() - 16) : word;
  return tail.find("ω") != std::string_view::npos || tail.find("ευ") != std::string_view::npos;
}

// `word` with the first matching ending of `table` replaced (written into
// `buffer`), or `word` itself. An ending that ends a longer one must come
// after it in the table; a word with too short a base is left alone.
template <size_t N>
std::string_view ReplaceEnding(std::string_view word,
                               const std::pair<std::string_view, std::string_view> (&table)[N],
                               std::string* buffer) {
  for (const auto& [from, to] : table) {
    if (!EndsWith(word, from)) continue;
    const std::string_view base = word.substr(0, word.size() - from.size());
    if (CountCodePoints(base) < kMinVerbBase) break;
    buffer->assign(base).append(to);
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
  std::string active, aorist;
  std::string_view input = ReplaceEnding(word, kMediopassive, &active);
  if (MayHaveAoristEnding(input)) input = ReplaceEnding(input, kAoristStem, &aorist);
  const sb_symbol* r = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(input.data()),
                                       static_cast<int>(input.size()));
  if (r == nullptr) return std::string(word);
  std::string stem(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(stemmer_)));
  if (stem.empty()) return std::string(word);
  auto it = overrides_.find(stem);
  return it == overrides_.end() ? GuardShortStem(std::move(stem), input) : it->second;
}

}  // namespace kb::analysis
