// Facets, related articles, the FAQ and autocomplete against a real index.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>

#include "index/facets.h"
#include "index/schema.h"
#include "kb/index/search.h"
#include "test_support.h"

namespace {

using kb::test::Workspace;

void WriteCenter(Workspace& ws) {
  ws.Write("en/account/reset-password",
           "title: How do I reset my password?\nlang: en\ncategory: account\ntags: [password, "
           "login]\nfaq: true\norder: 2",
           "Open settings and reset the password. Reset links expire after an hour.");
  ws.Write("en/account/two-step",
           "title: Turn on two-step verification\nlang: en\ntags: [login, security]\nfaq: "
           "true\norder: 1",
           "Two-step verification protects your password and your login.");
  ws.Write("en/account/close", "title: Close your account\nlang: en\nfaq: true",
           "Closing the account deletes your password and data.");
  ws.Write("en/billing/refunds", "title: Refunds\nlang: en\ntags: [money]\nfaq: true",
           "Refunds arrive in ten days.");
  ws.Write("he/account/reset-password",
           "title: איך מאפסים את הסיסמה?\nlang: he\ntranslation_of: en/account/reset-password",
           "פותחים את ההגדרות ומאפסים את הסיסמה. password reset.");
  ws.Write("en/ops/password-runbook",
           "title: Password reset runbook\nlang: en\naudience: internal\ncategory: "
           "secretops\ntags: [zorblax]\nfaq: true",
           "Agents reset a password after checking identity. password reset steps.");
  REQUIRE(ws.Publish().errors.empty());
}

bool HasValue(const std::vector<kb::FacetCount>& facets, const std::string& value) {
  return std::any_of(facets.begin(), facets.end(),
                     [&](const kb::FacetCount& f) { return f.value == value; });
}

uint64_t CountOf(const std::vector<kb::FacetCount>& facets, const std::string& value) {
  for (const auto& f : facets)
    if (f.value == value) return f.count;
  return 0;
}

std::vector<std::string> Ids(const std::vector<kb::ArticleSummary>& list) {
  std::vector<std::string> ids;
  for (const auto& a : list) ids.push_back(a.id);
  return ids;
}

}  // namespace

TEST_CASE("facets count every match, for the caller's audience only") {
  Workspace ws;
  WriteCenter(ws);
  auto customer = ws.Search("password", "en", false, /*limit=*/1);
  CHECK(customer.hits.size() == 1);
  CHECK(CountOf(customer.category_facets, "account") == 3);  // all matches, not the page
  CHECK(CountOf(customer.tag_facets, "login") == 2);
  CHECK_FALSE(HasValue(customer.category_facets, "secretops"));
  CHECK_FALSE(HasValue(customer.tag_facets, "zorblax"));
  auto agent = ws.Search("password", "en", true, 1);
  CHECK(CountOf(agent.category_facets, "secretops") == 1);
  CHECK(CountOf(agent.tag_facets, "zorblax") == 1);
}

