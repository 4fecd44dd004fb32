// End-to-end: the help-center features of issue 4 against a real `kb serve` —
// autocomplete, facets, spelling (and issue 3's real-word dictionary), related
// articles, FAQ, synonyms (with the built-in ones and the thesaurus), fallback —
// in he, fa, el and en, as a customer and as an agent. Above all: nothing that
// only internal articles contain ever reaches a customer through any of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Contains;
using kb_e2e::Env;
using kb_e2e::Eventually;
using kb_e2e::HitIds;
using kb_e2e::Params;
using kb_e2e::WithParams;
using nlohmann::json;

namespace {

// Every internal article of the fixture (tests/data/e2e-articles).
const std::set<std::string> kInternal = {
    "en/support-ops/escalation-runbook", "he/support-ops/escalation-runbook",
    "en/billing/chargeback-handling",    "en/support-ops/card-fraud-review",
    "he/support-ops/internal-accounts",  "el/support-ops/payment-guide",
    "fa/support-ops/payment-guide"};

// Categories and tags that only internal articles have.
const std::set<std::string> kInternalCategories = {"support-ops"};
const std::set<std::string> kInternalTags = {"escalation", "chargeback-desk", "fraud-desk",
                                             "בדיקות-פנימיות", "εσωτερικό"};

// GET that must answer 200 with a JSON object.
json GetJson(const Env& env, const std::string& path, bool agent) {
  return env.GetJson(path, agent ? env.token() : "");
}

json Suggest(const Env& env, const Params& params, bool agent = false) {
  const json r = GetJson(env, WithParams("/api/v1/suggest", params), agent);
  REQUIRE(r.contains("suggestions"));
  REQUIRE(r["suggestions"].is_array());
  return r;
}

json Related(const Env& env, const std::string& id, bool agent, const Params& params = {}) {
  const json r = GetJson(env, WithParams("/api/v1/articles/" + id + "/related", params), agent);
  REQUIRE(r.contains("related"));
  REQUIRE(r["related"].is_array());
  return r;
}

json Faq(const Env& env, const Params& params, bool agent = false) {
  const json r = GetJson(env, WithParams("/api/v1/faq", params), agent);
  REQUIRE(r.contains("categories"));
  REQUIRE(r["categories"].is_array());
  return r;
}

std::vector<std::string> Ids(const json& list) {
  std::vector<std::string> ids;
  for (const json& item : list) ids.push_back(item.value("id", std::string()));
  return ids;
}

// Every article id of a FAQ response, in order.
std::vector<std::string> FaqIds(const json& faq) {
  std::vector<std::string> ids;
  for (const json& c : faq["categories"]) {
    for (const std::string& id : Ids(c["articles"])) ids.push_back(id);
  }
  return ids;
}

std::vector<std::string> FaqCategories(const json& faq) {
  std::vector<std::string> names;
  for (const json& c : faq["categories"]) names.push_back(c.value("category", std::string()));
  return names;
}

// A facet list as value -> count; CHECKs the shape of every entry.
std::map<std::string, int> Facet(const json& response, const char* name) {
  std::map<std::string, int> out;
  REQUIRE(response.contains("facets"));
  REQUIRE(response["facets"].is_object());
  REQUIRE(response["facets"].contains(name));
  for (const json& f : response["facets"][name]) {
    INFO(f.dump());
    REQUIRE(f["value"].is_string());
    REQUIRE(f["count"].is_number_integer());
    CHECK(f["count"].get<int>() > 0);
    out[f["value"].get<std::string>()] = f["count"].get<int>();
  }
  return out;
}

void CheckNoInternalIds(const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    INFO("id = ", id);
    CHECK(kInternal.count(id) == 0);
  }
}

// Stronger than a list of known ids: a customer may fetch whatever was listed.
void CheckCustomerCanOpen(const Env& env, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    INFO("id = ", id);
    CHECK(env.Get("/api/v1/articles/" + id).status == 200);
  }
}

// A list endpoint's answers for one query: the customer's list holds no
// internal article and only articles the customer can open; the agent's
// holds `internal_id`.
void CheckListAudience(const Env& env, const json& customer, const json& agent, const char* list,
                       const std::string& internal_id) {
  INFO("customer: ", customer.dump());
  INFO("agent: ", agent.dump());
  CheckNoInternalIds(Ids(customer[list]));
  CheckCustomerCanOpen(env, Ids(customer[list]));
  CHECK(Contains(Ids(agent[list]), internal_id));
}

}  // namespace

// ---------------------------------------------------------------- autocomplete

TEST_SUITE_BEGIN("suggest");

TEST_CASE("suggest answers with the query and article summaries") {
  Env env;
  env.StartServer();
  const json r = Suggest(env, {{"q", "pay"}, {"lang", "en"}});
  CHECK(r.value("query", std::string()) == "pay");
  REQUIRE_FALSE(r["suggestions"].empty());
  for (const json& s : r["suggestions"]) {
    INFO(s.dump());
    CHECK(s["id"].is_string());
    CHECK(s["title"].is_string());
    CHECK(s["lang"].is_string());
    CHECK(s["category"].is_string());
    CHECK(s.value("url", std::string()) == "/kb/" + s.value("id", std::string()));
  }
  const json& first = r["suggestions"][0];
  CHECK(first["id"] == "en/billing/payment-methods");
  CHECK(first["title"] == "Which payment methods are accepted?");
  CHECK(first["lang"] == "en");
  CHECK(first["category"] == "billing");
}

