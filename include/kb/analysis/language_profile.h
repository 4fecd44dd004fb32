// Language profiles: everything kb knows about one language, in one place
// (src/analysis/profiles/: one file per language with rules of its own, one
// table for the languages that only have a Snowball stemmer or a script).
// The analyzer, query understanding and the index read a language's rules
// from its profile and never name a language themselves: adding a language
// is one profile file, a line in the registry (profiles/registry.cpp) and its
// tests (docs/analysis.md, "Adding a language").
//
// Profiles are constant data built once per process (thread-safe
// initialization) and never change; every function here is pure and
// thread-safe. Pointers returned stay valid for the life of the process.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::analysis {

// Steps of the char filter that depend on the language (ANALYSIS.md §4).
struct CharFilterOptions {
  bool persian_letters = true;  // ي ى ے → ی, ك → ک, ة ہ ھ ە → ه (off for Arabic documents)
  // Marks dropped from Latin letters before stemming; off for French,
  // German...: their stemmers need the marks, which are folded after stemming.
  bool strip_latin_marks = true;
};

// How a language's words are stemmed.
enum class StemmerKind {
  kNone,      // words are searched as written
  kSnowball,  // libstemmer's algorithm `LanguageProfile::snowball`
  kHebrew,    // kb's Hebrew stem candidates (every prefix split, suffix rules)
  kPersian,   // kb's Persian light stemmer, light verbs and query-only stems
  kGreek,     // kb's Greek stemmer (libstemmer greek after kb's rewrites)
};

// A language typed in another script's letters (Greeklish: Greek in Latin
// letters). Both sides reduce to lossy keys that match (kb/analysis/greeklish.h).
struct Transliteration {
  std::string_view typed_in;  // ISO 15924 code of the letters it is typed in ("Latn")
  // True when a folded word is written in those letters (and may be typed).
  bool (*is_typed_word)(std::string_view folded) = nullptr;
  // The key of a folded word of the language; "" when it has other characters.
  std::string (*key_of_word)(std::string_view folded) = nullptr;
  // The keys a folded typed word may stand for.
  std::vector<std::string> (*keys_of_typed)(std::string_view folded) = nullptr;
  // A key without the language's endings (the keys of its stems).
  std::vector<std::string> (*key_stems)(std::string_view key) = nullptr;
};

// How DetectLanguage (kb/analysis/analysis.h) names this language from a
// text's letters (its profile's `script`).
struct Detection {
  // 0: this language is not its script's usual one. Otherwise letters of the
  // script name it, by precedence group: 1 beats every other script (Hebrew,
  // Greek and Arabic letters beat brand names in Latin; ties go to the
  // profile registered first), 2 beats Latin (the script with the most
  // letters wins; ties go to the smaller code), 3 is Latin itself.
  int group = 0;
  // Letters only this language of its script writes: text with any of them
  // is this language (Japanese kana among kanji, Ukrainian і ї є ґ among
  // Cyrillic), or, for the script's usual language, never `when_indexed`'s.
  bool (*marks)(char32_t c) = nullptr;
  // Named, instead of its script's usual language, for text without that
  // language's marks when the index has articles in it (Arabic beside Persian).
  bool when_indexed = false;
  // DetectLanguage cannot tell it from the other languages of its script
  // that have this too: a searcher tries it when its index has no article in
  // the one detected (SameScriptLanguages).
  bool same_script_fallback = false;
};

struct LanguageProfile {
  std::string code;    // ISO 639-1, lower case ("el")
  std::string script;  // ISO 15924 code of the script it is written in ("Grek")
  CharFilterOptions char_filter;
  StemmerKind stemmer = StemmerKind::kNone;
  std::string snowball;  // libstemmer algorithm, for StemmerKind::kSnowball
  // Stopwords as raw text (the analyzer char-filters each entry); each is
  // one token. Written for kb; no third-party list copied.
  std::vector<std::string> stopwords;
  bool one_letter_stopwords = false;  // every one-letter word is a stopword (Hebrew)
  // Endings joined to a word by an apostrophe that are left out of it: the
  // word is what is searched and indexed (English what's -> what, Tor's -> tor,
  // you're -> you), so "what's X" meets "What is X?".
  std::vector<std::string> enclitics;
  // Words in this script are this language's in a text of any language
  // (Latin brand names in a Hebrew query are stemmed as English).
  bool owns_script_words = false;
  // Hunspell dictionary (<dictionary>.aff/.dic) of its real words; "" none.
  std::string dictionary;
  // The letters of its folded words, which one-letter edits try; "" none.
  std::u32string letters;
  std::string thesaurus;  // kThesaurusWordNet, or "" for none
  // Typed in another script's letters, or null.
  const Transliteration* transliteration = nullptr;
  Detection detection;
};

inline constexpr std::string_view kThesaurusWordNet = "wordnet";

// Every profile, in registry order (each code once).
const std::vector<LanguageProfile>& AllProfiles();

// The profile of `code` (exact, as written in articles: "el"; "pt-BR" is not
// "pt"), or null when kb has none.
const LanguageProfile* ProfileFor(std::string_view code);

// The language DetectLanguage names for letters of `script` (ISO 15924:
// "Latn" -> en), or null.
const LanguageProfile* ScriptDefault(std::string_view script);

// The languages typed in the letters of `script` (ISO 15924: "Latn" -> el,
// as Greeklish), in registry order.
std::vector<const LanguageProfile*> TransliteratedFrom(std::string_view script);

// True when `lang` has a profile that is typed in the letters of `script`.
bool IsTypedIn(std::string_view lang, std::string_view script);

// The ISO 15924 code of the script of a folded word's first character (kana
// count as Han, "Hani"); "" when that is not a letter.
std::string_view ScriptOfWord(std::string_view folded);

}  // namespace kb::analysis
