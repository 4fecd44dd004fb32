// End-to-end: the search API (CONTRACT.md §3) against a real `kb serve`.
#include <doctest/doctest.h>
#include <httplib.h>

#include <string>
#include <thread>

#include "e2e_env.h"

using kb_e2e::Contains;
using kb_e2e::Env;
using kb_e2e::HitIds;
using nlohmann::json;

TEST_SUITE_BEGIN("search");

TEST_CASE("healthz answers 200 on a running server") {
  Env env;
  env.StartServer();
  CHECK(env.Get("/healthz").status == 200);
}

TEST_CASE("search response has every contract field with the right type") {
  Env env;
  env.StartServer();
  const json r = env.Search({{"q", "reset password"}, {"lang", "en"}});
  CHECK(r.value("query", std::string()) == "reset password");
  CHECK(r.value("lang", std::string()) == "en");
  CHECK(r["total"].is_number_integer());
  CHECK(r["took_ms"].is_number());
  REQUIRE(r.contains("suggestion"));
  CHECK(r["suggestion"].is_null());
  REQUIRE_FALSE(r["hits"].empty());
  for (const json& hit : r["hits"]) {
    INFO(hit.dump());
    CHECK(hit["id"].is_string());
    CHECK(hit["title"].is_string());
    CHECK(hit["lang"].is_string());
    CHECK(hit["category"].is_string());
    CHECK(hit.value("url", std::string()) == "/kb/" + hit.value("id", std::string()));
    CHECK(hit["snippet"].is_string());
    CHECK(hit["score"].is_number());
  }
  const json& first = r["hits"][0];
  CHECK(first["id"] == "en/account/reset-password");
  CHECK(first["title"] == "How do I reset my password?");
  CHECK(first["lang"] == "en");
  CHECK(first["category"] == "account");
  CHECK(r["total"].get<int>() >= static_cast<int>(r["hits"].size()));
}

TEST_CASE("hits are ranked best first") {
  Env env;
  env.StartServer();
  const json r = env.Search({{"q", "password"}}, env.token());
  REQUIRE(r["hits"].size() >= 2);
  for (size_t i = 1; i < r["hits"].size(); ++i) {
    CHECK(r["hits"][i - 1]["score"].get<double>() >= r["hits"][i]["score"].get<double>());
  }
}

TEST_CASE("a distinctive exact word finds its article first, in every language") {
  struct Case {
    const char* q;
    const char* lang;
    const char* id;
  };
  const Case cases[] = {
      {"frobnicator", "en", "en/troubleshooting/app-crash"},
      {"סיסמה", "he", "he/account/reset-password"},
      {"החזר", "he", "he/billing/refund-policy"},
      {"κωδικό", "el", "el/account/reset-password"},
      {"رمز", "fa", "fa/account/reset-password"},
      {"بازنشانی", "fa", "fa/account/reset-password"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("c.q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}, {"lang", c.lang}});
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["id"] == c.id);
  }
}

TEST_CASE("English stemming matches singular and plural") {
  Env env;
  env.StartServer();
  // The fixtures never say "passwords" or "receipt": only the stems can match.
  CHECK(Contains(HitIds(env.Search({{"q", "passwords"}, {"lang", "en"}})),
                 "en/account/reset-password"));
  CHECK(Contains(HitIds(env.Search({{"q", "receipt"}, {"lang", "en"}})), "en/billing/invoices"));
}

TEST_CASE("the query language is detected from its script when lang is absent or auto") {
  struct Case {
    const char* q;
    const char* lang;
  };
  const Case cases[] = {{"סיסמה", "he"}, {"κωδικό", "el"}, {"رمز عبور", "fa"}, {"refund", "en"}};
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("c.q = ", std::string(c.q));
    CHECK(env.Search({{"q", c.q}})["lang"] == c.lang);
    CHECK(env.Search({{"q", c.q}, {"lang", "auto"}})["lang"] == c.lang);
  }
}