TEST_CASE("suggest completes a partly typed last word of a title in every script") {
  struct Case {
    const char* q;
    const char* lang;  // "" = detected
    const char* id;
  };
  const Case cases[] = {
      {"pay", "en", "en/billing/payment-methods"},
      {"Update your bill", "", "en/billing/billing-address"},
      {"bill", "en", "en/billing/billing-currency"},
      {"gadg", "", "en/troubleshooting/gadgetron-hub"},
      // Hebrew: the partial word also after a one-letter prefix (ל + חשב → חשבון).
      {"לחשב", "he", "he/account/account-settings"},
      {"לחשב", "", "he/account/delete-account"},
      {"חשב", "he", "he/account/account-settings"},
      {"הגדרות חשב", "", "he/account/account-settings"},
      {"מחיק", "he", "he/account/delete-account"},
      // Greek: accents and capitals do not matter.
      {"πληρω", "el", "el/billing/payment-methods"},
      {"ΠΛΗΡΩ", "", "el/billing/payment-methods"},
      {"τροποι πληρ", "el", "el/billing/payment-methods"},
      {"Πώς επαναφ", "", "el/account/reset-password"},
      {"επαναφερ", "el", "el/account/reset-password"},
      // Greek typed in Latin letters (Greeklish), with lang=el or detected.
      {"tropoi plhr", "el", "el/billing/payment-methods"},
      {"pws epanaf", "", "el/account/reset-password"},
      // Persian, also after a word with a zero-width non-joiner.
      {"پردا", "fa", "fa/billing/payment-methods"},
      {"روش‌های پر", "", "fa/billing/payment-methods"},
      {"بازنش", "fa", "fa/account/reset-password"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q), ", lang = ", std::string(c.lang));
    Params params = {{"q", c.q}};
    if (*c.lang) params.emplace_back("lang", c.lang);
    const json r = Suggest(env, params);
    INFO(r.dump());
    CHECK(Contains(Ids(r["suggestions"]), c.id));
  }
}

