#include "greek_stemmer.h"

#include <libstemmer.h>

#include <array>
#include <vector>

#include "kb/core/utf8.h"
#include "unicode_util.h"

namespace kb::analysis {
namespace {

// Snowball stem -> the stem of its paradigm's other forms (κωδικός/κωδικό...).
// Grow it by stemming KB vocabulary and checking groups.
constexpr std::pair<const char*, const char*> kOverrides[] = {
    {"κωδ", "κωδικ"},
    {"ρυθμ", "ρυθμισ"},
    {"τιμολο", "τιμολογι"},
    {"προιοντ", "προιον"},
    {"παραγγελι", "παραγγελ"},
    // αλλάζω/αλλάξτε (verb) and αλλαγή (noun): "change" in how-to titles and queries.
    {"αλλαζ", "αλλαγ"},
    {"αλλαξ", "αλλαγ"},
    {"αλλαξτ", "αλλαγ"},
};

// Case and number endings of nouns and adjectives, longest first (folded: σ, no accents).
constexpr std::string_view kEndings[] = {"ουσ", "εσ", "ασ", "ησ", "οσ", "ου", "ων",
                                         "οι",  "ο",  "α",  "η",  "ι",  "ε"};

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
// noun's (κλείδωση, αποθήκευση). Not -θηκες: βιβλιοθήκες is a noun. Before
// its τ the passive aorist keeps the consonant of the verb's other forms: σ
// of the -ίζω and -άζω aorist (εμφανίστηκε: εμφάνισε; not εμφανισσε), and
// φ and γ of the present and the noun (διαγράφτηκε: διαγράφει, διαγραφή;
// ανοίχτηκε: ανοίγει; ελέγχθηκε and ελέγχτηκε: ελέγχει; γράφθηκε: γράφει).
constexpr std::pair<std::string_view, std::string_view> kMediopassive[] = {
    {"ουνται", "ουν"},     {"ειται", "ει"},       {"ονται", "ουν"},      {"εται", "ει"},
    {"γχθηκαμε", "γχαμε"}, {"γχθηκατε", "γχατε"}, {"γχθηκαν", "γχουν"},  {"γχθηκε", "γχει"},
    {"γχθηκα", "γχω"},     {"φθηκαμε", "φαμε"},   {"φθηκατε", "φατε"},   {"φθηκαν", "φουν"},
    {"φθηκε", "φει"},      {"φθηκα", "φω"},       {"θηκαμε", "σαμε"},    {"θηκατε", "σατε"},
    {"θηκαν", "σαν"},      {"θηκε", "σε"},        {"θηκα", "σα"},        {"στηκαμε", "σαμε"},
    {"στηκατε", "σατε"},   {"στηκαν", "σαν"},     {"στηκε", "σε"},       {"στηκα", "σα"},
    {"φτηκαμε", "φαμε"},   {"φτηκατε", "φατε"},   {"φτηκαν", "φουν"},    {"φτηκε", "φει"},
    {"φτηκα", "φω"},       {"γχτηκαμε", "γχαμε"}, {"γχτηκατε", "γχατε"}, {"γχτηκαν", "γχουν"},
    {"γχτηκε", "γχει"},    {"γχτηκα", "γχω"},     {"χτηκαμε", "γαμε"},   {"χτηκατε", "γατε"},
    {"χτηκαν", "γουν"},    {"χτηκε", "γει"},      {"χτηκα", "γω"},       {"τηκαμε", "σαμε"},
    {"τηκατε", "σατε"},    {"τηκαν", "σαν"},      {"τηκε", "σε"},        {"τηκα", "σα"}};
// Letters a verb keeps before the ending.
constexpr size_t kMinVerbBase = 3;

// Snowball stems one verb's forms apart by tense, and apart from its noun.
// These endings become the active aorist's, so every form of the verb stems
// like the others and like the noun ("update the app" meets "app update"):
// - verbs in -ώνω and -εύω (κλειδώνω "lock", ενημερώνω "update", αποθηκεύω
//   "save"): Snowball gives the present κλειδώνει κλειδων, the participle
//   κλειδωμένος κλειδωμεν, the imperative κλειδώστε κλειδωστ, but the aorist
//   κλείδωσε and the noun κλείδωση κλειδωσ: present, past continuous,
//   participle and imperative join the aorist. Not -ωνα, -ωνεσ, which nouns
//   have (χειμώνα "winter", αγώνες "races"). Verbs in -εύω whose aorist is
//   -εψα (δουλεύω, δούλεψα) keep their present forms together as δουλευσ.
// - verbs in -ίζω (εμφανίζω "show", ρυθμίζω "set"): verb forms stem to the
//   bare εμφαν, the noun εμφάνιση and the participle εμφανισμένο do not;
//   they join the verb.
// - participles in -ημένος (ενεργοποιημένο "enabled") join their verb in -ώ
//   (ενεργοποιεί). Not the nouns in -ηση (ενεργοποίηση): measured, they then
//   meet every form of the verb and rank worse (docs/analysis.md).
constexpr std::pair<std::string_view, std::string_view> kAoristEndings[] = {
    {"ωνοντασ", "ωσε"},  {"ωνουμε", "ωσε"},    {"ωνουνε", "ωσε"},   {"ωνομε", "ωσε"},
    {"ωναμε", "ωσε"},    {"ωνατε", "ωσε"},     {"ωναν", "ωσε"},     {"ωνε", "ωσε"},
    {"ωνεισ", "ωσε"},    {"ωνετε", "ωσε"},     {"ωνουν", "ωσε"},    {"ωνει", "ωσε"},
    {"ωνω", "ωσε"},      {"ωμενουσ", "ωσε"},   {"ωμενοσ", "ωσε"},   {"ωμενησ", "ωσε"},
    {"ωμενεσ", "ωσε"},   {"ωμενου", "ωσε"},    {"ωμενων", "ωσε"},   {"ωμενοι", "ωσε"},
    {"ωμενη", "ωσε"},    {"ωμενο", "ωσε"},     {"ωμενα", "ωσε"},    {"ωστε", "ωσε"},
    {"ευοντασ", "ευσε"}, {"ευουμε", "ευσε"},   {"ευουνε", "ευσε"},  {"ευομε", "ευσε"},
    {"ευαμε", "ευσε"},   {"ευατε", "ευσε"},    {"ευαν", "ευσε"},    {"ευε", "ευσε"},
    {"ευεισ", "ευσε"},   {"ευετε", "ευσε"},    {"ευουν", "ευσε"},   {"ευει", "ευσε"},
    {"ευω", "ευσε"},     {"ευμενουσ", "ευσε"}, {"ευμενοσ", "ευσε"}, {"ευμενησ", "ευσε"},
    {"ευμενεσ", "ευσε"}, {"ευμενου", "ευσε"},  {"ευμενων", "ευσε"}, {"ευμενοι", "ευσε"},
    {"ευμενη", "ευσε"},  {"ευμενο", "ευσε"},   {"ευμενα", "ευσε"},  {"ευστε", "ευσε"},
    {"ισμενουσ", "ισε"}, {"ισμενοσ", "ισε"},   {"ισμενησ", "ισε"},  {"ισμενεσ", "ισε"},
    {"ισμενου", "ισε"},  {"ισμενων", "ισε"},   {"ισμενοι", "ισε"},  {"ισμενη", "ισε"},
    {"ισμενο", "ισε"},   {"ισμενα", "ισε"},    {"ισεισ", "ισε"},    {"ισεων", "ισε"},
    {"ισεωσ", "ισε"},    {"ισησ", "ισε"},      {"ιση", "ισε"},      {"ημενουσ", "ησε"},
    {"ημενοσ", "ησε"},   {"ημενησ", "ησε"},    {"ημενεσ", "ησε"},   {"ημενου", "ησε"},
    {"ημενων", "ησε"},   {"ημενοι", "ησε"},    {"ημενη", "ησε"},    {"ημενο", "ησε"},
    {"ημενα", "ησε"}};

// A table of ending rewrites, looked up by the word's last byte (each Greek
// letter has its own second UTF-8 byte), so that a word is compared only
// with the endings that end in its letter. Within a letter the table's order
// holds: an ending that ends a longer one must come after it.
class EndingRewrites {
 public:
  template <size_t N>
  explicit EndingRewrites(const std::pair<std::string_view, std::string_view> (&rules)[N]) {
    for (const auto& rule : rules)
      by_last_byte_[static_cast<unsigned char>(rule.first.back())].push_back(rule);
  }

