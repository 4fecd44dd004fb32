// The Zendesk-compatible search: parameters, locale mapping, snippets, ids, paging URLs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "http/zendesk_json.h"
#include "http/zendesk_params.h"

using kb::http::ParseZendeskSearchParams;
using Params = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("ZendeskSnippet turns kb's <mark> into <em> and keeps escaped text escaped") {
  struct Case {
    const char* kb;
    const char* zendesk;
  } cases[] = {
      {"", ""},
      {"no highlight", "no highlight"},
      {"… <mark>reset</mark> your <mark>password</mark> …",
       "… <em>reset</em> your <em>password</em> …"},
      {"&lt;mark&gt;literal&lt;/mark&gt; <mark>x</mark>",
       "&lt;mark&gt;literal&lt;/mark&gt; <em>x</em>"},
      {"Versions &lt; 3.2 &amp; <mark>older</mark>", "Versions &lt; 3.2 &amp; <em>older</em>"},
      {"<mark>לאפס</mark> את <mark>הסיסמה</mark>", "<em>לאפס</em> את <em>הסיסמה</em>"},
      {"<mark", "<mark"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.kb);
    CHECK(kb::http::ZendeskSnippet(c.kb) == c.zendesk);
  }
}

TEST_CASE("ZendeskArticleId is stable, distinct per id and below 2^48") {
  const int64_t a = kb::http::ZendeskArticleId("en/account/reset-password");
  CHECK(a == kb::http::ZendeskArticleId("en/account/reset-password"));
  CHECK(a != kb::http::ZendeskArticleId("he/account/reset-password"));
  for (const char* id : {"a", "en/x", "fa/account/reset-password", "el/account/reset-password"}) {
    const int64_t n = kb::http::ZendeskArticleId(id);
    CHECK(n > 0);
    CHECK(n < (int64_t{1} << 48));
  }
  // The first 6 bytes of SHA-256("abc") = ba7816bf8f01...
  CHECK(kb::http::ZendeskArticleId("abc") == 0xba7816bf8f01LL);
}

TEST_CASE("SplitLabelNames trims, drops empty entries and duplicates") {
  using V = std::vector<std::string>;
  CHECK(kb::http::SplitLabelNames("") == V{});
  CHECK(kb::http::SplitLabelNames("login") == V{"login"});
  CHECK(kb::http::SplitLabelNames("login, password ,,login") == V{"login", "password"});
  CHECK(kb::http::SplitLabelNames(" , ") == V{});
  CHECK(kb::http::SplitLabelNames("סיסמה,σύνδεση") == V{"סיסמה", "σύνδεση"});
}

TEST_CASE("ParseZendeskSearchParams fills defaults and maps the locale") {
  // Locales are checked by the one language-tag check (http_params_test.cpp).
  CHECK(ParseZendeskSearchParams({{"query", "x"}, {"locale", "EN"}})->lang == "en");
  CHECK(ParseZendeskSearchParams({{"query", "x"}, {"locale", "zh-Hant-TW"}})->lang == "zh");
  auto p = ParseZendeskSearchParams({{"query", "reset password"}, {"locale", "en-US"}});
  REQUIRE(p.ok());
  CHECK(p->query == "reset password");
  CHECK(p->lang == "en");
  CHECK(p->locale == "en-us");
  CHECK(p->page == 1);
  CHECK(p->per_page == 25);
  CHECK(p->category.empty());
  CHECK(p->label_names.empty());
}

TEST_CASE("ParseZendeskSearchParams reads paging, category and labels, and ignores the rest") {
  auto p = ParseZendeskSearchParams({{"query", "x"},
                                     {"page", "3"},
                                     {"per_page", "100"},
                                     {"category", "billing"},
                                     {"label_names", "a,b"},
                                     {"section", "123"},
                                     {"sort_by", "updated_at"},
                                     {"_", "1700000000"},
                                     {"brand_id", "9"}});
  REQUIRE(p.ok());
  CHECK(p->page == 3);
  CHECK(p->per_page == 100);
  CHECK(p->category == "billing");
  CHECK(p->label_names == std::vector<std::string>{"a", "b"});
  CHECK(p->lang == "auto");
  CHECK(p->locale.empty());
}

TEST_CASE("ParseZendeskSearchParams rejects invalid values") {
  struct Case {
    Params params;
    kb::StatusCode code;
  } cases[] = {
      {{}, kb::StatusCode::kInvalidArgument},
      {{{"query", "  "}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"page", "0"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"page", "-1"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"page", "two"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"per_page", "0"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"per_page", "101"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"per_page", "99999999999"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"per_page", ""}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"locale", "english"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"query", "y"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "\xff\xfe"}}, kb::StatusCode::kInvalidArgument},
      {{{"query", "x"}, {"label_names", "1,2,3,4,5,6,7,8,9,10,11"}},
       kb::StatusCode::kInvalidArgument},
      {{{"query", std::string(1025, 'a')}}, kb::StatusCode::kTooLarge},
      {{{"query", "x"}, {"category", std::string(201, 'a')}}, kb::StatusCode::kTooLarge},
  };
  for (const Case& c : cases) {
    CAPTURE(nlohmann::json(c.params).dump().substr(0, 120));
    auto p = ParseZendeskSearchParams(c.params);
    REQUIRE_FALSE(p.ok());
    CHECK(p.status().code() == c.code);
  }
  // Not errors: a huge page (past the end) and the boundary values.
  CHECK(ParseZendeskSearchParams({{"query", "x"}, {"page", "123456789012345"}}).ok());
  CHECK(ParseZendeskSearchParams({{"query", "x"}, {"per_page", "1"}}).ok());
  CHECK(ParseZendeskSearchParams({{"query", std::string(1024, 'a')}}).ok());
}