TEST_CASE("suggest never shows an internal title to a customer; an agent sees it") {
  struct Case {
    const char* q;
    const char* internal_id;
  };
  const Case cases[] = {
      {"charg", "en/billing/chargeback-handling"},
      {"Chargeback hand", "en/billing/chargeback-handling"},
      {"card fr", "en/support-ops/card-fraud-review"},
      {"zorbl", "en/support-ops/escalation-runbook"},
      {"לחשב", "he/support-ops/internal-accounts"},
      {"חשבונות בדי", "he/support-ops/internal-accounts"},
      {"נוהל הסל", "he/support-ops/escalation-runbook"},
      {"πληρω", "el/support-ops/payment-guide"},
      {"ΟΔΗΓΟΣ", "el/support-ops/payment-guide"},
      {"پردا", "fa/support-ops/payment-guide"},
      {"راهنمای پر", "fa/support-ops/payment-guide"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    CheckListAudience(env, Suggest(env, {{"q", c.q}}), Suggest(env, {{"q", c.q}}, /*agent=*/true),
                      "suggestions", c.internal_id);
  }
}

TEST_CASE("suggest limit caps the number of titles") {
  Env env;
  env.StartServer();
  // "bill" starts two public English titles.
  CHECK(Suggest(env, {{"q", "bill"}, {"lang", "en"}})["suggestions"].size() >= 2);
  CHECK(Suggest(env, {{"q", "bill"}, {"lang", "en"}, {"limit", "1"}})["suggestions"].size() == 1);
  CHECK_FALSE(Suggest(env, {{"q", "bill"}, {"limit", "100000"}})["suggestions"].empty());
}

TEST_CASE("suggest rejects a missing q, unknown or repeated parameters and bad limits with 400") {
  Env env;
  env.StartServer();
  CheckError(env.Get("/api/v1/suggest"), 400, "bad_request");
  CheckError(env.Get("/api/v1/suggest?q="), 400, "bad_request");
  CheckError(env.Get("/api/v1/suggest?q=%20%20"), 400, "bad_request");
  CheckError(env.Get("/api/v1/suggest?lang=en"), 400, "bad_request");
  const auto unknown = env.Get(WithParams("/api/v1/suggest", {{"q", "pay"}, {"colour", "blue"}}));
  CheckError(unknown, 400, "bad_request");
  CHECK(unknown.json["error"].value("message", std::string()).find("colour") != std::string::npos);
  CheckError(env.Get("/api/v1/suggest?q=pay&q=bill"), 400, "bad_request");
  for (const char* limit : {"0", "-1", "abc", "1.5", ""}) {
    INFO("limit = ", std::string(limit));
    CheckError(env.Get(WithParams("/api/v1/suggest", {{"q", "pay"}, {"limit", limit}})), 400,
               "bad_request");
  }
  CheckError(env.Get(WithParams("/api/v1/suggest", {{"q", "pay"}, {"lang", "english"}})), 400,
             "bad_request");
  // A BCP-47 tag in capitals or with a region means its language (as browsers send it).
  CHECK(env.GetJson(WithParams("/api/v1/suggest", {{"q", "pay"}, {"lang", "EN-us"}})) ==
        env.GetJson(WithParams("/api/v1/suggest", {{"q", "pay"}, {"lang", "en"}})));
  CheckError(env.Get("/api/v1/suggest?q=%FF"), 400, "bad_request");
}

TEST_SUITE_END();

// ---------------------------------------------------------------- facets

TEST_SUITE_BEGIN("facets");

TEST_CASE("facets count categories and tags over all matches, not just the page") {
  Env env;
  env.StartServer();
  // "card": en/billing/payment-methods (tags payment, card) and
  // en/billing/billing-address (tag card) are the public matches.
  const json r = env.Search({{"q", "card"}, {"lang", "en"}, {"limit", "1"}});
  INFO(r.dump());
  CHECK(r["total"] == 2);
  CHECK(r["hits"].size() == 1);
  CHECK(Facet(r, "category") == std::map<std::string, int>{{"billing", 2}});
  CHECK(Facet(r, "tag") == std::map<std::string, int>{{"card", 2}, {"payment", 1}});
  // Most frequent first.
  REQUIRE(r["facets"]["tag"].size() == 2);
  CHECK(r["facets"]["tag"][0]["value"] == "card");
}

TEST_CASE("an agent's facets count internal articles, their categories and tags") {
  Env env;
  env.StartServer();
  const json en = env.Search({{"q", "card"}, {"lang", "en"}, {"limit", "1"}}, env.token());
  INFO(en.dump());
  CHECK(en["total"] == 4);
  CHECK(Facet(en, "category") == std::map<std::string, int>{{"billing", 3}, {"support-ops", 1}});
  CHECK(Facet(en, "tag") ==
        std::map<std::string, int>{
            {"card", 2}, {"payment", 2}, {"chargeback-desk", 1}, {"fraud-desk", 1}});
  const json he = env.Search({{"q", "חשבון"}, {"lang", "he"}}, env.token());
  INFO(he.dump());
  CHECK(Facet(he, "category")["support-ops"] == 2);
  CHECK(Facet(he, "tag")["בדיקות-פנימיות"] == 1);
}

TEST_CASE("a customer's facets leave out internal articles: no internal value, no internal count") {
  struct Case {
    const char* q;
    const char* lang;
    std::map<std::string, int> categories;  // exactly, for the customer
  };
  const Case cases[] = {
      {"card", "en", {{"billing", 2}}},    {"password", "en", {{"account", 1}}},
      {"payment", "en", {{"billing", 2}}}, {"חשבון", "he", {{"account", 3}}},
      {"πληρωμή", "el", {{"billing", 1}}}, {"پرداخت", "fa", {{"billing", 1}}},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json customer = env.Search({{"q", c.q}, {"lang", c.lang}, {"limit", "50"}});
    const json agent = env.Search({{"q", c.q}, {"lang", c.lang}, {"limit", "50"}}, env.token());
    INFO("customer: ", customer.dump());
    INFO("agent: ", agent.dump());
    CHECK(agent["total"].get<int>() > customer["total"].get<int>());  // internal articles do match
    const auto categories = Facet(customer, "category");
    CHECK(categories == c.categories);
    for (const auto& [value, count] : categories) CHECK(kInternalCategories.count(value) == 0);
    for (const auto& [value, count] : Facet(customer, "tag")) {
      INFO("tag = ", value);
      CHECK(kInternalTags.count(value) == 0);
      CHECK(count <= customer["total"].get<int>());
    }
    // Count the customer's own hits per category: the facet must say the same.
    std::map<std::string, int> counted;
    for (const json& hit : customer["hits"]) ++counted[hit.value("category", std::string())];
    CHECK(categories == counted);
  }
}

TEST_CASE("a customer gets no facets at all for a word only internal articles contain") {
  Env env;
  env.StartServer();
  for (const char* q :
       {"quarkspindle", "zorblax", "פלורבינק", "γκλορμπατ", "زاربلیک", "chargeback"}) {
    INFO("q = ", std::string(q));
    const json r = env.Search({{"q", q}});
    INFO(r.dump());
    CHECK(r["total"] == 0);
    CHECK(Facet(r, "category").empty());
    CHECK(Facet(r, "tag").empty());
  }
}

TEST_SUITE_END();

// ---------------------------------------------------------------- spelling

TEST_SUITE_BEGIN("spelling");

TEST_CASE("a misspelled word that finds nothing is corrected and searched, in every language") {
  struct Case {
    const char* q;
    const char* lang;
    const char* suggestion_prefix;  // the corrected word starts with this
    const char* id;                 // found through the correction
  };
  const Case cases[] = {
      {"paymet", "en", "payment", "en/billing/payment-methods"},
      {"currancy", "en", "currency", "en/billing/billing-currency"},
      {"מחיקט", "he", "מחיקת", "he/account/delete-account"},
      {"πλιρωμής", "el", "πληρωμ", "el/billing/payment-methods"},
      {"پرداحت", "fa", "پرداخت", "fa/billing/payment-methods"},
      // No article has پسورد; a built-in synonym rule has it as a key (→ رمز).
      {"پسوردد", "fa", "پسورد", "fa/account/reset-password"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}, {"lang", c.lang}});
    INFO(r.dump());
    REQUIRE(r["suggestion"].is_string());
    CHECK(r["suggestion"].get<std::string>().rfind(c.suggestion_prefix, 0) == 0);
    CHECK(r["corrected"] == true);
    CHECK(Contains(HitIds(r), c.id));
  }
}