TEST_CASE("Greek typed in Latin letters finds the Greek article, with lang=el or detected") {
  Env env;
  env.StartServer();
  for (const char* lang : {"el", "auto", ""}) {
    INFO("lang = ", std::string(lang));
    const json r = env.Search({{"q", "kwdikos prosvasis"}, {"lang", lang}});
    INFO(r.dump());
    CHECK(r["lang"] == "el");
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["id"] == "el/account/reset-password");
    CHECK(r["hits"][0]["snippet"].get<std::string>().find("<mark>κωδικό</mark>") !=
          std::string::npos);
    CHECK(r["suggestion"].is_null());
  }
  // Latin words that read as English stay English.
  CHECK(env.Search({{"q", "reset password"}})["lang"] == "en");
}

TEST_CASE("Chinese, Japanese and Thai words inside sentences are found, detected and marked") {
  Env env;
  kb_e2e::WriteTextFile(
      env.articles() + "/zh/account/reset.md",
      "---\ntitle: 重置密码\nlang: zh\n---\n如果您忘记了密码，请在登录页面点击“忘记密码”。\n");
  kb_e2e::WriteTextFile(env.articles() + "/ja/account/reset.md",
                        "---\ntitle: パスワードの再設定\nlang: "
                        "ja\n---\nパスワードを忘れた場合は、リンクをクリックしてください。\n");
  kb_e2e::WriteTextFile(env.articles() + "/th/account/reset.md",
                        "---\ntitle: รีเซ็ตรหัสผ่าน\nlang: th\n---\nหากคุณลืมรหัสผ่าน ให้คลิกที่ลิงก์\n");
  const auto index = env.Index();
  INFO(index.Describe());
  REQUIRE(index.exit_code == 0);
  env.StartServer();
  struct Case {
    const char* q;
    const char* lang;
    const char* id;
    const char* mark;
  };
  const Case cases[] = {
      {"密码", "zh", "zh/account/reset", "忘记了<mark>密码</mark>"},
      {"忘记密码", "zh", "zh/account/reset", "<mark>忘记密码</mark>"},
      {"パスワード", "ja", "ja/account/reset", "<mark>パスワード</mark>を"},
      {"รหัสผ่าน", "th", "th/account/reset", "ลืม<mark>รหัสผ่าน</mark>"},
  };
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}});
    INFO(r.dump());
    CHECK(r["lang"] == c.lang);
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["id"] == c.id);
    CHECK(r["hits"][0]["snippet"].get<std::string>().find(c.mark) != std::string::npos);
    CHECK(r["suggestion"].is_null());
  }
  // Autocomplete finds a title from its first characters.
  for (const char* q : {"重置密", "重", "パスワ"}) {
    INFO("suggest q = ", std::string(q));
    const json r = env.GetJson(kb_e2e::WithParams("/api/v1/suggest", {{"q", q}}));
    INFO(r.dump());
    REQUIRE_FALSE(r["suggestions"].empty());
    CHECK(r["suggestions"][0]["id"].get<std::string>().find("/account/reset") != std::string::npos);
  }
}

TEST_CASE("snippets are escaped text with only <mark> tags added") {
  Env env;
  env.StartServer();
  const json r = env.Search({{"q", "frobnicator cache"}, {"lang", "en"}});
  REQUIRE_FALSE(r["hits"].empty());
  bool some_mark = false;
  for (const json& hit : r["hits"]) {
    std::string snippet = hit.value("snippet", std::string());
    INFO(snippet);
    some_mark = some_mark || snippet.find("<mark>") != std::string::npos;
    for (const std::string tag : {"<mark>", "</mark>"}) {
      for (size_t at; (at = snippet.find(tag)) != std::string::npos;) snippet.erase(at, tag.size());
    }
    CHECK(snippet.find('<') == std::string::npos);
    CHECK(snippet.find('>') == std::string::npos);
    CHECK(snippet.find("script") == std::string::npos);  // raw HTML is not text of the article
  }
  CHECK(some_mark);
}

