// Language profiles (kb/analysis/language_profile.h): what each profile file
// declares, and checks over every registered profile that the analyzer,
// detection and query understanding take a language's rules from its
// profile alone (so a new profile needs no change elsewhere).
#include <doctest/doctest.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "analysis/profiles/profiles.h"
#include "analysis/snowball_stemmer.h"
#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "kb/analysis/text.h"
#include "kb/query/dictionary.h"
#include "kb/query/thesaurus.h"

namespace {

using kb::analysis::LanguageProfile;
using kb::analysis::ProfileFor;
using kb::analysis::StemmerKind;

const LanguageProfile& Profile(const char* code) {
  const LanguageProfile* p = ProfileFor(code);
  REQUIRE_MESSAGE(p != nullptr, code);
  return *p;
}

// The first letter ICU lists in `pattern` for which `accept` holds (0: none).
template <typename Accept>
char32_t FirstLetter(const std::string& pattern, Accept accept) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(pattern), status);
  REQUIRE(U_SUCCESS(status));
  for (int32_t i = 0; i < set.getRangeCount(); ++i)
    for (UChar32 c = set.getRangeStart(i); c <= set.getRangeEnd(i); ++c)
      if (accept(static_cast<char32_t>(c))) return static_cast<char32_t>(c);
  return 0;
}

// ... among the letters of the profile's script.
template <typename Accept>
char32_t LetterOf(const LanguageProfile& profile, Accept accept) {
  return FirstLetter("[[:Script=" + profile.script + ":]&[:L:]]", accept);
}

std::string Utf8(char32_t c, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) kb::analysis::AppendUtf8(c, &out);
  return out;
}

}  // namespace

TEST_CASE("profile he.cpp: Hebrew candidates, one-letter stopwords, usual for Hebrew letters") {
  const LanguageProfile& he = Profile("he");
  CHECK(he.script == "Hebr");
  CHECK(he.stemmer == StemmerKind::kHebrew);
  CHECK(he.one_letter_stopwords);
  CHECK(he.owns_script_words);
  CHECK(he.dictionary.empty());  // hunspell-he is AGPL (hspell)
  CHECK(he.letters.size() == 27);
  CHECK(he.detection.group == 1);
  CHECK(kb::analysis::ScriptDefault("Hebr") == &he);
}

TEST_CASE("profile el.cpp: Greek stemmer, Greeklish typed in Latin letters") {
  const LanguageProfile& el = Profile("el");
  CHECK(el.script == "Grek");
  CHECK(el.stemmer == StemmerKind::kGreek);
  REQUIRE(el.transliteration != nullptr);
  CHECK(el.transliteration->typed_in == "Latn");
  CHECK(el.transliteration->key_of_word("κωδικοσ") == "kodikos");
  CHECK(el.transliteration->is_typed_word("kwdikos"));
  CHECK(kb::analysis::IsTypedIn("el", "Latn"));
  CHECK_FALSE(kb::analysis::IsTypedIn("en", "Latn"));
  const auto latin = kb::analysis::TransliteratedFrom("Latn");
  REQUIRE(latin.size() == 1);
  CHECK(latin[0] == &el);
  CHECK(el.detection.group == 1);
}

TEST_CASE("profile fa.cpp: Persian stemmer, usual for Arabic letters, Persian-only marks") {
  const LanguageProfile& fa = Profile("fa");
  CHECK(fa.script == "Arab");
  CHECK(fa.stemmer == StemmerKind::kPersian);
  CHECK(fa.char_filter.persian_letters);
  CHECK(fa.owns_script_words);
  REQUIRE(static_cast<bool>(fa.detection.marks));
  CHECK(fa.detection.marks(U'پ'));
  CHECK_FALSE(fa.detection.marks(U'ب'));
  CHECK(kb::analysis::ScriptDefault("Arab") == &fa);
}

TEST_CASE("profile ar.cpp: Snowball arabic on Arabic's own letters, named when indexed") {
  const LanguageProfile& ar = Profile("ar");
  CHECK(ar.script == "Arab");
  CHECK(ar.stemmer == StemmerKind::kSnowball);
  CHECK(ar.snowball == "arabic");
  CHECK_FALSE(ar.char_filter.persian_letters);
  CHECK(ar.stopwords.empty());
  CHECK(ar.detection.when_indexed);
  CHECK(kb::DetectLanguage("كلمة المرور", "", true) == "ar");
  CHECK(kb::DetectLanguage("كلمة المرور", "", false) == "fa");
}

TEST_CASE("profile en.cpp: Snowball english, hunspell en_US, WordNet, usual for Latin") {
  const LanguageProfile& en = Profile("en");
  CHECK(en.script == "Latn");
  CHECK(en.snowball == "english");
  CHECK(en.char_filter.strip_latin_marks);
  CHECK(en.owns_script_words);
  CHECK(en.dictionary == "en_US");
  CHECK(en.letters == U"abcdefghijklmnopqrstuvwxyz");
  CHECK(en.thesaurus == kb::analysis::kThesaurusWordNet);
  CHECK(kb::analysis::ScriptDefault("Latn") == &en);
}