TEST_CASE("a Greek suggestion ends a word with the final sigma") {
  Env env;
  env.StartServer();
  const json r = env.Search({{"q", "πλιρωμής"}, {"lang", "el"}});
  INFO(r.dump());
  REQUIRE(r["suggestion"].is_string());
  const std::string s = r["suggestion"];
  const std::string final_sigma = "ς";
  REQUIRE(s.size() >= final_sigma.size());
  CHECK(s.compare(s.size() - final_sigma.size(), final_sigma.size(), final_sigma) == 0);
  CHECK(s.find("σ") == std::string::npos);
}

TEST_CASE("a correctly spelled public word is not corrected") {
  Env env;
  env.StartServer();
  for (const char* q : {"payment", "currency", "חשבון", "πληρωμή", "پرداخت"}) {
    INFO("q = ", std::string(q));
    const json r = env.Search({{"q", q}});
    INFO(r.dump());
    CHECK(r["suggestion"].is_null());
    CHECK(r["corrected"] == false);
    CHECK(r["total"].get<int>() > 0);
  }
}

TEST_CASE(
    "a real English word that no article has is left alone, not 'corrected' to a nearby one") {
  Env env;
  env.StartServer();
  // "black" is one letter from "back" and "blank", which the articles have.
  for (const char* q : {"black", "black screen"}) {
    INFO("q = ", std::string(q));
    const json r = env.Search({{"q", q}, {"lang", "en"}});
    INFO(r.dump());
    CHECK(r["suggestion"].is_null());
    CHECK(r["corrected"] == false);
  }
}

TEST_CASE("an English word finds an article through its thesaurus synonym, marked in the snippet") {
  Env env;
  env.StartServer();
  // No article says "shut"; WordNet's first sense of "shut" is "close".
  const json r = env.Search({{"q", "shuts"}, {"lang", "en"}});
  INFO(r.dump());
  REQUIRE_FALSE(r["hits"].empty());
  CHECK(r["hits"][0]["id"] == "en/troubleshooting/app-crash");
  CHECK(r["hits"][0]["snippet"].get<std::string>().find("<mark>closes</mark>") !=
        std::string::npos);
}

TEST_CASE("a customer's spelling suggestion is never a word only internal articles contain") {
  struct Case {
    const char* q;
    const char* internal_word;
  };
  const Case cases[] = {
      {"quarkspindel", "quarkspindl"},
      {"quarkspindl", "quarkspindl"},
      {"chargebak", "chargeback"},
      {"chargebacks", "chargeback"},
      {"frawd", "fraud"},
      {"פלורבינקק", "פלורבינק"},
      {"פנימיימ", "פנימי"},
      {"γκλορμπατι", "γκλορμπα"},
      {"زاربلیکک", "زاربلیک"},
      {"کارشناسن", "کارشناسان"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}});
    INFO(r.dump());
    CheckNoInternalIds(HitIds(r));
    CHECK(r["total"] == 0);
    if (r["suggestion"].is_string())
      CHECK(r["suggestion"].get<std::string>().find(c.internal_word) == std::string::npos);
    else
      CHECK(r["suggestion"].is_null());
  }
}

TEST_SUITE_END();

// ---------------------------------------------------------------- related

TEST_SUITE_BEGIN("related");

TEST_CASE("related answers with the id and similar articles, never itself or a translation") {
  struct Case {
    const char* id;
    std::vector<std::string> never;  // the article and all its translations
  };
  const Case cases[] = {
      {"en/billing/payment-methods",
       {"en/billing/payment-methods", "el/billing/payment-methods", "fa/billing/payment-methods"}},
      {"el/billing/payment-methods",
       {"en/billing/payment-methods", "el/billing/payment-methods", "fa/billing/payment-methods"}},
      {"en/account/reset-password",
       {"en/account/reset-password", "he/account/reset-password", "el/account/reset-password",
        "fa/account/reset-password"}},
      {"he/account/reset-password",
       {"en/account/reset-password", "he/account/reset-password", "el/account/reset-password",
        "fa/account/reset-password"}},
      {"he/billing/refund-policy", {"he/billing/refund-policy", "en/billing/refund-policy"}},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    for (bool agent : {false, true}) {
      INFO("id = ", std::string(c.id), agent ? " (agent)" : " (customer)");
      const json r = Related(env, c.id, agent, {{"limit", "50"}});
      INFO(r.dump());
      CHECK(r["id"] == c.id);
      for (const std::string& id : Ids(r["related"])) {
        INFO("related = ", id);
        CHECK_FALSE(Contains(c.never, id));
      }
      for (const json& a : r["related"])
        CHECK(a.value("url", std::string()) == "/kb/" + a.value("id", std::string()));
    }
  }
  // Something related is found: billing-address shares "billing", "card", "order".
  CHECK(Contains(Ids(Related(env, "en/billing/payment-methods", false)["related"]),
                 "en/billing/billing-address"));
}

