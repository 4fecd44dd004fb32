#include <doctest/doctest.h>

#include <string>

#include "kb/utf8.h"

TEST_CASE("FindInvalidUtf8 finds the first bad byte") {
  struct Case { std::string text; size_t bad; };
  const size_t ok = std::string_view::npos;
  const Case cases[] = {
      {"", ok},
      {"plain ascii", ok},
      {"חשבון λογαριασμός کاربر", ok},
      {"abc\xFF", 3},
      {"\xC0\xAF", 0},                  // overlong '/'
      {"ab\xED\xA0\x80", 2},            // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},          // above U+10FFFF
      {"ok \xE2\x82", 3},               // truncated sequence
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(kb::FindInvalidUtf8(c.text) == c.bad);
  }
}
