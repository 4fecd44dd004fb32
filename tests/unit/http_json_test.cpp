// The JSON bodies of src/http: error replies and the encoders around them.
#include <doctest/doctest.h>

#include <string>

#include "http/api_error.h"
#include "http/git_json.h"
#include "http/json_encode.h"

TEST_CASE("ErrorJson encodes a message that echoes invalid UTF-8 instead of throwing") {
  // CheckParams names an unknown parameter as received, e.g. GET /search?%FF=1.
  const kb::Status status = kb::Status::InvalidArgument("unknown parameter '\xFF'");
  std::string body;
  REQUIRE_NOTHROW(body = kb::http::ErrorJson(status));
  CHECK(body ==
        "{\"error\":{\"code\":\"bad_request\",\"message\":\"unknown parameter '\xEF\xBF\xBD'\"}}");
  CHECK(kb::http::ErrorJson(kb::Status::NotFound("no such article")) ==
        R"({"error":{"code":"not_found","message":"no such article"}})");
}

TEST_CASE("HealthJson") {
  kb::IndexInfo info;
  info.generation = "g-0001";
  info.sequence = 7;
  info.articles = 42;
  CHECK(kb::http::HealthJson(info) ==
        R"({"articles":42,"generation":"g-0001","sequence":7,"status":"ok"})");
}

namespace {

kb::ArticleView SampleView() {
  kb::ArticleView view;
  view.id = "he/account/reset";
  view.title = "איפוס סיסמה";
  view.lang = "he";
  view.category = "account";
  view.audience = "public";
  view.html = "<p>a \"quoted\" line\nand a bad byte \xFF</p>";
  view.translation_of = "en/account/reset";
  view.tags = {"password", "login"};
  view.updated = 1700000000;
  return view;
}

}  // namespace

TEST_CASE("ArticleJson is the text of ArticleObject") {
  const kb::ArticleView view = SampleView();
  CHECK(kb::http::ArticleJson(view) == kb::http::DumpJson(kb::http::ArticleObject(view)));
  const nlohmann::json article = nlohmann::json::parse(kb::http::ArticleJson(view));
  CHECK(article["url"] == "/kb/he/account/reset");
  CHECK(article["updated"] == "2023-11-14T22:13:20Z");
  CHECK(article["author"].is_null());
  CHECK(article["html"] == "<p>a \"quoted\" line\nand a bad byte \xEF\xBF\xBD</p>");
}

TEST_CASE("GitPreviewJson is the article JSON plus preview, ref, commit and draft") {
  const kb::ArticleView view = SampleView();
  // What the preview was before it was built on ArticleObject: the article
  // text parsed back, the preview keys added, dumped again.
  nlohmann::json expected = nlohmann::json::parse(kb::http::ArticleJson(view));
  expected["preview"] = true;
  expected["ref"] = "draft-branch";
  expected["commit"] = "0123456789abcdef0123456789abcdef01234567";
  expected["draft"] = false;
  CHECK(kb::http::GitPreviewJson(view, "draft-branch", "0123456789abcdef0123456789abcdef01234567",
                                 false) == kb::http::DumpJson(expected));
}
