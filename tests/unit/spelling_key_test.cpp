// The spelling table's keys (index/spelling_key.h): one byte a letter for
// Hebrew, Greek and Arabic-script words, every other word as it is, and back.
#include "index/spelling_key.h"

#include <doctest/doctest.h>

#include <string>

#include "kb/core/utf8.h"

TEST_CASE("spelling keys: one byte a letter and a script byte, and back") {
  for (const std::string word :
       {"סיסמה", "ךםןףץ", "κωδικοσ", "ςάέήίόύώϊϋΐΰ", "گذرواژه", "پیامرسان", "ئؤإأآة", "ab"}) {
    CAPTURE(word);
    const std::string key = kb::SpellingKey(word);
    CHECK(kb::WordOfSpellingKey(key) == word);
  }
  const std::string hebrew = kb::SpellingKey("סיסמה");
  CHECK(hebrew.size() == 6);  // five letters and the script's byte
  CHECK(static_cast<unsigned char>(hebrew.back()) == 0xF5);
  CHECK(kb::SpellingKey("κωδικοσ").size() == 8);
  CHECK(kb::SpellingKey("گذرواژه").size() == 8);
  // Keys of different scripts differ in their last byte even for the same places.
  CHECK(kb::SpellingKey("א") != kb::SpellingKey("ά"));
  CHECK_FALSE(kb::IsValidUtf8(hebrew));  // never a word stored as it is
}

TEST_CASE("spelling keys: other words are stored as they are") {
  for (const std::string word : {"password", "café", "пароль", "รหัส", "密码", "סיסמה2", "wi-fi",
                                 "κωδικόςabc", "סיסמהκ", ""}) {
    CAPTURE(word);
    CHECK(kb::SpellingKey(word) == word);
    CHECK(kb::WordOfSpellingKey(word) == word);
  }
  // A key-like string that no table explains is left alone.
  CHECK(kb::WordOfSpellingKey(std::string("\xFE\xF5")) == std::string("\xFE\xF5"));
}
