// English comparatives and superlatives (query/degree_forms.h), with the real
// hunspell dictionary (a build dependency, as in dictionary_test).
#include "query/degree_forms.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_vocabulary.h"
#include "kb/query/dictionary.h"

namespace {

std::vector<std::string> Forms(const std::string& word) {
  kb::WordList* en = kb::DictionaryFor("en");
  REQUIRE(en != nullptr);
  return kb::EnglishDegreeForms(word, *en);
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("degree forms: an adjective finds its comparative and superlative, and back") {
  CHECK(Forms("slow") == Words{"slower", "slowest"});
  CHECK(Forms("slower") == Words{"slow", "slowest"});
  CHECK(Forms("slowest") == Words{"slow", "slower"});
  CHECK(Forms("late") == Words{"later", "latest"});    // -e: -r, -st
  CHECK(Forms("easier") == Words{"easy", "easiest"});  // -y: -ier, -iest
  CHECK(Forms("big") == Words{"bigger", "biggest"});   // a doubled consonant
  CHECK(Forms("biggest") == Words{"big", "bigger"});
}

TEST_CASE("degree forms: nouns in -er, other words and other scripts have none") {
  CHECK(Forms("print").empty());    // printer is a word, printest is not
  CHECK(Forms("printer").empty());  // an agent noun, not a comparative
  CHECK(Forms("computer").empty());
  CHECK(Forms("user").empty());
  CHECK(Forms("password").empty());
  CHECK(Forms("ab").empty());
  CHECK(Forms("SLOW").empty());  // queries are folded before; not folded is not a word here
  CHECK(Forms("αργός").empty());
  CHECK(Forms("").empty());
}
