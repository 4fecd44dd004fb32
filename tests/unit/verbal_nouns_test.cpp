#include "query/verbal_nouns.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using Stems = std::vector<std::string>;

TEST_CASE("verbal nouns: a Hebrew verb stem's noun, and a noun's verb stem") {
  // Verb stems (no inner vowel letters) give the noun's plene spelling.
  CHECK(kb::HebrewVerbalNounStems("בטל") == Stems{"ביטול"});   // לבטל: ביטול
  CHECK(kb::HebrewVerbalNounStems("שדרג") == Stems{"שדרוג"});  // לשדרג: שדרוג
  CHECK(kb::HebrewVerbalNounStems("עדכנ") == Stems{"עדכונ"});  // final nun unfinaled
  // Nouns give the stem without their inner ו and י.
  CHECK(kb::HebrewVerbalNounStems("ביטול") == Stems{"בטל"});
  CHECK(kb::HebrewVerbalNounStems("סנכרונ") == Stems{"סנכרנ"});
  // First and last letters stay; too short a result, or another length,
  // or other letters give nothing.
  CHECK(kb::HebrewVerbalNounStems("יוי").empty());
  CHECK(kb::HebrewVerbalNounStems("אב").empty());
  CHECK(kb::HebrewVerbalNounStems("מסלמנ").empty());
  CHECK(kb::HebrewVerbalNounStems("reset").empty());
  CHECK(kb::HebrewVerbalNounStems("").empty());
}