TEST_CASE("category and tag filters restrict the hits") {
  Env env;
  env.StartServer();
  // "app" is in en/account/two-step-verification (no category: its folder) and
  // en/troubleshooting/app-crash.
  const auto all = HitIds(env.Search({{"q", "app"}, {"lang", "en"}}));
  CHECK(Contains(all, "en/account/two-step-verification"));
  CHECK(Contains(all, "en/troubleshooting/app-crash"));
  CHECK(HitIds(env.Search({{"q", "app"}, {"lang", "en"}, {"category", "troubleshooting"}})) ==
        std::vector<std::string>{"en/troubleshooting/app-crash"});
  CHECK(HitIds(env.Search({{"q", "app"}, {"lang", "en"}, {"category", "account"}})) ==
        std::vector<std::string>{"en/account/two-step-verification"});
  CHECK(HitIds(env.Search({{"q", "app"}, {"lang", "en"}, {"tag", "security"}})) ==
        std::vector<std::string>{"en/account/two-step-verification"});
  CHECK(env.Search({{"q", "app"}, {"lang", "en"}, {"tag", "no-such-tag"}})["total"] == 0);
}

TEST_CASE("limit and offset page through the hits") {
  Env env;
  env.StartServer();
  const json full = env.Search({{"q", "password"}, {"limit", "50"}}, env.token());
  const auto ids = HitIds(full);
  REQUIRE(ids.size() >= 2);
  CHECK(full["total"] == ids.size());
  const json first = env.Search({{"q", "password"}, {"limit", "1"}}, env.token());
  CHECK(HitIds(first) == std::vector<std::string>{ids[0]});
  CHECK(first["total"] == full["total"]);
  const json second = env.Search({{"q", "password"}, {"limit", "1"}, {"offset", "1"}}, env.token());
  CHECK(HitIds(second) == std::vector<std::string>{ids[1]});
  const json past = env.Search({{"q", "password"}, {"offset", "1000"}}, env.token());
  CHECK(past["hits"].empty());
  CHECK(past["total"] == full["total"]);
}

TEST_CASE("a limit above the cap is clamped, not rejected") {
  Env env;
  env.StartServer();
  for (const char* limit : {"50", "100", "101", "100000", "99999999999999999999999"}) {
    INFO("limit = ", std::string(limit));
    const json r = env.Search({{"q", "password"}, {"limit", limit}});
    CHECK(r["hits"].size() <= 100);
    CHECK_FALSE(r["hits"].empty());
  }
}

TEST_CASE("the limit cap is between 50 and 100 when more articles match") {
  Env env;
  for (int i = 0; i < 120; ++i) {
    kb_e2e::WriteTextFile(env.articles() + "/en/bulk/item-" + std::to_string(i) + ".md",
                          "---\ntitle: Bulk item " + std::to_string(i) +
                              "\nlang: en\n---\nThe plimsoval item number " + std::to_string(i) +
                              ".\n");
  }
  const auto index = env.Index();
  INFO(index.Describe());
  REQUIRE(index.exit_code == 0);
  env.StartServer();
  const json capped = env.Search({{"q", "plimsoval"}, {"limit", "1000"}});
  CHECK(capped["total"] == 120);
  CHECK(capped["hits"].size() >= 50);
  CHECK(capped["hits"].size() <= 100);
  CHECK(env.Search({{"q", "plimsoval"}, {"limit", "50"}})["hits"].size() == 50);
  CHECK(env.Search({{"q", "plimsoval"}, {"limit", "50"}, {"offset", "100"}})["hits"].size() == 20);
}

TEST_CASE("a misspelled English word gets a suggestion") {
  struct Case {
    const char* q;
    const char* suggestion;
  };
  const Case cases[] = {
      {"pasword", "password"}, {"refnd", "refund"}, {"frobnicatr", "frobnicator"}};
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}, {"lang", "en"}});
    INFO(r.dump());
    CHECK(r["suggestion"] == std::string(c.suggestion));
  }
}

TEST_CASE("q missing or empty is 400 bad_request") {
  Env env;
  env.StartServer();
  kb_e2e::CheckError(env.Get("/api/v1/search"), 400, "bad_request");
  kb_e2e::CheckError(env.Get("/api/v1/search?q="), 400, "bad_request");
  kb_e2e::CheckError(env.Get("/api/v1/search?lang=en"), 400, "bad_request");
}

TEST_CASE("an unknown query parameter is 400 naming it") {
  Env env;
  env.StartServer();
  const auto reply = env.Get(kb_e2e::SearchPath({{"q", "password"}, {"colour", "blue"}}));
  kb_e2e::CheckError(reply, 400, "bad_request");
  CHECK(reply.json["error"].value("message", std::string()).find("colour") != std::string::npos);
}

