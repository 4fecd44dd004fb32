#include "kb/core/status.h"

#include <doctest/doctest.h>

TEST_CASE("Status: OK by default, codes and messages kept") {
  kb::Status ok;
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");
  auto nf = kb::Status::NotFound("no article he/x");
  CHECK_FALSE(nf.ok());
  CHECK(nf.code() == kb::StatusCode::kNotFound);
  CHECK(nf.ToString() == "NotFound: no article he/x");
}

TEST_CASE("Result: holds a value or a status") {
  kb::Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  kb::Result<int> bad(kb::Status::InvalidArgument("q is required"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == kb::StatusCode::kInvalidArgument);
}