TEST_CASE("related lists the article's own language first") {
  Env env;
  env.StartServer();
  for (const char* id :
       {"en/billing/payment-methods", "en/account/reset-password", "he/account/account-settings",
        "he/billing/refund-policy", "el/billing/payment-methods", "fa/billing/payment-methods"}) {
    const std::string lang = std::string(id).substr(0, 2);
    for (bool agent : {false, true}) {
      INFO("id = ", std::string(id), agent ? " (agent)" : " (customer)");
      const json r = Related(env, id, agent, {{"limit", "50"}});
      INFO(r.dump());
      bool other_seen = false;
      for (const json& a : r["related"]) {
        const bool same = a.value("lang", std::string()) == lang;
        CHECK_FALSE((same && other_seen));
        other_seen = other_seen || !same;
      }
    }
  }
  const json he = Related(env, "he/account/account-settings", false);
  REQUIRE_FALSE(he["related"].empty());
  CHECK(he["related"][0]["id"] == "he/account/delete-account");
}

TEST_CASE("related finds same-language articles sharing words, also for Hebrew") {
  Env env;
  env.StartServer();
  // he/account/reset-password shares "החשבון" and "בדף" with both Hebrew account
  // articles, whose own related lists do contain it.
  const auto from_settings = Ids(Related(env, "he/account/account-settings", false)["related"]);
  CHECK(Contains(from_settings, "he/account/reset-password"));
  const json r = Related(env, "he/account/reset-password", false, {{"limit", "10"}});
  INFO(r.dump());
  const auto ids = Ids(r["related"]);
  CHECK(
      (Contains(ids, "he/account/account-settings") || Contains(ids, "he/account/delete-account")));
}