TEST_CASE("profile tables.cpp: Snowball-only and script-only languages") {
  CHECK(Profile("de").snowball == "german2");
  CHECK_FALSE(Profile("fr").char_filter.strip_latin_marks);  // marks folded after stemming
  CHECK(Profile("ru").char_filter.strip_latin_marks);
  CHECK(Profile("nn").snowball == "norwegian");
  CHECK(Profile("zh").stemmer == StemmerKind::kNone);
  CHECK(Profile("ja").detection.marks(U'カ'));
  CHECK(Profile("uk").detection.marks(U'ї'));
  CHECK(kb::SameScriptLanguages("uk") ==
        std::vector<std::string>{"ru", "bg", "sr", "be", "mk", "kk"});
  CHECK(kb::SameScriptLanguages("ja").empty());
  CHECK(ProfileFor("pt-BR") == nullptr);  // exact codes; the analyzer drops the region
}

TEST_CASE("profiles: codes are unique, scripts are ICU's, Snowball names are libstemmer's") {
  std::set<std::string> codes;
  for (const LanguageProfile& p : kb::analysis::AllProfiles()) {
    CAPTURE(p.code);
    CHECK(codes.insert(p.code).second);
    CHECK(ProfileFor(p.code) == &p);
    CHECK(kb::analysis::ScriptCodeOf(p) != USCRIPT_INVALID_CODE);
    if (p.stemmer == StemmerKind::kSnowball)
      CHECK(kb::analysis::SnowballStemmer::Create(p.snowball) != nullptr);
    else
      CHECK(p.snowball.empty());
    if (p.transliteration != nullptr)
      CHECK(kb::analysis::ScriptDefault(p.transliteration->typed_in) != nullptr);
  }
}

TEST_CASE("profiles: letters are folded letters of the language's script") {
  auto analyzer = kb::NewAnalyzer();
  for (const LanguageProfile& p : kb::analysis::AllProfiles()) {
    CAPTURE(p.code);
    CHECK(kb::LettersOf(p.code) == p.letters);
    for (char32_t c : p.letters) {
      const std::string letter = Utf8(c, 1);
      CAPTURE(letter);
      CHECK(analyzer->Normalize(letter, p.code) == letter);
      CHECK(kb::analysis::ScriptOfWord(letter) == p.script);
    }
  }
}

TEST_CASE("profiles: the query part takes dictionaries and thesauri from profiles") {
  for (const LanguageProfile& p : kb::analysis::AllProfiles()) {
    CAPTURE(p.code);
    if (p.dictionary.empty()) CHECK(kb::DictionaryFor(p.code) == nullptr);
    if (p.thesaurus.empty()) CHECK(kb::ThesaurusFor(p.code) == nullptr);
  }
}

TEST_CASE("profiles: DetectLanguage names each language its Detection declares") {
  for (const LanguageProfile& p : kb::analysis::AllProfiles()) {
    CAPTURE(p.code);
    const LanguageProfile* usual = kb::analysis::ScriptDefaultOf(kb::analysis::ScriptCodeOf(p));
    auto unmarked = [&](char32_t c) {
      for (const LanguageProfile* q : kb::analysis::ProfilesOfScript(kb::analysis::ScriptCodeOf(p)))
        if (q->detection.marks != nullptr && q->detection.marks(c)) return false;
      return true;
    };
    auto nothing = [](std::string_view) { return false; };
    auto only_p = [&](std::string_view lang) { return lang == p.code; };
    if (p.detection.group > 0) {
      const char32_t c = LetterOf(p, unmarked);
      REQUIRE(c != 0);
      CHECK(kb::DetectLanguage(Utf8(c, 3), nothing) == p.code);
      CHECK(kb::DetectLanguage("abc " + Utf8(c, 3), nothing) == p.code);  // beats Latin or is it
    } else if (p.detection.marks != nullptr) {
      const char32_t c = FirstLetter("[:L:]", p.detection.marks);  // kana count as Han
      REQUIRE(c != 0);
      CHECK(kb::DetectLanguage(Utf8(c, 3), nothing) == p.code);
    } else if (p.detection.when_indexed && usual != nullptr) {
      const char32_t c = LetterOf(p, unmarked);
      REQUIRE(c != 0);
      CHECK(kb::DetectLanguage(Utf8(c, 3), only_p) == p.code);
      CHECK(kb::DetectLanguage(Utf8(c, 3), nothing) == usual->code);
    }
    if (p.detection.same_script_fallback && usual != nullptr && usual != &p) {
      const std::vector<std::string> same = kb::SameScriptLanguages(usual->code);
      CHECK(std::find(same.begin(), same.end(), p.code) != same.end());
    }
  }
}
