// Greek: kb's stemmer (accent and final-sigma folding, verb ending rewrites,
// then libstemmer greek; greek_stemmer.h), stopwords, and Greeklish: Greek
// typed in Latin letters, read through lossy keys (kb/analysis/greeklish.h).
// No real-word dictionary: el_GR spells words with accents, queries arrive
// folded, and it takes 770 ms and 829k words to load.
#include "kb/analysis/greeklish.h"
#include "profiles.h"

namespace kb::analysis {
namespace {

const Transliteration kGreeklish = {
    "Latn", IsLatinWord, GreeklishKeyOfGreek, GreeklishKeysOfLatin, GreeklishKeyStems,
};

}  // namespace

LanguageProfile GreekProfile() {
  LanguageProfile p;
  p.code = "el";
  p.script = "Grek";
  p.stemmer = StemmerKind::kGreek;
  // Folded (no accents, σ for ς): articles, pronouns, prepositions, particles.
  // Their Greeklish readings ("na", "gia", "den") are stopwords of a Greek query too.
  p.stopwords = {
      "ο",       "η",     "το",   "οι",    "τα",    "του",    "τησ",    "των",      "τον",
      "την",     "τουσ",  "τισ",  "ενα",   "ενασ",  "μια",    "μιασ",   "ενοσ",     "και",
      "κι",      "να",    "θα",   "δε",    "δεν",   "μη",     "μην",    "οτι",      "πωσ",
      "που",     "ποιοσ", "ποια", "ποιο",  "αυτοσ", "αυτη",   "αυτο",   "αυτοι",    "αυτεσ",
      "αυτα",    "εγω",   "εσυ",  "εμεισ", "εσεισ", "μου",    "σου",    "μασ",      "σασ",
      "τουσ",    "απο",   "σε",   "στο",   "στη",   "στην",   "στον",   "στα",      "στουσ",
      "στισ",    "στησ",  "στου", "με",    "για",   "προσ",   "κατα",   "μετα",     "χωρισ",
      "ωσ",      "ειναι", "ηταν", "αλλα",  "ομωσ",  "επισησ", "εαν",    "αν",       "οταν",
      "ενω",     "ή",     "ουτε", "μονο",  "μεσω",  "μπορω",  "μπορει", "μπορειτε", "μπορουμε",
      "μπορουν",
  };
  p.owns_script_words = true;
  p.letters = U"αβγδεζηθικλμνξοπρστυφχψω";  // folded: no accents, σ for ς
  p.transliteration = &kGreeklish;
  p.detection.group = 1;
  return p;
}

}  // namespace kb::analysis