TEST_CASE("related never lists an internal article for a customer; an agent sees it") {
  struct Case {
    const char* id;
    const char* internal_id;  // an internal article like it
  };
  const Case cases[] = {
      {"en/billing/payment-methods", "en/billing/chargeback-handling"},
      {"en/account/reset-password", "en/support-ops/escalation-runbook"},
      {"he/account/account-settings", "he/support-ops/internal-accounts"},
      {"el/billing/payment-methods", "el/support-ops/payment-guide"},
      {"fa/billing/payment-methods", "fa/support-ops/payment-guide"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("id = ", std::string(c.id));
    CheckListAudience(env, Related(env, c.id, false, {{"limit", "50"}}),
                      Related(env, c.id, true, {{"limit", "50"}}), "related", c.internal_id);
  }
}

TEST_CASE("related of an internal article is 404 for a customer and listed for an agent") {
  Env env;
  env.StartServer();
  for (const std::string id : {"en/billing/chargeback-handling", "he/support-ops/internal-accounts",
                               "en/support-ops/escalation-runbook"}) {
    INFO("id = ", id);
    CheckError(env.Get("/api/v1/articles/" + id + "/related"), 404, "not_found");
    const json agent = Related(env, id, true, {{"limit", "50"}});
    CHECK(agent["id"] == id);
    CHECK_FALSE(Contains(Ids(agent["related"]), id));
  }
}

TEST_CASE("related of an unknown id or a draft is 404 for everybody") {
  Env env;
  env.StartServer();
  for (const std::string id : {"en/no/such-article", "nope", "en/account/close-account"}) {
    INFO("id = ", id);
    CheckError(env.Get("/api/v1/articles/" + id + "/related"), 404, "not_found");
    CheckError(env.AsAgent("/api/v1/articles/" + id + "/related"), 404, "not_found");
  }
}

TEST_CASE("related limit caps the list; bad or unknown parameters are 400") {
  Env env;
  env.StartServer();
  const std::string path = "/api/v1/articles/en/billing/payment-methods/related";
  CHECK(Related(env, "en/billing/payment-methods", false, {{"limit", "50"}})["related"].size() >=
        2);
  CHECK(Related(env, "en/billing/payment-methods", false, {{"limit", "1"}})["related"].size() == 1);
  CHECK(Related(env, "en/billing/payment-methods", false)["related"].size() <= 10);
  CHECK_FALSE(
      Related(env, "en/billing/payment-methods", false, {{"limit", "100000"}})["related"].empty());
  for (const char* limit : {"0", "-1", "abc", "1.5", ""}) {
    INFO("limit = ", std::string(limit));
    CheckError(env.Get(WithParams(path, {{"limit", limit}})), 400, "bad_request");
  }
  const auto unknown = env.Get(WithParams(path, {{"lang", "en"}}));
  CheckError(unknown, 400, "bad_request");
  CHECK(unknown.json["error"].value("message", std::string()).find("lang") != std::string::npos);
  CheckError(env.Get(path + "?limit=1&limit=2"), 400, "bad_request");
}

TEST_SUITE_END();

// ---------------------------------------------------------------- FAQ

TEST_SUITE_BEGIN("faq");

TEST_CASE("faq lists only faq articles, grouped by category, categories by name") {
  Env env;
  env.StartServer();
  for (const char* lang : {"en", "he", "el", "fa", ""}) {
    INFO("lang = ", std::string(lang));
    const json r = Faq(env, *lang ? Params{{"lang", lang}} : Params{});
    INFO(r.dump());
    if (*lang)
      CHECK(r["lang"] == lang);
    else
      CHECK(r["lang"].is_null());
    const auto names = FaqCategories(r);
    CHECK_FALSE(names.empty());
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    for (const json& c : r["categories"]) {
      CHECK_FALSE(c["articles"].empty());
      for (const json& a : c["articles"]) {
        INFO(a.dump());
        CHECK(a["category"] == c["category"]);
        CHECK(a.value("url", std::string()) == "/kb/" + a.value("id", std::string()));
        if (*lang) CHECK(a["lang"] == lang);
        const auto article = env.Get("/api/v1/articles/" + a.value("id", std::string()));
        REQUIRE(article.status == 200);
        CHECK(article.json["faq"] == true);
      }
    }
  }
  // Not faq: never listed.
  const auto all = FaqIds(Faq(env, {}));
  for (const char* id :
       {"en/billing/invoices", "en/account/two-step-verification", "he/billing/refund-policy"})
    CHECK_FALSE(Contains(all, id));
}

TEST_CASE("faq orders each category by front matter order, unset last, then by title") {
  Env env;
  env.StartServer();
  // Orders 1, 2, 10 (numeric, not text order), then unset ones by title.
  const json en = Faq(env, {{"lang", "en"}, {"category", "billing"}});
  INFO(en.dump());
  REQUIRE(en["categories"].size() == 1);
  const json& billing = en["categories"][0]["articles"];
  CHECK(Ids(billing) ==
        std::vector<std::string>{"en/billing/payment-methods", "en/billing/billing-address",
                                 "en/billing/billing-currency", "en/billing/tax-exemption",
                                 "en/billing/refund-policy"});
  REQUIRE(billing.size() == 5);
  CHECK(billing[0]["order"] == 1);
  CHECK(billing[1]["order"] == 2);
  CHECK(billing[2]["order"] == 10);
  CHECK(billing[3]["order"].is_null());
  CHECK(billing[4]["order"].is_null());
  const json he = Faq(env, {{"lang", "he"}, {"category", "account"}});
  INFO(he.dump());
  REQUIRE(he["categories"].size() == 1);
  CHECK(Ids(he["categories"][0]["articles"]) ==
        std::vector<std::string>{"he/account/account-settings", "he/account/delete-account",
                                 "he/account/reset-password"});
  // An agent's internal article takes its place by its order (3).
  const json agent = Faq(env, {{"lang", "en"}, {"category", "billing"}}, /*agent=*/true);
  REQUIRE(agent["categories"].size() == 1);
  CHECK(Ids(agent["categories"][0]["articles"]) ==
        std::vector<std::string>{"en/billing/payment-methods", "en/billing/billing-address",
                                 "en/billing/chargeback-handling", "en/billing/billing-currency",
                                 "en/billing/tax-exemption", "en/billing/refund-policy"});
}

TEST_CASE(
    "faq never lists an internal article or internal-only category for a customer; an agent sees "
    "them") {
  Env env;
  env.StartServer();
  for (const char* lang : {"", "en", "he", "el", "fa"}) {
    INFO("lang = ", std::string(lang));
    const Params params = *lang ? Params{{"lang", lang}} : Params{};
    const json customer = Faq(env, params);
    const json agent = Faq(env, params, /*agent=*/true);
    INFO("customer: ", customer.dump());
    INFO("agent: ", agent.dump());
    CheckNoInternalIds(FaqIds(customer));
    CheckCustomerCanOpen(env, FaqIds(customer));
    CHECK_FALSE(Contains(FaqCategories(customer), "support-ops"));
    CHECK(Contains(FaqCategories(agent), "support-ops"));
    CHECK(FaqIds(agent).size() > FaqIds(customer).size());
  }
  const auto agent_all = FaqIds(Faq(env, {}, /*agent=*/true));
  for (const char* id : {"en/billing/chargeback-handling", "en/support-ops/card-fraud-review",
                         "he/support-ops/internal-accounts", "el/support-ops/payment-guide",
                         "fa/support-ops/payment-guide"}) {
    INFO("id = ", std::string(id));
    CHECK(Contains(agent_all, id));
  }
  // Asking for the internal-only category by name shows a customer nothing.
  CHECK(Faq(env, {{"category", "support-ops"}})["categories"].empty());
}

TEST_CASE("faq filters by lang and category") {
  Env env;
  env.StartServer();
  const json el_billing = Faq(env, {{"lang", "el"}, {"category", "billing"}});
  CHECK(FaqIds(el_billing) == std::vector<std::string>{"el/billing/payment-methods"});
  CHECK(FaqCategories(el_billing) == std::vector<std::string>{"billing"});
  const json billing = Faq(env, {{"category", "billing"}});
  CHECK(FaqCategories(billing) == std::vector<std::string>{"billing"});
  const auto ids = FaqIds(billing);
  for (const char* id :
       {"en/billing/payment-methods", "el/billing/payment-methods", "fa/billing/payment-methods"})
    CHECK(Contains(ids, id));
  CHECK(Faq(env, {{"category", "no-such-category"}})["categories"].empty());
  CHECK(Faq(env, {{"lang", "de"}})["categories"].empty());
  CHECK(FaqIds(Faq(env, {{"lang", "auto"}})) == FaqIds(Faq(env, {})));
}

TEST_CASE("faq rejects unknown or repeated parameters and bad languages with 400") {
  Env env;
  env.StartServer();
  const auto unknown = env.Get("/api/v1/faq?topic=billing");
  CheckError(unknown, 400, "bad_request");
  CHECK(unknown.json["error"].value("message", std::string()).find("topic") != std::string::npos);
  CheckError(env.Get("/api/v1/faq?q=password"), 400, "bad_request");
  CheckError(env.Get("/api/v1/faq?lang=en&lang=he"), 400, "bad_request");
  for (const char* lang : {"english", "e", "1", "en_US"}) {
    INFO("lang = ", std::string(lang));
    CheckError(env.Get(WithParams("/api/v1/faq", {{"lang", lang}})), 400, "bad_request");
  }
  // A BCP-47 tag in capitals or with a region means its language.
  for (const char* lang : {"EN", "en-US", "En-gb"})
    CHECK(env.GetJson(WithParams("/api/v1/faq", {{"lang", lang}}))["lang"] == "en");
  CheckError(env.Get("/api/v1/faq?category=%FF"), 400, "bad_request");
}

TEST_SUITE_END();

// ---------------------------------------------------------------- synonyms

TEST_SUITE_BEGIN("synonyms");

TEST_CASE("synonym groups from _synonyms.yml and the built-in vocabulary work in every language") {
  struct Case {
    const char* q;
    const char* lang;
    const char* id;  // does not contain q, only its synonym
  };
  const Case cases[] = {
      {"reimbursement", "en", "en/billing/refund-policy"},
      {"זיכוי", "he", "he/billing/refund-policy"},
      {"לזיכוי", "he", "he/billing/refund-policy"},  // with a Hebrew prefix letter
      {"συνθηματικό", "el", "el/account/reset-password"},
      {"ΣΥΝΘΗΜΑΤΙΚΟ", "el", "el/account/reset-password"},
      {"گذرواژه", "fa", "fa/account/reset-password"},
      // Built-in loanword groups (src/articles/helpdesk_synonyms.yml).
      {"پسورد", "fa", "fa/account/reset-password"},
      {"פסוורד", "he", "he/account/reset-password"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q));
    const json r = env.Search({{"q", c.q}, {"lang", c.lang}});
    INFO(r.dump());
    CHECK(Contains(HitIds(r), c.id));
    CHECK(r["fallback"] == false);
  }
}

