// The English thesaurus (WordNet, installed by tools/deps.sh).
#include "kb/query/thesaurus.h"

#include <doctest/doctest.h>

#include "test_support.h"

using kb::test::Contains;

TEST_CASE("thesaurus: English words get the other words of their first sense") {
  kb::Thesaurus* en = kb::ThesaurusFor("en");
  REQUIRE(en != nullptr);  // wordnet-base is a build dependency
  const auto person = en->Synonyms("person", 8);
  CHECK(Contains(person, "someone"));
  CHECK(Contains(person, "somebody"));
  CHECK_FALSE(Contains(person, "person"));
  CHECK(Contains(en->Synonyms("persons", 8), "somebody"));  // inflected forms find their lemma
  CHECK(Contains(en->Synonyms("computer", 8), "computing machine"));  // phrases, lower case, no '_'
  CHECK(en->Synonyms("speeding", 3).size() <= 3);                     // bounded
  CHECK(en->Synonyms("zorblaxing", 8).empty());
  CHECK(en->Synonyms("", 8).empty());
  CHECK(en->Synonyms("חשבון", 8).empty());    // another script
  CHECK(en->Synonyms("per son", 8).empty());  // not a word
  CHECK(en->Synonyms(std::string(5000, 'a'), 8).empty());
  CHECK(kb::ThesaurusFor("he") == nullptr);
}