TEST_CASE("an unknown parameter whose name is not UTF-8 is still a JSON 400") {
  // The error message echoes the name; it must be encoded, not make the reply a 500.
  Env env;
  env.StartServer();
  for (const char* path :
       {"/api/v1/search?q=x&%FF=1", "/api/v1/search?q=x&ab%C3=1", "/api/v1/faq?%FF"}) {
    INFO("path = ", std::string(path));
    const auto reply = env.Get(path);
    kb_e2e::CheckError(reply, 400, "bad_request");
    CHECK(reply.json["error"].value("message", std::string()).find("unknown parameter") !=
          std::string::npos);
  }
}

TEST_CASE("bad limit or offset values are 400") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit", "0"},   {"limit", "-1"},  {"limit", "abc"},  {"limit", "1.5"}, {"limit", ""},
      {"limit", "10x"}, {"offset", "-1"}, {"offset", "abc"}, {"offset", "1.5"}};
  Env env;
  env.StartServer();
  for (const auto& [key, value] : cases) {
    CAPTURE(key);
    CAPTURE(value);
    kb_e2e::CheckError(env.Get(kb_e2e::SearchPath({{"q", "password"}, {key, value}})), 400,
                       "bad_request");
  }
}

TEST_CASE("q over 1024 bytes is 413 too_large; 1024 bytes is fine") {
  Env env;
  env.StartServer();
  std::string at_limit;
  while (at_limit.size() < 1024) at_limit += "password ";
  at_limit.resize(1024);
  if (at_limit.back() == ' ') at_limit.back() = 'x';
  const auto ok = env.Get(kb_e2e::SearchPath({{"q", at_limit}}));
  INFO(ok.Describe());
  CHECK(ok.status == 200);
  kb_e2e::CheckError(env.Get(kb_e2e::SearchPath({{"q", at_limit + "x"}})), 413, "too_large");
  // 2-byte letters: 513 of them are 1026 bytes but only 513 characters.
  std::string hebrew;
  for (int i = 0; i < 513; ++i) hebrew += "א";
  kb_e2e::CheckError(env.Get(kb_e2e::SearchPath({{"q", hebrew}})), 413, "too_large");
}

