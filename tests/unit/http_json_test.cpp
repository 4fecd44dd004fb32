// The JSON bodies of src/http: error replies and the encoders around them.
#include <doctest/doctest.h>

#include <string>

#include "http/api_error.h"
#include "http/json_encode.h"

TEST_CASE("ErrorJson encodes a message that echoes invalid UTF-8 instead of throwing") {
  // CheckParams names an unknown parameter as received, e.g. GET /search?%FF=1.
  const kb::Status status = kb::Status::InvalidArgument("unknown parameter '\xFF'");
  std::string body;
  REQUIRE_NOTHROW(body = kb::http::ErrorJson(status));
  CHECK(body == "{\"error\":{\"code\":\"bad_request\",\"message\":\"unknown parameter '\xEF\xBF\xBD'\"}}");
  CHECK(kb::http::ErrorJson(kb::Status::NotFound("no such article")) ==
        R"({"error":{"code":"not_found","message":"no such article"}})");
}

TEST_CASE("HealthJson") {
  kb::IndexInfo info;
  info.generation = "g-0001";
  info.sequence = 7;
  info.articles = 42;
  CHECK(kb::http::HealthJson(info) == R"({"articles":42,"generation":"g-0001","sequence":7,"status":"ok"})");
}