TEST_CASE("facets: one slot holds the category and the tags, whatever they contain") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&db](const std::string& value) {
    Xapian::Document doc;
    doc.add_value(kb::schema::kSlotFacets, value);
    doc.add_boolean_term("Q" + std::to_string(db.get_lastdocid() + 1));
    db.add_document(doc);
  };
  add(kb::EncodeFacets("account", {"login", "password"}));
  add(kb::EncodeFacets("a:b\nc", {"login", "", "x:y"}));  // separators inside the category
  add(kb::EncodeFacets("", {"login"}));                   // no category
  add(kb::EncodeFacets("account", {}));
  add("");  // no facets at all
  {
    // An index written before the facets slot: the category in its own
    // slot, the slot only the tags.
    Xapian::Document doc;
    doc.add_value(kb::schema::kSlotCategory, "billing");
    doc.add_value(kb::schema::kSlotFacets, "login\nold");
    db.add_document(doc);
  }
  db.add_document(Xapian::Document());  // no facets slot
  db.commit();
  const kb::FacetColumn column(db);
  CHECK(column.CategoryOf(7) == kb::FacetColumn::kNone);
  CHECK(column.CategoryOf(99) == kb::FacetColumn::kNone);  // not in the column: nothing
  CHECK(column.TagsBegin(99) == column.TagsEnd(99));
  // The spy counts every match the match sees, by docid.
  kb::FacetSpy spy(column);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  const auto categories = spy.TopCategories(10);
  REQUIRE(categories.size() == 3);
  CHECK(categories[0].value == "account");
  CHECK(categories[0].count == 2);
  CHECK(CountOf(categories, "a:b\nc") == 1);
  CHECK(CountOf(categories, "billing") == 1);
  const auto tags = spy.TopTags(10);
  REQUIRE(tags.size() == 4);
  CHECK(tags[0].value == "login");
  CHECK(tags[0].count == 4);
  CHECK(CountOf(tags, "password") == 1);
  CHECK(CountOf(tags, "x:y") == 1);
  CHECK(CountOf(tags, "old") == 1);
  CHECK(spy.TopTags(10, 8)[0].count == 32);  // scaled from a sample
  CHECK(spy.TopTags(1).size() == 1);
}

TEST_CASE("facets: the column follows the index's revision") {
  Workspace ws;
  WriteCenter(ws);
  CHECK(CountOf(ws.Search("password", "en", false, 1).category_facets, "account") == 3);
  ws.Write("en/billing/password-invoice",
           "title: Password on invoices\nlang: en\ncategory: billing\ntags: [invoice]",
           "Invoices are protected by your password.");
  REQUIRE(ws.Publish().errors.empty());
  const auto after = ws.Search("password", "en", false, 1);
  CHECK(CountOf(after.category_facets, "account") == 3);
  CHECK(CountOf(after.category_facets, "billing") == 1);
  CHECK(CountOf(after.tag_facets, "invoice") == 1);
}

TEST_CASE(
    "related articles: same language first, never itself, its translations or internal ones") {
  Workspace ws;
  WriteCenter(ws);
  auto related = ws.searcher().Related("en/account/reset-password", false, 10);
  REQUIRE(related.ok());
  const auto ids = Ids(*related);
  REQUIRE_FALSE(ids.empty());
  CHECK(std::find(ids.begin(), ids.end(), "en/account/reset-password") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "he/account/reset-password") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "en/ops/password-runbook") == ids.end());
  CHECK((*related)[0].lang == "en");
  auto agent = ws.searcher().Related("en/account/reset-password", true, 10);
  REQUIRE(agent.ok());
  const auto agent_ids = Ids(*agent);
  CHECK(std::find(agent_ids.begin(), agent_ids.end(), "en/ops/password-runbook") !=
        agent_ids.end());
  CHECK(ws.searcher().Related("en/ops/password-runbook", false, 5).status().code() ==
        kb::StatusCode::kNotFound);
  CHECK(ws.searcher().Related("en/none", true, 5).status().code() == kb::StatusCode::kNotFound);
}

TEST_CASE("FAQ: grouped by category, editor order first, then title; audience respected") {
  Workspace ws;
  WriteCenter(ws);
  kb::FaqRequest request;
  request.lang = "en";
  auto faq = ws.searcher().Faq(request);
  REQUIRE(faq.ok());
  REQUIRE(faq->size() == 2);  // account, billing; never secretops for a customer
  CHECK((*faq)[0].category == "account");
  CHECK(Ids((*faq)[0].articles) == std::vector<std::string>{"en/account/two-step",
                                                            "en/account/reset-password",
                                                            "en/account/close"});
  CHECK((*faq)[1].category == "billing");
  request.agent = true;
  auto agent = ws.searcher().Faq(request);
  REQUIRE(agent.ok());
  CHECK(agent->size() == 3);
  request.category = "billing";
  auto billing = ws.searcher().Faq(request);
  REQUIRE(billing.ok());
  REQUIRE(billing->size() == 1);
  CHECK((*billing)[0].articles.size() == 1);
}

