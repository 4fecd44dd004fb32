// End-to-end: what customers do in the portal reaches the insights reports
// (issue 20 and 21): a search on /search is recorded like an API search and
// its session comes back as the kb_session cookie and the page's
// data-session; the no-JavaScript vote form and the /contact redirect record
// their events in that session.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "e2e_env.h"

using kb_e2e::Env;
using kb_e2e::Eventually;
using nlohmann::json;

namespace {

const char kTicketUrl[] = "https://support.example.com/new-ticket";
const char kReset[] = "en/account/reset-password";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The value of cookie `name` set by `res`, "" when it sets none.
std::string SetCookie(const httplib::Result& res, const std::string& name) {
  for (const auto& [key, value] : res->headers) {
    if (key != "Set-Cookie" || value.rfind(name + "=", 0) != 0) continue;
    return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
  }
  return "";
}

}  // namespace

TEST_SUITE_BEGIN("portal");

TEST_CASE("a portal search, a no-JavaScript vote and the contact link reach the reports") {
  Env env;
  const std::string site = env.tmp().path() + "/site.json";
  std::ofstream(site) << R"({"name": "Nuvo Help", "ticket_url": ")" << kTicketUrl << "\"}";
  env.StartServer({"--site-config", site});
  httplib::Client client("127.0.0.1", env.server().port());

  auto search = client.Get("/search?q=reset+password&lang=en");
  REQUIRE(search);
  REQUIRE(search->status == 200);
  const std::string session = SetCookie(search, "kb_session");
  REQUIRE(session.size() == 40);
  CHECK(Has(search->body, "data-session=\"" + session + "\""));
  CHECK(Has(search->body, "href=\"/contact?lang=en\""));
  CHECK(Has(search->body, std::string("data-ticket=\"") + kTicketUrl + "\""));
  const std::string csrf = SetCookie(search, "kb_csrf");
  REQUIRE_FALSE(csrf.empty());
  const httplib::Headers cookies = {{"Cookie", "kb_session=" + session + "; kb_csrf=" + csrf}};

  // The article page keeps the session for its script.
  CHECK(Has(client.Get(std::string("/kb/") + kReset, cookies)->body,
            "data-session=\"" + session + "\""));
  // Two votes: the second replaces the first (one per session and article).
  for (const char* helpful : {"yes", "no"}) {
    auto vote =
        client.Post(std::string("/kb/") + kReset + "/feedback", cookies,
                    std::string("helpful=") + helpful + "&text=Where+is+Settings%3F&csrf=" + csrf,
                    "application/x-www-form-urlencoded");
    REQUIRE(vote);
    CHECK(vote->status == 200);
  }
  auto contact = client.Get("/contact?lang=en", cookies);
  REQUIRE(contact);
  CHECK(contact->status == 303);
  CHECK(contact->get_header_value("Location") == kTicketUrl);
  CHECK(SetCookie(contact, "kb_session").empty());  // the session was kept
  // Crawlers are asked not to follow it (each visit is a recorded contact).
  CHECK(Has(client.Get("/robots.txt")->body, "Disallow: /contact\n"));

  json overview;
  REQUIRE(Eventually([&] {
    overview = env.GetJson("/api/v1/stats/overview", env.token());
    return overview["totals"]["contacted_sessions"] == 1;
  }));
  CHECK(overview["totals"]["searches"] == 1);
  CHECK(overview["totals"]["sessions"] == 1);
  CHECK(overview["totals"]["self_service_rate"] == 0.0);
  const json articles = env.GetJson("/api/v1/stats/articles", env.token());
  REQUIRE(articles["rows"].size() == 1);
  const json& row = articles["rows"][0];
  CHECK(row["article"] == kReset);
  CHECK(row["votes"] == 1);
  CHECK(row["not_helpful"] == 1);
}

