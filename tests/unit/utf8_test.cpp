#include "kb/core/utf8.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("FindInvalidUtf8 finds the first bad byte") {
  struct Case {
    std::string text;
    size_t bad;
  };
  const size_t ok = std::string_view::npos;
  const Case cases[] = {
      {"", ok},
      {"plain ascii", ok},
      {"חשבון λογαριασμός کاربر", ok},
      {"abc\xFF", 3},
      {"\xC0\xAF", 0},          // overlong '/'
      {"ab\xED\xA0\x80", 2},    // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"ok \xE2\x82", 3},       // truncated sequence
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(kb::FindInvalidUtf8(c.text) == c.bad);
  }
}

TEST_CASE("EscapeInvalidUtf8 writes each bad byte as \\xNN and keeps the rest") {
  struct Case {
    std::string text, escaped;
  };
  const Case cases[] = {
      {"", ""},
      {"חשבון λογαριασμός", "חשבון λογαριασμός"},
      {"abc\xFF", "abc\\xFF"},
      {"escape character: \xF0",
       "escape character: \\xF0"},       // a character cut after its first byte
      {"\xE2\x82 ok", "\\xE2\\x82 ok"},  // truncated sequence, then text
      {"\xC3\xC3\xA9", "\\xC3é"},        // a bad byte, then a valid é
      {"\xC0\xAF", "\\xC0\\xAF"},        // overlong '/'
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::string escaped = kb::EscapeInvalidUtf8(c.text);
    CHECK(escaped == c.escaped);
    CHECK(kb::IsValidUtf8(escaped));
  }
}
