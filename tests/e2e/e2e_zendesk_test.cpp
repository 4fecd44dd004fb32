// End-to-end: the Zendesk Help Center compatible search
// (GET /api/v2/help_center/articles/search) and the served OpenAPI document.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Env;
using kb_e2e::Params;
using nlohmann::json;

namespace {

const char kPath[] = "/api/v2/help_center/articles/search";

std::string ZdPath(const Params& params, const std::string& path = kPath) {
  return kb_e2e::WithParams(path, params);
}

json ZdGet(const Env& env, const std::string& path, const std::string& bearer = "") {
  const auto reply = env.Get(path, bearer);
  INFO(path, " -> ", reply.Describe());
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type.find("application/json") != std::string::npos);
  REQUIRE(reply.json.is_object());
  REQUIRE(reply.json["results"].is_array());
  return reply.json;
}

json ZdSearch(const Env& env, const Params& params, const std::string& bearer = "") {
  return ZdGet(env, ZdPath(params), bearer);
}

std::vector<std::string> KbIds(const json& response) {
  std::vector<std::string> ids;
  for (const json& r : response["results"]) ids.push_back(r.value("kb_id", std::string()));
  return ids;
}

// An env whose index has three articles matching "quillofant", for paging.
void AddPagedArticles(Env& env) {
  for (int i = 0; i < 3; ++i) {
    kb_e2e::WriteTextFile(
        env.articles() + "/en/bulk/paged-" + std::to_string(i) + ".md",
        "---\ntitle: Paged item " + std::to_string(i) + "\nlang: en\n---\nThe quillofant item.\n");
  }
  const auto index = env.Index();
  INFO(index.Describe());
  REQUIRE(index.exit_code == 0);
}

// "/api/...?..." as the server wrote it: without --public-url, URLs are relative.
std::string PathOf(const std::string& url) {
  REQUIRE(url.rfind("/", 0) == 0);
  return url;
}

}  // namespace

TEST_SUITE_BEGIN("zendesk");

TEST_CASE("zendesk search answers in Zendesk's shape") {
  Env env;
  env.StartServer();
  const json r = ZdSearch(env, {{"query", "password"}, {"locale", "en"}});
  CHECK(r["count"].is_number_integer());
  CHECK(r["count"] == r["results"].size());
  CHECK(r["page"] == 1);
  CHECK(r["per_page"] == 25);
  CHECK(r["page_count"] == 1);
  CHECK(r["next_page"].is_null());
  CHECK(r["previous_page"].is_null());
  REQUIRE_FALSE(r["results"].empty());
  const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  const std::string origin = "";  // relative: no --public-url was given
  for (const json& a : r["results"]) {
    INFO(a.dump());
    REQUIRE(a["id"].is_number_integer());
    CHECK(a["id"].get<int64_t>() > 0);
    CHECK(a["id"].get<int64_t>() < (int64_t{1} << 48));
    const std::string kb_id = a["kb_id"];
    CHECK(a["html_url"] == origin + "/kb/" + kb_id);
    CHECK(a["url"] == origin + "/api/v1/articles/" + kb_id);
    CHECK(a["title"].is_string());
    CHECK(a["name"] == a["title"]);
    CHECK(a["body"].is_string());
    CHECK(a["snippet"].is_string());
    CHECK(a["result_type"] == "article");
    CHECK(a["locale"] == "en");
    CHECK(a["label_names"].is_array());
    CHECK(std::regex_match(a["created_at"].get<std::string>(), rfc3339));
    CHECK(std::regex_match(a["updated_at"].get<std::string>(), rfc3339));
  }
  const json& first = r["results"][0];
  CHECK(first["kb_id"] == "en/account/reset-password");
  CHECK(first["label_names"] == json({"login", "password"}));
  // The numeric id is stable: the same article has it in another search.
  const json again = ZdSearch(env, {{"query", "forgot password"}, {"locale", "en"}});
  REQUIRE_FALSE(again["results"].empty());
  CHECK(again["results"][0]["kb_id"] == "en/account/reset-password");
  CHECK(again["results"][0]["id"] == first["id"]);
}