TEST_CASE("a one-way synonym searches its right side, not the reverse") {
  Env env;
  env.StartServer();
  // zapbox => gadgetron hub
  const auto zapbox = HitIds(env.Search({{"q", "zapbox"}, {"lang", "en"}}));
  CHECK(Contains(zapbox, "en/troubleshooting/zapbox-firmware"));
  CHECK(Contains(zapbox, "en/troubleshooting/gadgetron-hub"));
  const auto gadgetron = HitIds(env.Search({{"q", "gadgetron"}, {"lang", "en"}}));
  CHECK(Contains(gadgetron, "en/troubleshooting/gadgetron-hub"));
  CHECK_FALSE(Contains(gadgetron, "en/troubleshooting/zapbox-firmware"));
}

TEST_CASE("synonyms follow _synonyms.yml when the index is republished under a running server") {
  Env env;
  env.StartServer();
  CHECK(env.Search({{"q", "wobbleflux"}, {"lang", "en"}})["total"] == 0);
  CHECK(Contains(HitIds(env.Search({{"q", "zapbox"}, {"lang", "en"}})),
                 "en/troubleshooting/gadgetron-hub"));
  // Only the synonyms change: the zapbox rule goes, a Greek and an English group come.
  kb_e2e::WriteTextFile(env.articles() + "/_synonyms.yml",
                        "en:\n"
                        "  - [refund, reimbursement]\n"
                        "  - [wobbleflux, gadgetron]\n"
                        "el:\n"
                        "  - [πληρωμή, εξόφληση]\n");
  const auto index = env.Index();
  INFO(index.Describe());
  REQUIRE(index.exit_code == 0);
  CHECK(Eventually([&] {
    return Contains(HitIds(env.Search({{"q", "wobbleflux"}, {"lang", "en"}})),
                    "en/troubleshooting/gadgetron-hub");
  }));
  CHECK(Contains(HitIds(env.Search({{"q", "εξόφληση"}, {"lang", "el"}})),
                 "el/billing/payment-methods"));
  CHECK_FALSE(Contains(HitIds(env.Search({{"q", "zapbox"}, {"lang", "en"}})),
                       "en/troubleshooting/gadgetron-hub"));
  CHECK(Contains(HitIds(env.Search({{"q", "reimbursement"}, {"lang", "en"}})),
                 "en/billing/refund-policy"));
}