TEST_CASE("the agents' insights page: charts, tables and CSV links; customers get the 404 page") {
  Env env;
  env.StartServer();
  httplib::Client client("127.0.0.1", env.server().port());
  for (const char* q : {"qwxzvvy", "qwxzvvy", "reset password"})
    REQUIRE(client.Get(std::string("/search?lang=en&q=") + q)->status == 200);
  const std::string session = env.Search({{"q", "reset password"}, {"lang", "en"}})["session"];
  const json vote = {{"type", "vote"},
                     {"session", session},
                     {"article", kReset},
                     {"helpful", false},
                     {"reason", "outdated"}};
  REQUIRE(client.Post("/api/v1/events", vote.dump(), "application/json")->status == 200);
  const httplib::Headers agent = {{"Cookie", "kb_agent=" + env.token()}};
  REQUIRE(Eventually(
      [&] { return Has(client.Get("/agent/insights?lang=en", agent)->body, "outdated:1"); }));

  for (const char* path : {"/agent/insights", "/agent/insights?lang=fa",
                           "/agent/insights/overview.csv", "/agent/insights/articles.csv"}) {
    INFO(path);
    auto res = client.Get(path);
    CHECK(res->status == 404);
    CHECK_FALSE(Has(res->body, "qwxzvvy"));
    CHECK_FALSE(Has(res->body, "outdated"));
  }
  auto page = client.Get("/agent/insights?lang=en", agent);
  REQUIRE(page->status == 200);
  const std::string& html = page->body;
  for (const char* anchor : {"insights-overview", "insights-zero-results-en", "insights-articles",
                             "insights-content-gaps"}) {
    INFO(anchor);
    CHECK(Has(html, std::string("id=\"") + anchor + "\""));
  }
  CHECK(Has(html, "<svg"));
  CHECK(Has(html, "qwxzvvy"));  // the failed search, in the chart and the table
  CHECK(Has(html, "href=\"/agent/insights/overview.csv\""));
  CHECK(Has(html, "href=\"/agent/insights/content-gaps.csv\""));
  CHECK_FALSE(Has(html, " style=\""));
  // Persian digits and a right-to-left page.
  auto fa = client.Get("/agent/insights?lang=fa", agent);
  CHECK(Has(fa->body, "<html lang=\"fa\" dir=\"rtl\">"));
  CHECK(Has(fa->body, "\u06f2"));  // the two failed searches, as ۲
  // The CSV link answers what the API's CSV answers.
  auto csv = client.Get("/agent/insights/zero-results.csv", agent);
  REQUIRE(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
  CHECK(csv->body == env.AsAgent("/api/v1/stats/zero-results?format=csv&limit=1000").body);
  CHECK(Has(csv->body, "qwxzvvy,en,2,"));
  CHECK(client.Get("/agent/insights/nonsense.csv", agent)->status == 404);
}

TEST_CASE("popular articles on the home page: most viewed first, the FAQ without events") {
  Env env;
  env.StartServer();
  httplib::Client client("127.0.0.1", env.server().port());
  const auto popular = [&](const httplib::Headers& headers) {
    const std::string html = client.Get("/?lang=en", headers)->body;
    const size_t from = html.find("id=\"popular-heading\"");
    REQUIRE(from != std::string::npos);
    return html.substr(from, html.find("</ol>", from) - from);
  };
  const std::string faq = popular({});
  CHECK(Has(faq, "href=\"/kb/en/"));  // the first FAQ articles
  const std::string refund = "en/billing/refund-policy";
  for (int i = 0; i < 3; ++i) {
    const json view = {{"type", "view"}, {"article", refund}};
    REQUIRE(client.Post("/api/v1/events", view.dump(), "application/json")->status == 200);
  }
  // An internal article agents viewed is never shown to customers.
  const json internal = {{"type", "view"}, {"article", "en/billing/chargeback-handling"}};
  const httplib::Headers bearer = {{"Authorization", "Bearer " + env.token()}};
  REQUIRE(client.Post("/api/v1/events", bearer, internal.dump(), "application/json")->status ==
          200);
  const std::string first = "<li><a href=\"/kb/" + refund + "\"";
  REQUIRE(Eventually([&] { return Has(popular({}), "<ol class=\"popular-list\">" + first); }));
  const std::string customer = popular({});
  CHECK_FALSE(Has(customer, "chargeback-handling"));
  CHECK_FALSE(Has(customer, "reset-password"));  // the FAQ is only the fallback
  const std::string agents = popular({{"Cookie", "kb_agent=" + env.token()}});
  CHECK(Has(agents, first + " dir=\"auto\">Refund policy</a></li><li><a "
                            "href=\"/kb/en/billing/chargeback-handling\""));
}

TEST_CASE("the portal's vote form refuses an unknown article and records nothing") {
  Env env;
  env.StartServer();
  httplib::Client client("127.0.0.1", env.server().port());
  auto page = client.Get("/?lang=en");
  const std::string csrf = SetCookie(page, "kb_csrf");
  auto vote = client.Post("/kb/en/no/such-article/feedback", {{"Cookie", "kb_csrf=" + csrf}},
                          "helpful=yes&csrf=" + csrf, "application/x-www-form-urlencoded");
  REQUIRE(vote);
  CHECK(vote->status == 400);
  CHECK(Has(vote->body, "no article"));
  // Without a ticket URL there is no contact redirect.
  CHECK(client.Get("/contact")->status == 404);
}

TEST_SUITE_END();