TEST_CASE("zendesk search pages with page, per_page, page_count and next_page") {
  Env env;
  for (int i = 0; i < 7; ++i) {
    kb_e2e::WriteTextFile(env.articles() + "/en/bulk/item-" + std::to_string(i) + ".md",
                          "---\ntitle: Bulk item " + std::to_string(i) +
                              "\nlang: en\n---\nThe quillofant item number " + std::to_string(i) +
                              ".\n");
  }
  const auto index = env.Index();
  INFO(index.Describe());
  REQUIRE(index.exit_code == 0);
  env.StartServer();
  std::set<std::string> seen;
  json page = ZdSearch(env, {{"query", "quillofant"}, {"per_page", "3"}});
  for (int n = 1; n <= 3; ++n) {
    CAPTURE(n);
    CHECK(page["count"] == 7);
    CHECK(page["page"] == n);
    CHECK(page["per_page"] == 3);
    CHECK(page["page_count"] == 3);
    CHECK(page["results"].size() == (n < 3 ? 3u : 1u));
    for (const auto& id : KbIds(page)) CHECK(seen.insert(id).second);
    if (n == 1) CHECK(page["previous_page"].is_null());
    if (n > 1)
      CHECK(PathOf(page["previous_page"]).find("page=" + std::to_string(n - 1)) !=
            std::string::npos);
    if (n == 3) {
      CHECK(page["next_page"].is_null());
      break;
    }
    REQUIRE(page["next_page"].is_string());
    const std::string next = PathOf(page["next_page"]);
    CHECK(next.find("query=quillofant") != std::string::npos);
    CHECK(next.find("per_page=3") != std::string::npos);
    page = ZdGet(env, next);
  }
  CHECK(seen.size() == 7);
  const json past = ZdSearch(env, {{"query", "quillofant"}, {"per_page", "3"}, {"page", "4"}});
  CHECK(past["results"].empty());
  CHECK(past["count"] == 7);
  CHECK(past["next_page"].is_null());
}

TEST_CASE("zendesk URLs come from --public-url, never from the request's Host header") {
  Env env;
  AddPagedArticles(env);
  env.StartServer({"--public-url", "https://help.example.com/support/"});
  const Params params = {{"query", "quillofant"}, {"locale", "en"}, {"per_page", "1"}};
  const auto reply = [&](const std::string& host) {
    httplib::Client client("127.0.0.1", env.server().port());
    httplib::Headers headers = {{"X-Forwarded-Host", "evil.example"},
                                {"X-Forwarded-Proto", "http"}};
    if (!host.empty()) headers.emplace("Host", host);
    return kb_e2e::ToHttpReply(client.Get(ZdPath(params), headers));
  };
  for (const std::string host : {"", "evil.example", "evil.example:80"}) {
    CAPTURE(host);
    const auto r = reply(host);
    INFO(r.Describe());
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.json["results"].empty());
    const json& a = r.json["results"][0];
    CHECK(a["html_url"] == "https://help.example.com/support/kb/" + a["kb_id"].get<std::string>());
    CHECK(a["url"] ==
          "https://help.example.com/support/api/v1/articles/" + a["kb_id"].get<std::string>());
    REQUIRE(r.json["next_page"].is_string());
    CHECK(r.json["next_page"].get<std::string>().rfind("https://help.example.com/support/api/v2/",
                                                       0) == 0);
    CHECK(r.body.find("evil") == std::string::npos);
  }
}

TEST_CASE("without --public-url zendesk URLs are relative, whatever the Host header says") {
  Env env;
  AddPagedArticles(env);
  env.StartServer();
  httplib::Client client("127.0.0.1", env.server().port());
  const auto r = kb_e2e::ToHttpReply(
      client.Get(ZdPath({{"query", "quillofant"}, {"per_page", "1"}}), {{"Host", "evil.example"}}));
  INFO(r.Describe());
  REQUIRE(r.status == 200);
  REQUIRE_FALSE(r.json["results"].empty());
  CHECK(r.json["results"][0]["html_url"].get<std::string>().rfind("/kb/", 0) == 0);
  CHECK(r.json["next_page"].get<std::string>().rfind("/api/v2/help_center/", 0) == 0);
  CHECK(r.body.find("evil") == std::string::npos);
}

