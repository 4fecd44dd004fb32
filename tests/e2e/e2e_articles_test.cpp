// End-to-end: GET /api/v1/articles/{id}.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Env;
using nlohmann::json;

namespace {

std::vector<std::string> Strings(const json& array) {
  std::vector<std::string> out;
  if (!array.is_array()) return out;
  for (const json& v : array) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  std::sort(out.begin(), out.end());
  return out;
}

// Percent-encodes an id for a URL path, keeping its '/' separators.
std::string EncodePath(const std::string& id) {
  std::string encoded = kb_e2e::PercentEncode(id);
  for (size_t at; (at = encoded.find("%2F")) != std::string::npos;) encoded.replace(at, 3, "/");
  return encoded;
}

}  // namespace

TEST_SUITE_BEGIN("articles");

TEST_CASE("an article has every contract field") {
  Env env;
  env.StartServer();
  const auto reply = env.Get("/api/v1/articles/en/account/reset-password");
  INFO(reply.Describe());
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type.find("application/json") != std::string::npos);
  const json& a = reply.json;
  CHECK(a["id"] == "en/account/reset-password");
  CHECK(a["title"] == "How do I reset my password?");
  CHECK(a["lang"] == "en");
  CHECK(a["category"] == "account");
  CHECK(Strings(a["tags"]) == std::vector<std::string>{"login", "password"});
  CHECK(a["audience"] == "public");
  REQUIRE(a["html"].is_string());
  const std::string html = a["html"];
  CHECK(html.find("<h2") != std::string::npos);
  CHECK(html.find("<strong>Forgot password</strong>") != std::string::npos);
  CHECK(a["translations"].is_array());
  REQUIRE(a.contains("updated"));
  CHECK_FALSE(a["updated"].is_null());
}

TEST_CASE("linked translations list each other") {
  Env env;
  env.StartServer();
  const json en = env.Get("/api/v1/articles/en/account/reset-password").json;
  CHECK(Strings(en["translations"]) == std::vector<std::string>{"el/account/reset-password",
                                                                "fa/account/reset-password",
                                                                "he/account/reset-password"});
  const json he = env.Get("/api/v1/articles/he/account/reset-password").json;
  const auto he_translations = Strings(he["translations"]);
  CHECK(std::count(he_translations.begin(), he_translations.end(), "en/account/reset-password") ==
        1);
  CHECK(std::count(he_translations.begin(), he_translations.end(), "he/account/reset-password") ==
        0);
  const json refund = env.Get("/api/v1/articles/en/billing/refund-policy").json;
  CHECK(Strings(refund["translations"]) == std::vector<std::string>{"he/billing/refund-policy"});
}

TEST_CASE("an agent sees the translations of an internal article") {
  Env env;
  env.StartServer();
  const json agent = env.AsAgent("/api/v1/articles/en/support-ops/escalation-runbook").json;
  CHECK(Strings(agent["translations"]) ==
        std::vector<std::string>{"he/support-ops/escalation-runbook"});
}

TEST_CASE("category defaults to the parent folder's name") {
  Env env;
  env.StartServer();
  const auto article = env.GetJson("/api/v1/articles/en/account/two-step-verification");
  CHECK(article["category"] == "account");
}

TEST_CASE("raw HTML in the Markdown never reaches the article html") {
  Env env;
  env.StartServer();
  const auto article = env.GetJson("/api/v1/articles/en/troubleshooting/app-crash");
  const std::string html = article.value("html", std::string());
  CHECK(html.find("frobnicator") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("alert(") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt; 3.2 &amp; older") != std::string::npos);  // text is escaped, not dropped
}

TEST_CASE("Hebrew, Greek and Persian articles come back intact") {
  struct Case {
    const char* id;
    const char* title;
    const char* lang;
  };
  const Case cases[] = {
      {"he/account/reset-password", "איך מאפסים את הסיסמה?", "he"},
      {"el/account/reset-password", "Πώς επαναφέρω τον κωδικό πρόσβασης;", "el"},
      {"fa/account/reset-password", "چگونه رمز عبور را بازنشانی کنم؟", "fa"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("c.id = ", std::string(c.id));
    const auto article = env.GetJson("/api/v1/articles/" + EncodePath(c.id));
    CHECK(article["id"] == c.id);
    CHECK(article["title"] == c.title);
    CHECK(article["lang"] == c.lang);
  }
}

TEST_CASE("an unknown article id is a JSON 404") {
  Env env;
  env.StartServer();
  for (const char* path : {"/api/v1/articles/en/account/no-such-article", "/api/v1/articles/en",
                           "/api/v1/articles/en/account/reset-password.md",
                           "/api/v1/articles/en/account/../account/reset-password-x"}) {
    INFO("path = ", std::string(path));
    CheckError(env.Get(path), 404, "not_found");
    CheckError(env.AsAgent(path), 404, "not_found");
  }
}

TEST_SUITE_END();