TEST_CASE("an invalid _synonyms.yml fails kb index with path:line errors and publishes nothing") {
  struct Case {
    const char* content;
    int line;  // of the first error
  };
  const Case cases[] = {
      {"en:\n  - [refund, reimbursement]\n  - [lonely]\n", 3},
      {"en:\n  - just some words\n", 2},
      {"en:\n  - [refund, reimbursement]\nEnglish:\n  - [a, b]\n", 3},
      {"en:\n  - => invoice\n", 2},
      {"en: not a list\n", 1},
  };
  Env env;
  env.StartServer();
  const json health_before = GetJson(env, "/healthz", false);
  for (const Case& c : cases) {
    INFO("content:\n", std::string(c.content));
    kb_e2e::WriteTextFile(env.articles() + "/_synonyms.yml", c.content);
    // A new article in the same run must not be published either.
    kb_e2e::WriteTextFile(env.articles() + "/en/billing/snarfle.md",
                          "---\ntitle: Snarfle\nlang: en\n---\nThe snarfleglow voucher.\n");
    const auto index = env.Index();
    INFO(index.Describe());
    CHECK(index.exit_code == 1);
    CHECK(index.err.find("_synonyms.yml:" + std::to_string(c.line) + ":") != std::string::npos);
    const json health = GetJson(env, "/healthz", false);
    CHECK(health["generation"] == health_before["generation"]);
    CHECK(health["sequence"] == health_before["sequence"]);
    CHECK(env.Search({{"q", "snarfleglow"}}, env.token())["total"] == 0);
    // The published rules still apply.
    CHECK(Contains(HitIds(env.Search({{"q", "zapbox"}, {"lang", "en"}})),
                   "en/troubleshooting/gadgetron-hub"));
  }
}

TEST_SUITE_END();

// ---------------------------------------------------------------- fallback

TEST_SUITE_BEGIN("fallback");

TEST_CASE("a search with no match in its language falls back to other languages, marked") {
  struct Case {
    const char* q;
    const char* lang;
    const char* id;
  };
  const Case cases[] = {
      {"gadgetron", "he", "en/troubleshooting/gadgetron-hub"},
      {"frobnicator", "el", "en/troubleshooting/app-crash"},
      {"zapbox", "fa", "en/troubleshooting/zapbox-firmware"},
  };
  Env env;
  env.StartServer();
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q), ", lang = ", std::string(c.lang));
    const json r = env.Search({{"q", c.q}, {"lang", c.lang}});
    INFO(r.dump());
    CHECK(r["fallback"] == true);
    CHECK(r["lang"] == c.lang);
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(Contains(HitIds(r), c.id));
    for (const json& hit : r["hits"]) CHECK(hit["lang"] != c.lang);
  }
  // A match in the asked language: no fallback.
  for (const auto& [q, lang] : std::vector<std::pair<std::string, std::string>>{
           {"payment", "en"}, {"חשבון", "he"}, {"πληρωμή", "el"}, {"پرداخت", "fa"}}) {
    INFO("q = ", q);
    const json r = env.Search({{"q", q}, {"lang", lang}});
    CHECK(r["fallback"] == false);
    for (const json& hit : r["hits"]) CHECK(hit["lang"] == lang);
  }
}

TEST_CASE("fallback never brings an internal article to a customer; an agent gets it") {
  struct Case {
    const char* q;
    const char* lang;
    const char* internal_id;
  };
  const Case cases[] = {
      {"quarkspindle", "he", "en/billing/chargeback-handling"},
      {"zorblax", "fa", "en/support-ops/escalation-runbook"},
      {"פלורבינק", "en", "he/support-ops/internal-accounts"},
      {"γκλορμπατ", "fa", "el/support-ops/payment-guide"},
  };
  Env env;
  env.StartServer();
  const json nothing = env.Search({{"q", "xyzzyplugh"}, {"lang", "he"}});
  for (const Case& c : cases) {
    INFO("q = ", std::string(c.q), ", lang = ", std::string(c.lang));
    const json customer = env.Search({{"q", c.q}, {"lang", c.lang}});
    INFO("customer: ", customer.dump());
    CHECK(customer["total"] == 0);
    CHECK(customer["hits"].empty());
    CHECK(customer["fallback"] == nothing["fallback"]);  // indistinguishable from an unknown word
    const json agent = env.Search({{"q", c.q}, {"lang", c.lang}}, env.token());
    INFO("agent: ", agent.dump());
    CHECK(agent["fallback"] == true);
    CHECK(Contains(HitIds(agent), c.internal_id));
  }
}

TEST_SUITE_END();
