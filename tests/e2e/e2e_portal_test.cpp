// End-to-end: the portal's pages over the real kb serve (docs/portal.md):
// status codes, headers, escaping, the 404 page, languages and direction,
// no internal article for customers, agents' sign-in, CSRF, CORS, caching.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>

#include "e2e_env.h"

using kb_e2e::Env;
using kb_e2e::HttpReply;

namespace {

const char kInternal[] = "en/billing/chargeback-handling";

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

httplib::Client Client(Env& env) {
  httplib::Client client("127.0.0.1", env.server().port());
  client.set_read_timeout(10, 0);
  return client;
}

// kb serve over the e2e articles (with `args`), and a client of it.
struct Served {
  explicit Served(const std::vector<std::string>& args = {}) {
    env.StartServer(args);
    client = std::make_unique<httplib::Client>(Client(env));
  }
  Env env;
  std::unique_ptr<httplib::Client> client;
};

// The kb_csrf cookie value the server set on `res`.
std::string CsrfCookie(const httplib::Result& res) {
  const std::string set = res->get_header_value("Set-Cookie");
  const size_t at = set.find("kb_csrf=");
  REQUIRE(at != std::string::npos);
  return set.substr(at + 8, 32);
}

}  // namespace

TEST_SUITE_BEGIN("portal");

TEST_CASE("every page type answers HTML with its status, language and security headers") {
  Served served;
  httplib::Client& client = *served.client;
  struct Case {
    std::string path;
    int status;
    std::string html_start;
  };
  for (const Case& c : {Case{"/?lang=he", 200, "<html lang=\"he\" dir=\"rtl\">"},
                        Case{"/?lang=fa", 200, "<html lang=\"fa\" dir=\"rtl\">"},
                        Case{"/?lang=el", 200, "<html lang=\"el\" dir=\"ltr\">"},
                        Case{"/search?q=password&lang=en", 200, "<html lang=\"en\" dir=\"ltr\">"},
                        Case{"/kb/en/account/reset-password", 200, "<html lang=\"en\""},
                        Case{"/no/such/page", 404, "<html lang=\"en\""},
                        Case{"/kb/en/account/nothing-here", 404, "<html lang=\"en\""},
                        Case{"/agent/sign-in", 200, "<html lang=\"en\""}}) {
    INFO(c.path);
    auto res = client.Get(c.path);
    REQUIRE(res);
    CHECK(res->status == c.status);
    CHECK(Has(res->get_header_value("Content-Type"), "text/html"));
    CHECK(Has(res->body, c.html_start));
    const std::string csp = res->get_header_value("Content-Security-Policy");
    CHECK(Has(csp, "script-src 'self'"));
    CHECK_FALSE(Has(csp, "unsafe-inline"));
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
    CHECK_FALSE(Has(res->body, "<script>"));  // scripts only from files (src=)
    CHECK_FALSE(Has(res->body, " style=\""));
  }
}

TEST_CASE("the UI language comes from the URL, else Accept-Language, else the site default") {
  Served served;
  httplib::Client& client = *served.client;
  CHECK(Has(client.Get("/", {{"Accept-Language", "fa-IR,fa;q=0.9,en;q=0.5"}})->body,
            "<html lang=\"fa\" dir=\"rtl\">"));
  CHECK(Has(client.Get("/?lang=el", {{"Accept-Language", "he"}})->body, "<html lang=\"el\""));
  CHECK(Has(client.Get("/", {{"Accept-Language", "de, ja;q=0.5"}})->body, "<html lang=\"en\""));
  // An article's own language is the URL's language.
  CHECK(Has(client.Get("/kb/he/account/reset-password")->body, "<html lang=\"he\" dir=\"rtl\">"));
}

