// The portal's pure parts: the UI language, article links, ICU messages,
// the site config, and link resolution shared with `kb check`.
#include "kb/portal/portal.h"

#include <doctest/doctest.h>

#include "kb/articles/link_target.h"
#include "portal/article_html.h"
#include "portal/messages.h"
#include "portal/svg_chart.h"
#include "portal/ui_language.h"
#include "test_support.h"

using kb::portal::AcceptedLanguages;
using kb::portal::ChooseUiLanguage;

TEST_CASE("AcceptedLanguages: primary languages by q-value, malformed and q=0 dropped") {
  CHECK(AcceptedLanguages("fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7") ==
        std::vector<std::string>{"fa", "en"});
  CHECK(AcceptedLanguages("en;q=0.2, he") == std::vector<std::string>{"he", "en"});
  CHECK(AcceptedLanguages("el;q=0, *, 12, de") == std::vector<std::string>{"de"});
  CHECK(AcceptedLanguages("").empty());
}

TEST_CASE("ChooseUiLanguage: the URL, else Accept-Language, else the site default") {
  const std::vector<std::string> ui = {"el", "en", "fa", "he"};
  CHECK(ChooseUiLanguage({"he", "fa", "en"}, ui) == "he");
  CHECK(ChooseUiLanguage({"HE-il", "", "en"}, ui) == "he");
  CHECK(ChooseUiLanguage({"de", "fa;q=0.5, el", "en"}, ui) == "el");
  CHECK(ChooseUiLanguage({"<script>", "de", "en"}, ui) == "en");
}

TEST_CASE("ResolveLinkTarget reads links as kb check does") {
  struct Case {
    const char* target;
    kb::LinkKind kind;
    const char* path;
  } cases[] = {
      {"../account/reset-password.md", kb::LinkKind::kArticle, "en/account/reset-password"},
      {"refunds.md#how", kb::LinkKind::kArticle, "en/billing/refunds"},
      {"/kb/he/account/x/", kb::LinkKind::kArticle, "he/account/x"},
      {"images/card%20front.png", kb::LinkKind::kFile, "en/billing/images/card front.png"},
      {"../../../etc/passwd", kb::LinkKind::kOutside, ""},
      {"https://example.com/a.md", kb::LinkKind::kElsewhere, ""},
      {"#top", kb::LinkKind::kElsewhere, ""},
      {"/logo.png", kb::LinkKind::kSite, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.target);
    const kb::LinkTarget t = kb::ResolveLinkTarget("en/billing/invoices", c.target);
    CHECK(t.kind == c.kind);
    CHECK(t.path == c.path);
  }
}

TEST_CASE("RewriteArticleLinks turns links to article files into portal URLs, nothing else") {
  const std::string html =
      "<p><a href=\"../account/reset-password.md#steps\">a</a> "
      "<a href=\"https://example.com/x.md\">b</a> <a href=\"../../../x.md\">c</a> "
      "<img src=\"card.png\" alt=\"\" /></p>";
  CHECK(kb::portal::RewriteArticleLinks(html, "en/billing/invoices", "https://help.example.com") ==
        "<p><a href=\"https://help.example.com/kb/en/account/reset-password#steps\">a</a> "
        "<a href=\"https://example.com/x.md\">b</a> <a href=\"../../../x.md\">c</a> "
        "<img src=\"card.png\" alt=\"\" /></p>");
}

TEST_CASE("Messages format with ICU: plural rules, Persian digits and calendar, direction") {
  auto messages =
      kb::portal::Messages::Load(std::string(KB_SOURCE_DIR) + "/templates/messages", "en");
  REQUIRE(messages.ok());
  const std::vector<std::string> languages = messages->Languages();
  CHECK(languages == std::vector<std::string>{"el", "en", "fa", "he"});
  auto count = [&](const std::string& lang, int64_t n) {
    return messages->Format(lang, "search_count", {{"count", n, "", false}});
  };
  CHECK(count("en", 1) == "1 article found");
  CHECK(count("en", 3) == "3 articles found");
  CHECK(count("he", 2) == "נמצאו שני מאמרים");
  CHECK(count("fa", 12) == "۱۲ مقاله پیدا شد");
  CHECK(messages->Number("fa", 2026) == "۲٬۰۲۶");
  // 2024-03-20 12:00 UTC is 1 Farvardin 1403 in the Persian calendar.
  CHECK(messages->Date("fa", 1710936000) == "۱ فروردین ۱۴۰۳");
  CHECK(messages->Date("en", 1710936000) == "March 20, 2024");
  CHECK(kb::portal::Messages::RightToLeft("he"));
  CHECK(kb::portal::Messages::RightToLeft("fa"));
  CHECK_FALSE(kb::portal::Messages::RightToLeft("el"));
}

