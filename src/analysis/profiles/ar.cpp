// Arabic: Snowball's arabic stemmer on Arabic's own letters (no Persian
// letter unification) and no stopwords. Arabic letters are Persian unless
// the text has no letter only Persian writes and the index has Arabic
// articles.
#include "profiles.h"

namespace kb::analysis {

LanguageProfile ArabicProfile() {
  LanguageProfile p;
  p.code = "ar";
  p.script = "Arab";
  p.char_filter.persian_letters = false;
  p.stemmer = StemmerKind::kSnowball;
  p.snowball = "arabic";
  p.detection.when_indexed = true;
  return p;
}

}  // namespace kb::analysis
