#include "language.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "kb/analysis/analysis.h"
#include "unicode_util.h"

namespace kb {
namespace analysis {
namespace {

struct LanguageEntry {
  const char* code;
  const char* snowball;
  UScriptCode script;
};

// Snowball stemmers (libstemmer) by ISO 639-1 code. German is "german2",
// which also reads ae, oe, ue as ä, ö, ü (Passwoerter ~ Passwörter), as
// customers without a German keyboard type them (snowball_stemmer.h).
constexpr LanguageEntry kLanguages[] = {
    {"en", "english", USCRIPT_LATIN},     {"da", "danish", USCRIPT_LATIN},
    {"nl", "dutch", USCRIPT_LATIN},       {"fi", "finnish", USCRIPT_LATIN},
    {"fr", "french", USCRIPT_LATIN},      {"de", "german2", USCRIPT_LATIN},
    {"hu", "hungarian", USCRIPT_LATIN},   {"it", "italian", USCRIPT_LATIN},
    {"nb", "norwegian", USCRIPT_LATIN},   {"nn", "norwegian", USCRIPT_LATIN},
    {"no", "norwegian", USCRIPT_LATIN},   {"pt", "portuguese", USCRIPT_LATIN},
    {"ro", "romanian", USCRIPT_LATIN},    {"es", "spanish", USCRIPT_LATIN},
    {"sv", "swedish", USCRIPT_LATIN},     {"tr", "turkish", USCRIPT_LATIN},
    {"ca", "catalan", USCRIPT_LATIN},     {"eu", "basque", USCRIPT_LATIN},
    {"id", "indonesian", USCRIPT_LATIN},  {"ga", "irish", USCRIPT_LATIN},
    {"lt", "lithuanian", USCRIPT_LATIN},  {"ar", "arabic", USCRIPT_ARABIC},
    {"hy", "armenian", USCRIPT_ARMENIAN}, {"ru", "russian", USCRIPT_CYRILLIC},
    {"ne", "nepali", USCRIPT_DEVANAGARI}, {"ta", "tamil", USCRIPT_TAMIL},
};

}  // namespace

LanguageInfo ResolveLanguage(std::string_view lang) {
  LanguageInfo info;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    info.code.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  for (const LanguageEntry& e : kLanguages) {
    if (info.code == e.code) {
      info.snowball = e.snowball;
      info.script = e.script;
    }
  }
  return info;
}

namespace {

// Letters only Persian uses: پ چ ژ گ ک ی.
bool IsPersianOnly(char32_t c) {
  return c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC;
}

// Letters of Ukrainian that Russian does not have: і ї є ґ (folded, and capitals).
bool IsUkrainianOnly(char32_t c) {
  return c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491 || c == 0x0406 || c == 0x0407 ||
         c == 0x0404 || c == 0x0490;
}

// The language a script stands for, for scripts one language writes (or
// nearly so); nullptr for the others.
const char* LanguageOfScript(UScriptCode script) {
  switch (script) {
    case USCRIPT_HANGUL:
      return "ko";
    case USCRIPT_THAI:
      return "th";
    case USCRIPT_LAO:
      return "lo";
    case USCRIPT_KHMER:
      return "km";
    case USCRIPT_MYANMAR:
      return "my";
    case USCRIPT_GEORGIAN:
      return "ka";
    case USCRIPT_ARMENIAN:
      return "hy";
    case USCRIPT_TAMIL:
      return "ta";
    default:
      return nullptr;
  }
}

}  // namespace
}  // namespace analysis

std::string DetectLanguage(std::string_view text, std::string_view latin_default,
                           bool arabic_indexed) {
  size_t hebrew = 0, greek = 0, arabic = 0, latin = 0;
  bool persian_only = false;
  // Other scripts: letters per language (a script one language writes, or
  // the usual one of several), and whether kana or Ukrainian-only letters
  // were seen.
  std::map<std::string_view, size_t> others;
  bool kana = false, ukrainian_only = false;
  for (char32_t c : analysis::DecodeUtf8(text)) {
    if (!analysis::IsLetter(c)) continue;
    const UScriptCode script = analysis::LetterScript(c);
    switch (script) {
      case USCRIPT_HEBREW:
        ++hebrew;
        break;
      case USCRIPT_GREEK:
        ++greek;
        break;
      case USCRIPT_ARABIC:
        ++arabic;
        persian_only = persian_only || analysis::IsPersianOnly(c);
        break;
      case USCRIPT_LATIN:
        ++latin;
        break;
      case USCRIPT_HAN:  // kana count as Han (LetterScript): Japanese if any
        kana = kana || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
        ++others["zh"];
        break;
      case USCRIPT_CYRILLIC:
        ukrainian_only = ukrainian_only || analysis::IsUkrainianOnly(c);
        ++others["ru"];
        break;
      default:
        if (const char* lang = analysis::LanguageOfScript(script)) ++others[lang];
        break;
    }
  }
  // Any Hebrew, Greek or Arabic-script letter beats Latin (brand names in he/fa/el queries).
  if (hebrew + greek + arabic > 0) {
    if (hebrew >= greek && hebrew >= arabic) return "he";
    if (greek >= arabic) return "el";
    return (!persian_only && arabic_indexed) ? "ar" : "fa";
  }
  // So do the other scripts with a language of their own; the most letters win.
  std::string_view best;
  size_t most = 0;
  for (const auto& [lang, letters] : others) {
    if (letters > most) {
      best = lang;
      most = letters;
    }
  }
  if (best == "zh" && kana) return "ja";
  if (best == "ru" && ukrainian_only) return "uk";
  if (!best.empty()) return std::string(best);
  if (latin > 0) return std::string(latin_default);
  return "";
}

std::vector<std::string> SameScriptLanguages(std::string_view lang) {
  if (lang == "zh") return {"ja"};
  static constexpr std::string_view kCyrillic[] = {"ru", "uk", "bg", "sr", "be", "mk", "kk"};
  std::vector<std::string> out;
  if (std::find(std::begin(kCyrillic), std::end(kCyrillic), lang) == std::end(kCyrillic))
    return out;
  for (std::string_view l : kCyrillic)
    if (l != lang) out.emplace_back(l);
  return out;
}

}  // namespace kb
