#include "kb/core/html.h"

#include <doctest/doctest.h>

TEST_CASE("EscapeHtml escapes every HTML-significant character") {
  CHECK(kb::EscapeHtml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(kb::EscapeHtml("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(kb::EscapeHtml("חשבון λογαριασμός") == "חשבון λογαριασμός");
  CHECK(kb::EscapeHtml("") == "");
}