TEST_CASE("kb serve refuses a --public-url that is not an absolute http(s) URL") {
  kb_e2e::TempDir tmp;
  const auto index =
      kb_e2e::RunKb({"index", kb_e2e::TestDataDir() + "/e2e-articles", "--db", tmp.Sub("db")});
  REQUIRE(index.exit_code == 0);
  for (const std::string url :
       {"help.example.com", "ftp://help.example.com", "https://", "https://h/?q=1"}) {
    CAPTURE(url);
    const auto r =
        kb_e2e::RunKb({"serve", "--db", tmp.Sub("db"), "--port", "0", "--public-url", url},
                      std::chrono::seconds(20));
    INFO(r.Describe());
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("--public-url must be an absolute http:// or https:// URL") !=
          std::string::npos);
  }
}

TEST_CASE("zendesk snippets use <em> around matches and escape the text") {
  Env env;
  env.StartServer();
  const json r = ZdSearch(env, {{"query", "frobnicator"}, {"locale", "en"}});
  REQUIRE_FALSE(r["results"].empty());
  bool some_em = false;
  for (const json& a : r["results"]) {
    std::string snippet = a["snippet"];
    INFO(snippet);
    some_em = some_em || snippet.find("<em>frobnicator</em>") != std::string::npos;
    CHECK(snippet.find("<mark>") == std::string::npos);
    for (const std::string tag : {"<em>", "</em>"}) {
      for (size_t at; (at = snippet.find(tag)) != std::string::npos;) snippet.erase(at, tag.size());
    }
    CHECK(snippet.find('<') == std::string::npos);
    CHECK(snippet.find('>') == std::string::npos);
    CHECK(snippet.find("script") == std::string::npos);
  }
  CHECK(some_em);
}

TEST_CASE("zendesk locales map to kb's languages (he, el, en-us, absent)") {
  Env env;
  env.StartServer();
  struct Case {
    const char* locale;
    const char* query;
    const char* first;
    const char* result_locale;
  } cases[] = {
      {"he", "סיסמה", "he/account/reset-password", "he"},
      {"el", "κωδικό", "el/account/reset-password", "el"},
      {"fa", "رمز عبور", "fa/account/reset-password", "fa"},
      {"en-us", "password", "en/account/reset-password", "en-us"},
      {"en-US", "password", "en/account/reset-password", "en-us"},
      {"", "סיסמה", "he/account/reset-password", "he"},  // detected from the script
      {"*", "κωδικό", "el/account/reset-password", "el"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.locale));
    Params params = {{"query", c.query}};
    if (*c.locale) params.emplace_back("locale", c.locale);
    const json r = ZdSearch(env, params);
    REQUIRE_FALSE(r["results"].empty());
    CHECK(r["results"][0]["kb_id"] == c.first);
    for (const json& a : r["results"]) CHECK(a["locale"] == c.result_locale);
  }
}

