// The languages with nothing of their own but a Snowball stemmer
// (libstemmer), and those kb knows only by their script: what DetectLanguage
// names them by, and which ones it cannot tell apart.
#include "profiles.h"

namespace kb::analysis {
namespace {

// Letters of Ukrainian that Russian does not have: і ї є ґ (folded, and capitals).
bool IsUkrainianOnly(char32_t c) {
  return c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491 || c == 0x0406 || c == 0x0407 ||
         c == 0x0404 || c == 0x0490;
}

// Hiragana and katakana (also half-width): Japanese, not Chinese.
bool IsKana(char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F); }

struct Entry {
  const char* code;
  const char* script;  // ISO 15924
  const char* snowball = nullptr;
  int group = 0;  // Detection::group
  bool (*marks)(char32_t) = nullptr;
  bool same_script_fallback = false;
};

LanguageProfile ProfileOf(const Entry& e) {
  LanguageProfile p;
  p.code = e.code;
  p.script = e.script;
  if (e.snowball != nullptr) {
    p.stemmer = StemmerKind::kSnowball;
    p.snowball = e.snowball;
    // French, German...: marks kept for the stemmer and folded after it.
    p.char_filter.strip_latin_marks = p.script != "Latn";
  }
  p.detection.group = e.group;
  p.detection.marks = e.marks;
  p.detection.same_script_fallback = e.same_script_fallback;
  return p;
}

std::vector<LanguageProfile> ProfilesOf(std::initializer_list<Entry> entries) {
  std::vector<LanguageProfile> out;
  for (const Entry& e : entries) out.push_back(ProfileOf(e));
  return out;
}

}  // namespace

// Snowball stemmers by ISO 639-1 code. German is "german2", which also reads
// ae, oe, ue as ä, ö, ü (Passwoerter ~ Passwörter), as customers without a
// German keyboard type them (snowball_stemmer.h).
std::vector<LanguageProfile> SnowballProfiles() {
  return ProfilesOf({
      {"da", "Latn", "danish"},      {"nl", "Latn", "dutch"},
      {"fi", "Latn", "finnish"},     {"fr", "Latn", "french"},
      {"de", "Latn", "german2"},     {"hu", "Latn", "hungarian"},
      {"it", "Latn", "italian"},     {"nb", "Latn", "norwegian"},
      {"nn", "Latn", "norwegian"},   {"no", "Latn", "norwegian"},
      {"pt", "Latn", "portuguese"},  {"ro", "Latn", "romanian"},
      {"es", "Latn", "spanish"},     {"sv", "Latn", "swedish"},
      {"tr", "Latn", "turkish"},     {"ca", "Latn", "catalan"},
      {"eu", "Latn", "basque"},      {"id", "Latn", "indonesian"},
      {"ga", "Latn", "irish"},       {"lt", "Latn", "lithuanian"},
      {"hy", "Armn", "armenian", 2}, {"ru", "Cyrl", "russian", 2, nullptr, true},
      {"ne", "Deva", "nepali"},      {"ta", "Taml", "tamil", 2},
  });
}

// Words searched as written (Chinese, Japanese and Korean as character
// pairs, Thai, Lao, Khmer and Myanmar as ICU's dictionary words).
std::vector<LanguageProfile> ScriptOnlyProfiles() {
  return ProfilesOf({
      {"zh", "Hani", nullptr, 2},
      {"ja", "Hani", nullptr, 0, IsKana, true},  // kanji alone read as Chinese
      {"ko", "Hang", nullptr, 2},
      {"th", "Thai", nullptr, 2},
      {"lo", "Laoo", nullptr, 2},
      {"km", "Khmr", nullptr, 2},
      {"my", "Mymr", nullptr, 2},
      {"ka", "Geor", nullptr, 2},
      {"uk", "Cyrl", nullptr, 0, IsUkrainianOnly, true},  // without і ї є ґ read as Russian
      {"bg", "Cyrl", nullptr, 0, nullptr, true},
      {"sr", "Cyrl", nullptr, 0, nullptr, true},
      {"be", "Cyrl", nullptr, 0, nullptr, true},
      {"mk", "Cyrl", nullptr, 0, nullptr, true},
      {"kk", "Cyrl", nullptr, 0, nullptr, true},
  });
}

}  // namespace kb::analysis