TEST_CASE("autocomplete: titles match mid-word in every script, customers see no internal titles") {
  Workspace ws;
  WriteCenter(ws);
  ws.Write("el/account/password", "title: Πώς αλλάζω τον κωδικό πρόσβασης;\nlang: el", "κωδικός");
  ws.Write("fa/account/password", "title: چطور رمز عبور حسابم را عوض کنم؟\nlang: fa", "رمز");
  ws.Write("he/account/balance", "title: יתרה בחשבון שלי\nlang: he", "חשבון");
  REQUIRE(ws.Publish().errors.empty());
  struct Case {
    const char* prefix;
    const char* expected;
  };
  const Case cases[] = {
      {"passw", "en/account/reset-password"},
      {"How do I res", "en/account/reset-password"},
      {"ΚΩΔΙ", "el/account/password"},  // capitals, no accent
      {"κωδικ", "el/account/password"},
      {"حسا", "fa/account/password"},
      {"לחשב", "he/account/balance"},  // prefix letter + partial word
      {"מאפס", "he/account/reset-password"},
      {"kwdik", "el/account/password"},  // Greeklish, partly typed
      {"allazw ton kodiko pros", "el/account/password"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.prefix));
    kb::SuggestRequest request;
    request.prefix = c.prefix;
    auto titles = ws.searcher().Suggest(request);
    REQUIRE(titles.ok());
    const auto ids = Ids(*titles);
    CHECK(std::find(ids.begin(), ids.end(), c.expected) != ids.end());
  }
  // Two Latin letters that complete no title are not read as the start of
  // Greeklish (too many Greek words begin alike).
  kb::SuggestRequest two;
  two.prefix = "ko";  // κωδικός: kodikos
  auto none = ws.searcher().Suggest(two);
  REQUIRE(none.ok());
  CHECK(none->empty());
  kb::SuggestRequest runbook;
  runbook.prefix = "Password reset runb";
  auto customer = ws.searcher().Suggest(runbook);
  REQUIRE(customer.ok());
  CHECK(customer->empty());
  runbook.agent = true;
  auto agent = ws.searcher().Suggest(runbook);
  REQUIRE(agent.ok());
  CHECK(Ids(*agent) == std::vector<std::string>{"en/ops/password-runbook"});
}

TEST_CASE("totals and facets: exact up to 500 matches, then estimated from the sample") {
  Workspace ws;
  // 3,000 matches of "gizmo" in two categories (2:1), 40 of "rare".
  for (int i = 0; i < 3000; ++i)
    ws.Write((i % 3 == 0 ? "en/billing/a" : "en/account/a") + std::to_string(i),
             "title: Article " + std::to_string(i) + "\nlang: en",
             std::string(i < 40 ? "A rare gizmo." : "A gizmo.") + " Number " + std::to_string(i));
  REQUIRE(ws.Publish().errors.empty());
  auto rare = ws.Search("rare", "en", false, 10);
  CHECK(rare.total == 40);
  CHECK_FALSE(rare.total_estimated);
  CHECK(CountOf(rare.category_facets, "account") == 26);
  CHECK(CountOf(rare.category_facets, "billing") == 14);
  auto common = ws.Search("gizmo", "en", false, 10);
  CHECK(common.total_estimated);
  CHECK(common.hits.size() == 10);
  // One bucket in eight or more (about 375+ articles here): within a quarter.
  CHECK(common.total > 2250);
  CHECK(common.total < 3750);
  const uint64_t account = CountOf(common.category_facets, "account");
  const uint64_t billing = CountOf(common.category_facets, "billing");
  CHECK(account > billing);
  CHECK(account > 1500);
  CHECK(account < 2500);
}