TEST_CASE("ParseZendeskSearchParams errors name the parameter, the first problem first") {
  struct Case {
    Params params;
    const char* message;
  } cases[] = {
      {{}, "query is required"},
      {{{"query", " \t "}}, "query is required"},
      {{{"query", std::string(1025, ' ')}}, "query is longer than 1024 bytes"},
      {{{"query", std::string(1025, 'a')}, {"category", std::string(201, 'a')}},
       "query is longer than 1024 bytes"},
      {{{"query", std::string(1025, 'a')}, {"category", "\xff"}}, "category is not valid UTF-8"},
      {{{"query", "x"}, {"category", std::string(201, 'a')}}, "category is longer than 200 bytes"},
      {{{"query", "x"}, {"category", std::string(201, 'a')}, {"locale", "english"}},
       "locale must be 'auto' or a language tag such as 'he', 'en-US' or 'pt-BR'"},
      {{{"query", "x"}, {"label_names", "a," + std::string(201, 'b')}},
       "a label is longer than 200 bytes"},
      {{{"query", "\xff"}}, "query is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    CAPTURE(nlohmann::json(c.params)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                .substr(0, 120));
    auto p = ParseZendeskSearchParams(c.params);
    REQUIRE_FALSE(p.ok());
    CHECK(p.status().message() == c.message);
  }
  // 200 bytes is still fine for a category and a label.
  CHECK(ParseZendeskSearchParams({{"query", "x"},
                                  {"category", std::string(200, 'a')},
                                  {"label_names", std::string(200, 'b')}})
            .ok());
}

TEST_CASE("ZendeskPageCount counts pages of the first 1000 results") {
  CHECK(kb::http::ZendeskPageCount(0, 25) == 0);
  CHECK(kb::http::ZendeskPageCount(1, 25) == 1);
  CHECK(kb::http::ZendeskPageCount(25, 25) == 1);
  CHECK(kb::http::ZendeskPageCount(26, 25) == 2);
  CHECK(kb::http::ZendeskPageCount(5000, 100) == 10);
  CHECK(kb::http::ZendeskPageCount(5000, 3) == 334);
}

TEST_CASE("ZendeskSearchJson links next and previous pages with the request's parameters") {
  kb::http::ZendeskSearchPage page;
  page.count = 7;
  page.page = 2;
  page.per_page = 3;
  page.origin = "http://kb.example:8080";
  page.path = "/api/v2/help_center/articles/search";
  page.params = {{"locale", "he"}, {"query", "איפוס סיסמה"}};
  const auto body = nlohmann::json::parse(kb::http::ZendeskSearchJson(page));
  CHECK(body["count"] == 7);
  CHECK(body["page"] == 2);
  CHECK(body["per_page"] == 3);
  CHECK(body["page_count"] == 3);
  CHECK(body["results"].empty());
  const std::string base =
      "http://kb.example:8080/api/v2/help_center/articles/"
      "search?locale=he&query=%D7%90%D7%99%D7%A4%D7%95%D7%A1%20%D7%A1%D7%99%D7%A1%D7%9E%D7%94&"
      "page=";
  CHECK(body["next_page"] == base + "3");
  CHECK(body["previous_page"] == base + "1");
  page.page = 3;
  CHECK(nlohmann::json::parse(kb::http::ZendeskSearchJson(page))["next_page"].is_null());
  page.page = 1;
  CHECK(nlohmann::json::parse(kb::http::ZendeskSearchJson(page))["previous_page"].is_null());
}

TEST_CASE("ZendeskSearchJson maps a hit and its article onto Zendesk's fields") {
  kb::http::ZendeskSearchPage page;
  page.count = 1;
  page.locale = "en-us";
  page.path = "/api/v2/help_center/articles/search";
  kb::http::ZendeskResult r;
  r.hit = {"en/account/reset-password",     "How do I reset my password?", "en", "account",
           "/kb/en/account/reset-password", "<mark>reset</mark> it",       0.9};
  r.article.tags = {"login", "password"};
  r.article.html = "<p>Forgot?</p>";
  r.article.audience = "public";
  r.article.updated = 1795413600;  // 2026-11-23T06:00:00Z
  r.has_article = true;
  page.results.push_back(r);
  const auto body = nlohmann::json::parse(kb::http::ZendeskSearchJson(page));
  REQUIRE(body["results"].size() == 1);
  const auto& a = body["results"][0];
  CHECK(a["id"] == kb::http::ZendeskArticleId("en/account/reset-password"));
  CHECK(a["kb_id"] == "en/account/reset-password");
  CHECK(a["html_url"] == "/kb/en/account/reset-password");
  CHECK(a["url"] == "/api/v1/articles/en/account/reset-password");
  CHECK(a["title"] == "How do I reset my password?");
  CHECK(a["name"] == a["title"]);
  CHECK(a["snippet"] == "<em>reset</em> it");
  CHECK(a["body"] == "<p>Forgot?</p>");
  CHECK(a["locale"] == "en-us");
  CHECK(a["label_names"] == nlohmann::json({"login", "password"}));
  CHECK(a["result_type"] == "article");
  CHECK(a["updated_at"] == "2026-11-23T06:00:00Z");
  CHECK(a["created_at"] == a["updated_at"]);
  // A hit in another language keeps its own lang as locale.
  page.results[0].hit.lang = "he";
  CHECK(nlohmann::json::parse(kb::http::ZendeskSearchJson(page))["results"][0]["locale"] == "he");
}
