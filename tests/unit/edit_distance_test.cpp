#include "kb/core/edit_distance.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("BoundedEditDistance counts edits and stops past the limit") {
  struct Case {
    std::string a, b;
    size_t limit, distance;
  };
  const Case cases[] = {
      {"audience", "audience", 2, 0},
      {"audiance", "audience", 2, 1},  // substitution
      {"audeince", "audience", 2, 1},  // adjacent swap counts once
      {"titel", "title", 2, 1},
      {"lng", "lang", 2, 1},  // insertion
      {"catgory", "category", 2, 1},
      {"translation-of", "translation_of", 2, 1},
      {"", "faq", 5, 3},
      {"zzzzzz", "title", 2, 3},  // more than the limit: limit + 1
      {"a", "abcdefgh", 2, 3},    // lengths alone exceed the limit
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    CHECK(kb::BoundedEditDistance(c.a, c.b, c.limit) == c.distance);
    CHECK(kb::BoundedEditDistance(c.b, c.a, c.limit) == c.distance);
  }
}