TEST_CASE("text parameter errors name the parameter, the first problem first") {
  struct Case {
    std::string path;
    int status;
    const char* message;
  };
  const std::string long_q(1025, 'a'), long_filter(201, 'a');
  const Case cases[] = {
      {"/api/v1/search", 400, "q is required"},
      {kb_e2e::SearchPath({{"q", " \t "}}), 400, "q is required"},
      {kb_e2e::SearchPath({{"q", std::string(1025, ' ')}}), 413, "q is longer than 1024 bytes"},
      {"/api/v1/search?q=%FF", 400, "q is not valid UTF-8"},
      {kb_e2e::SearchPath({{"q", long_q}, {"category", long_filter}}), 413,
       "q is longer than 1024 bytes"},
      {kb_e2e::SearchPath({{"q", "x"}, {"category", long_filter}}), 413,
       "category is longer than 200 bytes"},
      {"/api/v1/search?q=x&category=%FF", 400, "category is not valid UTF-8"},
      {kb_e2e::SearchPath({{"q", "x"}, {"tag", long_filter}}), 413, "tag is longer than 200 bytes"},
      {"/api/v1/search?q=x&tag=%C3", 400, "tag is not valid UTF-8"},
      {kb_e2e::WithParams("/api/v1/faq", {{"category", long_filter}}), 413,
       "category is longer than 200 bytes"},
      {kb_e2e::WithParams("/api/v1/suggest", {{"q", std::string(201, 'a')}}), 413,
       "q is longer than 200 bytes"},
      {kb_e2e::WithParams("/api/v1/suggest", {{"q", "  "}}), 400, "q is required"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("path = ", c.path.substr(0, 120));
    const auto reply = env.Get(c.path);
    kb_e2e::CheckError(reply, c.status, c.status == 413 ? "too_large" : "bad_request");
    CHECK(reply.json["error"].value("message", std::string()) == c.message);
  }
  // 200 bytes is the limit, not over it.
  env.Search({{"q", "x"}, {"category", std::string(200, 'a')}, {"tag", std::string(200, 'a')}});
  env.GetJson(kb_e2e::WithParams("/api/v1/faq", {{"category", std::string(200, 'a')}}));
}

TEST_CASE("q with invalid UTF-8 is 400 bad_request") {
  Env env;
  env.StartServer();
  for (const char* q : {"%FF", "abc%C3", "%C3%28", "%ED%A0%80", "%C0%AF"}) {
    INFO("q = ", std::string(q));
    kb_e2e::CheckError(env.Get(std::string("/api/v1/search?q=") + q), 400, "bad_request");
  }
}

TEST_CASE("an unknown API path is a JSON 404") {
  Env env;
  env.StartServer();
  kb_e2e::CheckError(env.Get("/api/v1/no-such-endpoint"), 404, "not_found");
}

TEST_CASE("a Range header is ignored: answers stay whole JSON") {
  // httplib would cut the JSON to the range under a 200 (found by fuzz_http).
  Env env;
  env.StartServer();
  for (const char* range : {"bytes=0-1", "bytes=0-1,3-4", "bytes=-5"}) {
    for (const char* path : {"/api/v1/search?q=password", "/api/v1/articles/en/no-such-article"}) {
      INFO("Range: ", std::string(range), " ", std::string(path));
      const auto res = env.server().Client()->Get(path, {{"Range", range}});
      REQUIRE(res);
      CHECK((res->status == 200 || res->status == 404));
      CHECK_FALSE(res->has_header("Content-Range"));
      CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
      CHECK_FALSE(nlohmann::json::parse(res->body, nullptr, false).is_discarded());
    }
  }
}

TEST_CASE("what httplib refuses before routing is a JSON client error, not internal") {
  Env env;
  env.StartServer();
  // A Range header httplib cannot parse is refused before kb sees it.
  const auto range = env.server().Client()->Get("/healthz", {{"Range", "bytes=5-1"}});
  kb_e2e::CheckError(kb_e2e::ToHttpReply(range), 416, "bad_request");
  CHECK(range->body.find("Range") != std::string::npos);
  // A target over httplib's 8192 bytes (before q's own 1024-byte limit).
  const auto long_target = env.Get("/api/v1/search?q=" + std::string(9000, 'a'));
  kb_e2e::CheckError(long_target, 414, "too_large");
  CHECK(long_target.body.find("8192") != std::string::npos);
}

TEST_CASE("another method than GET on an endpoint is a JSON 405 naming GET") {
  Env env;
  env.StartServer();
  auto client = env.server().Client();
  for (const char* path :
       {"/api/v1/search?q=password", "/api/v1/articles/en/account/reset-password",
        "/api/v2/help_center/articles/search.json?query=x", "/healthz"}) {
    INFO("path = ", std::string(path));
    for (const auto& res : {client->Post(path, "{\"q\":\"password\"}", "application/json"),
                            client->Put(path, "x", "text/plain"), client->Delete(path)}) {
      const auto reply = kb_e2e::ToHttpReply(res);
      kb_e2e::CheckError(reply, 405, "bad_request");
      CHECK(res->get_header_value("Allow") == "GET, HEAD");
      CHECK(reply.json["error"].value("message", std::string()).find("use GET") !=
            std::string::npos);
    }
  }
  // A path that is no endpoint stays 404 whatever the method.
  kb_e2e::CheckError(kb_e2e::ToHttpReply(client->Post("/api/v1/nope", "x", "text/plain")), 404,
                     "not_found");
}

TEST_CASE("many concurrent searches all succeed") {
  Env env;
  env.StartServer();
  constexpr int kThreads = 8;
  std::vector<int> ok(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&env, &ok, t] {
      auto client = env.server().Client();
      const char* queries[] = {"password", "סיסמה", "κωδικό", "refund"};
      for (int i = 0; i < 20; ++i) {
        auto res = client->Get(kb_e2e::SearchPath({{"q", queries[(t + i) % 4]}}).c_str());
        if (res && res->status == 200) ++ok[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : ok) CHECK(n == 20);
}

TEST_SUITE_END();
