#include "kb/core/utc_time.h"

#include <doctest/doctest.h>

TEST_CASE("FormatUtc: the HTTP date, RFC 3339 and day forms, in UTC") {
  const int64_t t = 1765000000;  // 2025-12-06 05:46:40 UTC
  CHECK(kb::FormatUtc(t, "%Y-%m-%d") == "2025-12-06");
  CHECK(kb::FormatUtc(t, "%Y-%m-%dT%H:%M:%SZ") == "2025-12-06T05:46:40Z");
  CHECK(kb::FormatUtc(t, "%a, %d %b %Y %H:%M:%S GMT") == "Sat, 06 Dec 2025 05:46:40 GMT");
  CHECK(kb::FormatUtc(0, "%Y-%m-%d") == "1970-01-01");
}
