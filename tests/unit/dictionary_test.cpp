// The real-word dictionaries (hunspell, installed by tools/deps.sh).
#include "kb/query/dictionary.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

TEST_CASE("dictionary: English tells real words from typos and lists words one edit away") {
  kb::WordList* en = kb::DictionaryFor("en");
  REQUIRE(en != nullptr);  // hunspell-en-us is a build dependency
  CHECK(en->IsWord("office"));
  CHECK(en->IsWord("remotely"));
  CHECK(en->IsWord("london"));  // capitalised in the dictionary, folded in queries
  CHECK_FALSE(en->IsWord("speding"));
  CHECK_FALSE(en->IsWord(""));
  const auto near = en->WordsOneEditAway("speding");
  CHECK(std::find(near.begin(), near.end(), "speeding") != near.end());
  CHECK(std::find(near.begin(), near.end(), "spending") != near.end());
  CHECK(std::find(near.begin(), near.end(), "speding") == near.end());
  const auto access = en->WordsOneEditAway("acess");
  CHECK(std::find(access.begin(), access.end(), "access") != access.end());
  CHECK(en->WordsOneEditAway(std::string(100, 'x')).empty());  // bounded work
  CHECK(en->WordsOneEditAway("חשבון").empty());                // another script
  CHECK(en->WordsOneEditAway("acess2").empty());
  CHECK(kb::DictionaryFor("en") == en);  // loaded once
}

TEST_CASE("dictionary: languages without one get none") {
  CHECK(kb::DictionaryFor("he") == nullptr);  // hunspell-he is AGPL (hspell): not used
  CHECK(kb::DictionaryFor("xx") == nullptr);
  CHECK(kb::DictionaryFor("") == nullptr);
}

TEST_CASE("one-edit forms: deletes, swaps, replacements and inserts over the language's letters") {
  const std::vector<std::string> forms = kb::OneEditForms("אב", kb::LettersOf("he"));
  auto has = [&forms](const std::string& f) {
    return std::find(forms.begin(), forms.end(), f) != forms.end();
  };
  CHECK(has("א"));    // a letter deleted
  CHECK(has("בא"));   // swapped
  CHECK(has("אג"));   // replaced
  CHECK(has("אוב"));  // inserted (ו, the vowel letter Hebrew may leave out)
  CHECK_FALSE(has("אב"));
  CHECK(std::set<std::string>(forms.begin(), forms.end()).size() == forms.size());
  // Another script, or a language without a letter list: nothing.
  CHECK(kb::OneEditForms("abc", kb::LettersOf("he")).empty());
  CHECK(kb::OneEditForms("abc", kb::LettersOf("xx")).empty());
  CHECK(kb::OneEditForms(std::string(25, 'a'), kb::LettersOf("en")).empty());
}

TEST_CASE("suggestion letters: the profile's list, else ICU's exemplar letters") {
  CHECK(kb::SuggestionLettersOf("he") == kb::LettersOf("he"));
  CHECK(kb::SuggestionLettersOf("").empty());
  CHECK(kb::LettersOf("ru").empty());
  const std::u32string_view ru = kb::SuggestionLettersOf("ru");
  CHECK(ru.find(U'я') != std::u32string_view::npos);
  CHECK(ru.find(U'a') == std::u32string_view::npos);  // Cyrillic only
  const std::u32string_view de = kb::SuggestionLettersOf("de");
  CHECK(de.find(U'ä') != std::u32string_view::npos);
  CHECK(de.find(U'z') != std::u32string_view::npos);
  CHECK(kb::SuggestionLettersOf("th").find(U'\u0E48') != std::u32string_view::npos);  // a tone mark
  CHECK(kb::SuggestionLettersOf("xx").empty());
}

TEST_CASE("prefix-stripped forms: one to three first letters left out, three letters kept") {
  CHECK(kb::PrefixStrippedForms("unlisted") ==
        std::vector<std::string>{"nlisted", "listed", "isted"});
  CHECK(kb::PrefixStrippedForms("κλειδί") == std::vector<std::string>{"λειδί", "ειδί", "ιδί"});
  CHECK(kb::PrefixStrippedForms("abcd") == std::vector<std::string>{"bcd"});
  CHECK(kb::PrefixStrippedForms("abc").empty());
}

TEST_CASE("drop and swap forms: a letter left out or two neighbours swapped, any script") {
  CHECK(kb::DropAndSwapForms("משללוח") == std::vector<std::string>{"שללוח", "מללוח", "משלוח",
                                                                   "משללח", "משללו", "שמללוח",
                                                                   "מלשלוח", "משלולח", "משללחו"});
  CHECK(kb::DropAndSwapForms("ab") == std::vector<std::string>{"b", "a", "ba"});
  CHECK(kb::DropAndSwapForms("").empty());
}