  // `word` with its ending rewritten (into `buffer`), or `word` itself; a
  // word with too short a base is left alone.
  std::string_view Apply(std::string_view word, std::string* buffer) const {
    if (word.empty()) return word;
    for (const auto& [from, to] : by_last_byte_[static_cast<unsigned char>(word.back())]) {
      if (!EndsWith(word, from)) continue;
      const std::string_view base = word.substr(0, word.size() - from.size());
      if (CountCodePoints(base) < kMinVerbBase) break;
      buffer->assign(base).append(to);
      return *buffer;
    }
    return word;
  }

 private:
  std::array<std::vector<std::pair<std::string_view, std::string_view>>, 256> by_last_byte_;
};

const EndingRewrites& ActiveVoice() {
  static const EndingRewrites table(kMediopassive);
  return table;
}

const EndingRewrites& AoristForms() {
  static const EndingRewrites table(kAoristEndings);
  return table;
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
  const std::string_view input = AoristForms().Apply(ActiveVoice().Apply(word, &active), &aorist);
  const sb_symbol* r = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(input.data()),
                                       static_cast<int>(input.size()));
  if (r == nullptr) return std::string(word);
  std::string stem(reinterpret_cast<const char*>(r),
                   static_cast<size_t>(sb_stemmer_length(stemmer_)));
  if (stem.empty()) return std::string(word);
  auto it = overrides_.find(stem);
  return it == overrides_.end() ? GuardShortStem(std::move(stem), input) : it->second;
}

}  // namespace kb::analysis
