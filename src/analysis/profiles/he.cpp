// Hebrew: kb's own stem candidates (every prefix split of the word, suffix
// rules, final letters; hebrew_stemmer.h), function-word stopwords and every
// one-letter word (a prefix typed apart: ב iPhone). No real-word dictionary:
// hunspell-he comes from hspell and is AGPL.
#include "profiles.h"

namespace kb::analysis {

LanguageProfile HebrewProfile() {
  LanguageProfile p;
  p.code = "he";
  p.script = "Hebr";
  p.stemmer = StemmerKind::kHebrew;
  // Function words only.
  p.stopwords = {
      "של",  "את",    "על",    "עם",   "זה",   "זו",   "זאת",  "הוא", "היא", "הם",  "הן",
      "אני", "אתה",   "אנחנו", "אתם",  "אתן",  "לא",   "כן",   "גם",  "או",  "אבל", "כי",
      "אם",  "מה",    "מי",    "איך",  "איפה", "יש",   "אין",  "כל",  "רק",  "עוד", "אל",
      "לי",  "לך",    "לו",    "לה",   "לנו",  "להם",  "בו",   "בה",  "שם",  "כאן", "פה",
      "היה", "הייתה", "היו",   "יהיה", "אותו", "אותה", "אותם", "כמו", "אך",  "אז",
  };
  p.one_letter_stopwords = true;
  p.owns_script_words = true;
  p.letters = U"אבגדהוזחטיכךלמםנןסעפףצץקרשת";  // folded: final forms kept
  p.detection.group = 1;
  return p;
}

}  // namespace kb::analysis