TEST_CASE("Messages::Load refuses a file missing a message of the default language") {
  kb::test::TempDir dir;
  dir.Write("en.json", R"({"a": "A", "b": "{n, plural, one {# x} other {# xs}}"})");
  dir.Write("he.json", R"({"a": "א"})");
  auto messages = kb::portal::Messages::Load(dir.str(), "en");
  REQUIRE_FALSE(messages.ok());
  CHECK(messages.status().message() == dir.str() + "/he.json: missing message 'b'");
  dir.Write("he.json", R"({"a": "א", "b": "{n, plural, one {# x"})");
  CHECK_FALSE(kb::portal::Messages::Load(dir.str(), "en").ok());
}

TEST_CASE("LoadSiteConfig checks every key before the server starts") {
  kb::test::TempDir dir;
  dir.Write("ok.json",
            R"({"name": "Nuvo", "default_lang": "he", "ticket_url": "https://t.example/new",
                           "colors": {"accent": "#c00"}})");
  auto site = kb::portal::LoadSiteConfig(dir.Sub("ok.json"));
  REQUIRE(site.ok());
  CHECK(site->name == "Nuvo");
  CHECK(site->default_lang == "he");
  CHECK(site->accent_color == "#c00");
  for (const char* bad : {R"({"nmae": "x"})", R"j({"ticket_url": "javascript:alert(1)"})j",
                          R"({"colors": {"accent": "red;}"}})", R"([1])"}) {
    CAPTURE(bad);
    dir.Write("bad.json", bad);
    CHECK(kb::portal::LoadSiteConfig(dir.Sub("bad.json")).status().code() ==
          kb::StatusCode::kInvalidArgument);
  }
}

TEST_CASE(
    "BarChartSvg: one bar per item scaled to the largest, labels escaped, figures in <desc>") {
  const std::string svg = kb::portal::BarChartSvg(
      "Top failed searches", {{"<script>x</script>", 10}, {"refund", 5}, {"zero", 0}}, {400, 120});
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("<title>Top failed searches</title>") != std::string::npos);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("<desc>&lt;script&gt;x&lt;/script&gt;: 10; refund: 5; zero: 0</desc>") !=
        std::string::npos);
  // 400 wide - 180 labels - 16 margins - 40 value text = 164 for the largest.
  CHECK(svg.find("width=\"164\"") != std::string::npos);
  CHECK(svg.find("width=\"82\"") != std::string::npos);
  CHECK(svg.find("width=\"0\"") != std::string::npos);
  CHECK(kb::portal::BarChartSvg("Empty", {}).find("<rect") == std::string::npos);
}

TEST_CASE("TimeSeriesSvg: a polyline per series over the x labels, y from 0 to the largest") {
  const std::string svg = kb::portal::TimeSeriesSvg(
      "Searches", {"1 Dec", "2 Dec", "3 Dec"},
      {{"searches", {0, 50, 100}}, {"self-service", {0, 25}}}, {240, 120});
  // x from 40 to 232; y from 92 (0) to 8 (100).
  CHECK(svg.find("class=\"series-0\" fill=\"none\" points=\"40,92 136,50 232,8\"") !=
        std::string::npos);
  CHECK(svg.find("class=\"series-1\" fill=\"none\" points=\"40,92 136,71\"") != std::string::npos);
  CHECK(svg.find(
            "<desc>searches: 1 Dec 0 2 Dec 50 3 Dec 100; self-service: 1 Dec 0 2 Dec 25</desc>") !=
        std::string::npos);
  CHECK(svg.find(">2 Dec</text>") != std::string::npos);
}