TEST_CASE("zendesk label_names keeps articles with any of the labels") {
  Env env;
  env.StartServer();
  using V = std::vector<std::string>;
  auto ids = [&env](const char* labels) {
    auto v =
        KbIds(ZdSearch(env, {{"query", "sign-in"}, {"locale", "en"}, {"label_names", labels}}));
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(ids("login") == V{"en/account/reset-password", "en/account/two-step-verification"});
  CHECK(ids("security") == V{"en/account/two-step-verification"});
  CHECK(ids("security, password") ==
        V{"en/account/reset-password", "en/account/two-step-verification"});
  CHECK(ids("login,security") ==
        V{"en/account/reset-password", "en/account/two-step-verification"});
  CHECK(ids("nosuchlabel").empty());
  const json both =
      ZdSearch(env, {{"query", "sign-in"}, {"locale", "en"}, {"label_names", "login,security"}});
  CHECK(both["count"] == 2);
}

TEST_CASE("zendesk category filter uses kb's category names") {
  Env env;
  env.StartServer();
  const json billing =
      ZdSearch(env, {{"query", "refund"}, {"locale", "en"}, {"category", "billing"}});
  CHECK(KbIds(billing) == std::vector<std::string>{"en/billing/refund-policy"});
  CHECK(billing["results"][0]["category"] == "billing");
  CHECK(ZdSearch(env, {{"query", "refund"}, {"locale", "en"}, {"category", "account"}})["count"] ==
        0);
}

TEST_CASE("zendesk search: a customer never sees internal articles, an agent does") {
  Env env;
  env.StartServer();
  const char internal[] = "en/support-ops/escalation-runbook";
  const Params password = {{"query", "password"}, {"locale", "en"}, {"per_page", "100"}};
  const json customer = ZdSearch(env, password);
  const json agent = ZdSearch(env, password, env.token());
  CHECK_FALSE(kb_e2e::Contains(KbIds(customer), internal));
  CHECK(kb_e2e::Contains(KbIds(agent), internal));
  CHECK(customer["count"] == customer["results"].size());
  CHECK(customer["count"].get<int>() == agent["count"].get<int>() - 1);
  for (const json& a : customer["results"])
    CHECK(a["snippet"].get<std::string>().find("orblax") == std::string::npos);
  for (const json& a : agent["results"]) {
    if (a["kb_id"] == internal) CHECK(a["audience"] == "internal");
  }
  for (const char* q : {"zorblax", "זורבלקס"}) {
    CAPTURE(std::string(q));
    const json none = ZdSearch(env, {{"query", q}});
    CHECK(none["count"] == 0);
    CHECK(none["results"].empty());
    CHECK(none["page_count"] == 0);
    CHECK(ZdSearch(env, {{"query", q}}, env.token())["count"].get<int>() >= 1);
  }
  // Labels of internal articles do not leak either ("escalation" is only on the runbook).
  CHECK(ZdSearch(env, {{"query", "password"}, {"label_names", "escalation"}})["count"] == 0);
  CHECK(ZdSearch(env, {{"query", "password"}, {"label_names", "escalation"}},
                 env.token())["count"] == 1);
}

TEST_CASE("zendesk search: invalid parameters are 400, a bad token 401, a long query 413") {
  Env env;
  env.StartServer();
  for (const Params& params : std::vector<Params>{
           {},
           {{"query", " "}},
           {{"query", "password"}, {"page", "0"}},
           {{"query", "password"}, {"page", "first"}},
           {{"query", "password"}, {"per_page", "0"}},
           {{"query", "password"}, {"per_page", "101"}},
           {{"query", "password"}, {"per_page", "-5"}},
           {{"query", "password"}, {"locale", "english"}},
           {{"query", "password"}, {"query", "refund"}},
       }) {
    CAPTURE(ZdPath(params));
    CheckError(env.Get(ZdPath(params)), 400, "bad_request");
  }
  CheckError(env.Get(ZdPath({{"query", "password"}}), "not-a-token"), 401, "unauthorized");
  CheckError(env.Get(ZdPath({{"query", std::string(1025, 'a')}})), 413, "too_large");
  // Zendesk parameters kb does not implement, and unknown ones, are ignored.
  const json ignored = ZdSearch(env, {{"query", "password"},
                                      {"locale", "en"},
                                      {"section", "360001"},
                                      {"sort_by", "updated_at"},
                                      {"sort_order", "desc"},
                                      {"_", "1700000000"}});
  CHECK(ignored["count"] == ZdSearch(env, {{"query", "password"}, {"locale", "en"}})["count"]);
}

TEST_CASE("zendesk search also answers at search.json") {
  Env env;
  env.StartServer();
  const json r =
      ZdGet(env, ZdPath({{"query", "password"}, {"locale", "en"}}, std::string(kPath) + ".json"));
  REQUIRE_FALSE(r["results"].empty());
  CHECK(r["results"][0]["kb_id"] == "en/account/reset-password");
}

TEST_CASE("the OpenAPI document is served at /api/v1/openapi.json") {
  Env env;
  env.StartServer();
  const auto reply = env.Get("/api/v1/openapi.json");
  INFO(reply.Describe().substr(0, 300));
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type.find("application/json") != std::string::npos);
  REQUIRE(reply.json.is_object());
  CHECK(reply.json["openapi"].get<std::string>().rfind("3.0.", 0) == 0);
  for (const char* path :
       {"/api/v1/search", "/api/v1/articles/{id}", "/healthz", "/api/v1/openapi.json",
        "/api/v2/help_center/articles/search", "/api/v2/help_center/articles/search.json"}) {
    CAPTURE(std::string(path));
    CHECK(reply.json["paths"].contains(path));
  }
  CHECK(reply.json["components"]["securitySchemes"]["agentToken"]["scheme"] == "bearer");
}

TEST_SUITE_END();