TEST_CASE("the search page escapes what the customer typed and shows hits with snippets") {
  Served served;
  httplib::Client& client = *served.client;
  auto res = client.Get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+password");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK_FALSE(Has(res->body, "<script>alert"));
  CHECK(Has(res->body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  auto hits = client.Get("/search?q=reset+password&lang=en");
  CHECK(Has(hits->body, "href=\"/kb/en/account/reset-password\""));
  CHECK(Has(hits->body, "<mark>"));
}

TEST_CASE("bad query strings answer a page with a clear message, never a 500") {
  Served served;
  httplib::Client& client = *served.client;
  const std::string long_q(2000, 'a');
  for (const std::string& path :
       {std::string("/search?q=%FF%FE"), std::string("/search?q=x&page=abc"),
        std::string("/search?q=x&page=0"), std::string("/search?q=x&page=99999999999"),
        "/search?q=" + long_q, std::string("/search?q=x&category=%C3"),
        std::string("/search?q=x&lang=%FF"), std::string("/?lang=%00%01"),
        std::string("/kb/%FF%FE"), std::string("/search?q=%")}) {
    INFO(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK(res->status < 500);
    CHECK(Has(res->get_header_value("Content-Type"), "text/html"));
    CHECK(Has(res->body, "</html>"));
  }
  auto bad = client.Get("/search?q=x&page=abc");
  CHECK(bad->status == 400);
  CHECK(Has(bad->body, "page must be a number from 1 to 100"));
}

TEST_CASE("customers never reach an internal article: URL, search, home, sitemap, related") {
  Served served;
  httplib::Client& client = *served.client;
  CHECK(client.Get(std::string("/kb/") + kInternal)->status == 404);
  for (const char* path : {"/sitemap.xml", "/?lang=en", "/search?q=chargeback+handling&lang=en",
                           "/kb/en/billing/refund-policy", "/search?q=chargeback"}) {
    INFO(path);
    auto res = client.Get(path);
    REQUIRE(res);
    CHECK_FALSE(Has(res->body, kInternal));
    CHECK_FALSE(Has(res->body, "quarkspindle"));  // a word of its body only
  }
  auto sitemap = client.Get("/sitemap.xml");
  CHECK(Has(sitemap->body, "/kb/en/account/reset-password</loc>"));
  CHECK(Has(sitemap->get_header_value("Content-Type"), "application/xml"));
}

TEST_CASE("an agent signs in with a token (CSRF-checked) and then sees internal articles, marked") {
  Served served;
  httplib::Client& client = *served.client;
  auto form = client.Get("/agent/sign-in");
  REQUIRE(form);
  const std::string csrf = CsrfCookie(form);
  CHECK(Has(form->body, "name=\"csrf\" value=\"" + csrf + "\""));
  const httplib::Headers cookie = {{"Cookie", "kb_csrf=" + csrf}};

  // Without the matching form token: refused.
  auto forged = client.Post("/agent/sign-in", cookie, "token=" + served.env.token() + "&csrf=wrong",
                            "application/x-www-form-urlencoded");
  CHECK(forged->status == 400);
  CHECK(forged->get_header_value("Set-Cookie").find("kb_agent=") == std::string::npos);
  // A wrong token: the form again, 401.
  auto wrong = client.Post("/agent/sign-in", cookie, "token=kbt_nope&csrf=" + csrf,
                           "application/x-www-form-urlencoded");
  CHECK(wrong->status == 401);

  auto ok = client.Post("/agent/sign-in", cookie, "token=" + served.env.token() + "&csrf=" + csrf,
                        "application/x-www-form-urlencoded");
  REQUIRE(ok);
  CHECK(ok->status == 303);
  const std::string session = ok->get_header_value("Set-Cookie");
  CHECK(Has(session, "kb_agent="));
  CHECK(Has(session, "HttpOnly"));
  CHECK(Has(session, "SameSite=Strict"));
  CHECK_FALSE(Has(session, "Secure"));  // plain http here; https public URLs get Secure
  const httplib::Headers agent = {
      {"Cookie", "kb_csrf=" + csrf + "; kb_agent=" + served.env.token()}};
  auto internal = client.Get(std::string("/kb/") + kInternal, agent);
  CHECK(internal->status == 200);
  CHECK(Has(internal->body, "class=\"internal-badge\""));
  CHECK(Has(internal->body, "noindex"));
  auto results = client.Get("/search?q=chargeback+handling&lang=en", agent);
  CHECK(Has(results->body, std::string("href=\"/kb/") + kInternal + "\""));
  CHECK(Has(results->body, "class=\"internal-badge\""));
  // A customer's cookie with a wrong token is a customer.
  auto guess = client.Get(std::string("/kb/") + kInternal, {{"Cookie", "kb_agent=kbt_guess"}});
  CHECK(guess->status == 404);
}

TEST_CASE("the no-JavaScript vote form needs its CSRF token and a yes or no") {
  Served served;
  httplib::Client& client = *served.client;
  auto page = client.Get("/kb/en/account/reset-password");
  const std::string csrf = CsrfCookie(page);
  CHECK(Has(page->body, "action=\"/kb/en/account/reset-password/feedback\""));
  const httplib::Headers cookie = {{"Cookie", "kb_csrf=" + csrf}};
  const char* type = "application/x-www-form-urlencoded";
  CHECK(client
            .Post("/kb/en/account/reset-password/feedback", cookie,
                  "helpful=yes&text=clear&csrf=" + csrf, type)
            ->status == 200);
  CHECK(client
            .Post("/kb/en/account/reset-password/feedback", cookie, "helpful=maybe&csrf=" + csrf,
                  type)
            ->status == 400);
  CHECK(
      client.Post("/kb/en/account/reset-password/feedback", cookie, "helpful=yes", type)->status ==
      400);
}

TEST_CASE("pages carry an ETag and Last-Modified of the published index and answer 304 to them") {
  Served served;
  httplib::Client& client = *served.client;
  const httplib::Headers cookie = {{"Cookie", "kb_csrf=0123456789abcdef0123456789abcdef"}};
  auto first = client.Get("/kb/en/account/reset-password", cookie);
  const std::string etag = first->get_header_value("ETag");
  REQUIRE_FALSE(etag.empty());
  httplib::Headers again = cookie;
  again.insert({"If-None-Match", etag});
  auto second = client.Get("/kb/en/account/reset-password", again);
  CHECK(second->status == 304);
  CHECK(second->body.empty());
  const std::string modified = first->get_header_value("Last-Modified");
  REQUIRE(Has(modified, " GMT"));
  httplib::Headers since = cookie;
  since.insert({"If-Modified-Since", modified});
  CHECK(client.Get("/kb/en/account/reset-password", since)->status == 304);
  httplib::Headers older = cookie;
  older.insert({"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"});
  CHECK(client.Get("/kb/en/account/reset-password", older)->status == 200);
}

TEST_CASE("the API answers the configured CORS origins, preflight included, and no others") {
  Served served({"--cors-origin", "https://shop.example.com"});
  httplib::Client& client = *served.client;
  auto pre = client.Options("/api/v1/search", {{"Origin", "https://shop.example.com"},
                                               {"Access-Control-Request-Method", "GET"}});
  REQUIRE(pre);
  CHECK(pre->status == 204);
  CHECK(pre->get_header_value("Access-Control-Allow-Origin") == "https://shop.example.com");
  auto get = client.Get("/api/v1/search?q=password", {{"Origin", "https://shop.example.com"}});
  CHECK(get->get_header_value("Access-Control-Allow-Origin") == "https://shop.example.com");
  auto other = client.Get("/api/v1/search?q=password", {{"Origin", "https://evil.example"}});
  CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto widget = client.Get("/assets/widget.js");
  CHECK(widget->status == 200);
  CHECK(Has(widget->get_header_value("Content-Type"), "javascript"));
}

TEST_CASE("relative links between articles become portal URLs") {
  Env env;
  {
    std::ofstream out(env.articles() + "/en/billing/linking.md");
    out << "---\ntitle: Linking article\nlang: en\n---\nSee "
           "[reset](../account/reset-password.md#steps)"
           " and [refunds](refund-policy.md).\n";
  }
  REQUIRE(env.Index().exit_code == 0);
  env.StartServer();
  auto client = Client(env);
  auto res = client.Get("/kb/en/billing/linking");
  REQUIRE(res->status == 200);
  CHECK(Has(res->body, "href=\"/kb/en/account/reset-password#steps\""));
  CHECK(Has(res->body, "href=\"/kb/en/billing/refund-policy\""));
}

TEST_CASE("files beside visible articles are served with their type, nothing else") {
  Env env;
  {
    std::ofstream(env.articles() + "/en/account/reset.png") << "PNGDATA";
    std::ofstream(env.articles() + "/en/support-ops/secret.png") << "INTERNAL";
    std::ofstream(env.articles() + "/en/account/notes.yml") << "a: b";
    std::ofstream(env.articles() + "/loose.png") << "ROOT";
  }
  env.StartServer({"--articles", env.articles()});
  auto client = Client(env);
  auto image = client.Get("/kb/en/account/reset.png");
  REQUIRE(image);
  CHECK(image->status == 200);
  CHECK(image->get_header_value("Content-Type") == "image/png");
  CHECK(image->body == "PNGDATA");
  CHECK(image->get_header_value("X-Content-Type-Options") == "nosniff");
  for (const char* path :
       {"/kb/en/support-ops/secret.png", "/kb/en/account/notes.yml", "/kb/loose.png",
        "/kb/en/account/../account/reset.png", "/kb/en/account/%2E%2E/%2E%2E/loose.png",
        "/kb/en/account/reset-password.md", "/kb/en/account/missing.png"}) {
    INFO(path);
    CHECK(client.Get(path)->status == 404);
  }
}

TEST_CASE("the search API takes several categories (any) and tags (any), both fields together") {
  Env env;
  env.StartServer();
  const kb_e2e::Params query = {{"q", "login password payment card invoice"}, {"lang", "en"}};
  auto ids = [&](kb_e2e::Params filters) {
    kb_e2e::Params params = query;
    params.insert(params.end(), filters.begin(), filters.end());
    std::vector<std::string> found = kb_e2e::HitIds(env.Search(params));
    std::sort(found.begin(), found.end());
    return found;
  };
  CHECK(ids({{"category", "account"}, {"category", "billing"}}) ==
        std::vector<std::string>{"en/account/reset-password", "en/account/two-step-verification",
                                 "en/billing/billing-address", "en/billing/billing-currency",
                                 "en/billing/invoices", "en/billing/payment-methods",
                                 "en/billing/refund-policy"});
  CHECK(ids({{"tag", "login"}, {"tag", "card"}}) ==
        std::vector<std::string>{"en/account/reset-password", "en/account/two-step-verification",
                                 "en/billing/billing-address", "en/billing/payment-methods"});
  // Any of the categories and any of the tags.
  CHECK(ids({{"category", "account"},
             {"category", "billing"},
             {"tag", "password"},
             {"tag", "card"}}) == std::vector<std::string>{"en/account/reset-password",
                                                           "en/billing/billing-address",
                                                           "en/billing/payment-methods"});
  // The search page takes the same filters.
  auto client = Client(env);
  auto page = client.Get("/search?q=password+card&lang=en&category=account&tag=password");
  CHECK(Has(page->body, "value=\"account\" checked"));
  CHECK(Has(page->body, "href=\"/kb/en/account/reset-password\""));
  CHECK_FALSE(Has(page->body, "href=\"/kb/en/billing/payment-methods\""));
}

TEST_SUITE_END();
