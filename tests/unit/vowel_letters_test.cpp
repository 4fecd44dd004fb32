#include "query/vowel_letters.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

using kb::test::Contains;

TEST_CASE("vowel letters: spellings one vowel letter apart inside the word") {
  // Persian: و for ا in a loanword ("proxy"), and the letter left out.
  const std::vector<std::string> proxy = kb::VowelLetterVariants("پروکسی", "fa");
  CHECK(Contains(proxy, "پراکسی"));
  CHECK(Contains(proxy, "پرکسی"));
  // Hebrew: plene and defective spelling ("software"), both ways.
  CHECK(Contains(kb::VowelLetterVariants("תוכנה", "he"), "תכנה"));
  CHECK(Contains(kb::VowelLetterVariants("תכנה", "he"), "תוכנה"));
  // Only inside the word: its first and last letters stay.
  for (const std::string& v : kb::VowelLetterVariants("תוכנה", "he")) {
    CHECK(v.rfind("ת", 0) == 0);
    CHECK(v.size() > 2);
    CHECK(v.compare(v.size() - 2, 2, "ה") == 0);
  }
  // No doubled letter is added beside the same letter, and the word itself
  // is not a variant.
  CHECK_FALSE(Contains(kb::VowelLetterVariants("תוכנה", "he"), "תווכנה"));
  CHECK_FALSE(Contains(kb::VowelLetterVariants("תוכנה", "he"), "תוכנה"));
  // Nothing under four letters (מחיר "price" is not מחר "tomorrow"), for
  // short words, or in other languages.
  CHECK_FALSE(Contains(kb::VowelLetterVariants("מחיר", "he"), "מחר"));
  CHECK(kb::VowelLetterVariants("תור", "he").empty());
  CHECK(kb::VowelLetterVariants("proxy", "en").empty());
  CHECK(kb::VowelLetterVariants("κωδικός", "el").empty());
  // A hostile query's very long "word" gets none.
  std::string long_word;
  for (int i = 0; i < 200; ++i) long_word += "תוכ";
  CHECK(kb::VowelLetterVariants(long_word, "he").empty());
}
