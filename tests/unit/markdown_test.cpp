// Markdown body: safe HTML and plain text sections (through ParseArticle).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kb/articles/article.h"

namespace {

kb::Article ParseBody(const std::string& body) {
  kb::Diagnosed<kb::Article> parsed =
      kb::ParseArticle("en/a/b", "b.md", "---\ntitle: T\nlang: en\n---\n" + body);
  REQUIRE(parsed.ok());
  return std::move(parsed.value);
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("Markdown headings split the body into sections") {
  const kb::Article a = ParseBody(
      "Lead paragraph.\n\n# First *heading*\n\nText one.\n\nMore one.\n\n## Second\n\nText two.\n");
  REQUIRE(a.sections.size() == 3);
  CHECK(a.sections[0].heading_level == 0);
  CHECK(a.sections[0].heading.empty());
  CHECK(a.sections[0].text == "Lead paragraph.");
  CHECK(a.sections[1].heading_level == 1);
  CHECK(a.sections[1].heading == "First heading");
  CHECK(a.sections[1].text == "Text one.\n\nMore one.");
  CHECK(a.sections[2].heading_level == 2);
  CHECK(a.sections[2].heading == "Second");
  CHECK(a.sections[2].text == "Text two.");
  CHECK(a.PlainText() ==
        "Lead paragraph.\n\nFirst heading\n\nText one.\n\nMore one.\n\nSecond\n\nText two.");
}

TEST_CASE("Markdown without lead text starts with the first heading's section") {
  const kb::Article a = ParseBody("Setext title\n============\n\nBody.\n\n### Empty\n");
  REQUIRE(a.sections.size() == 2);
  CHECK(a.sections[0].heading_level == 1);
  CHECK(a.sections[0].heading == "Setext title");
  CHECK(a.sections[0].text == "Body.");
  CHECK(a.sections[1].heading == "Empty");
  CHECK(a.sections[1].text.empty());
}

TEST_CASE("Markdown renders CommonMark to HTML") {
  const kb::Article a = ParseBody("# Title\n\nSome *em* and [a link](https://example.com/x).\n");
  CHECK(Contains(a.html, "<h1>Title</h1>"));
  CHECK(Contains(a.html, "<em>em</em>"));
  CHECK(Contains(a.html, "<a href=\"https://example.com/x\">a link</a>"));
}

TEST_CASE("Markdown never passes raw HTML or script URLs through") {
  const std::vector<std::string> bodies = {
      "<script>alert(1)</script>\n",
      "Hello <script>alert(1)</script> there\n",
      "<img src=x onerror=alert(1)>\n",
      "Inline <img src=x onerror=alert(1)> image\n",
      "<div onclick=\"alert(1)\">click</div>\n",
      "[x](javascript:alert(1))\n",
      "[x](JAVASCRIPT:alert(1))\n",
      "![x](javascript:alert(1))\n",
      "<javascript:alert(1)>\n",
      "[x]: javascript:alert(1)\n\n[link][x]\n",
      "[x](vbscript:alert(1))\n",
  };
  for (const std::string& body : bodies) {
    CAPTURE(body);
    const kb::Article a = ParseBody(body);
    CHECK_FALSE(Contains(a.html, "<script"));
    CHECK_FALSE(Contains(a.html, "onerror"));
    CHECK_FALSE(Contains(a.html, "onclick"));
    CHECK_FALSE(Contains(a.html, "<img src=\"x\""));
    CHECK_FALSE(Contains(a.html, "href=\"javascript"));
    CHECK_FALSE(Contains(a.html, "href=\"JAVASCRIPT"));
    CHECK_FALSE(Contains(a.html, "src=\"javascript"));
    CHECK_FALSE(Contains(a.html, "vbscript"));
  }
}

TEST_CASE("Markdown plain text never glues words of separate blocks or lines") {
  struct Case {
    std::string markdown;
    std::vector<std::string> words;
  };
  const std::vector<Case> cases = {
      {"one\ntwo\n", {"one", "two"}},
      {"one  \ntwo\n", {"one", "two"}},
      {"one\\\ntwo\n", {"one", "two"}},
      {"one<br>two\n", {"one", "two"}},
      {"para1\n\npara2\n", {"para1", "para2"}},
      {"- a\n- b\n", {"a", "b"}},
      {"1. a\n2. b\n", {"a", "b"}},
      {"- a\n\n  nested\n- b\n", {"a", "nested", "b"}},
      {"> quoted\n\nafter\n", {"quoted", "after"}},
      {"> q1\n> q2\n", {"q1", "q2"}},
      {"text\n\n    code\n\nmore\n", {"text", "code", "more"}},
      {"before\n```\nx = 1\n```\nafter\n", {"before", "x", "=", "1", "after"}},
      {"a\n\n---\n\nb\n", {"a", "b"}},
      {"<div>raw</div>\n\nnext\n", {"next"}},
      {"**bold**word *em*\n", {"boldword", "em"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markdown);
    const kb::Article a = ParseBody(c.markdown);
    CHECK(Words(a.PlainText()) == c.words);
  }
}

TEST_CASE("Markdown plain text keeps code, link text and image alt text but no URLs") {
  const kb::Article a = ParseBody(
      "Run `kb index` now.\n\n```sh\nmake install\n```\n\n"
      "See [the reset page](https://example.com/reset) and ![login diagram](img/login.png).\n"
      "Or <https://auto.example.org>.\n");
  const std::string text = a.PlainText();
  CHECK(Contains(text, "Run kb index now."));
  CHECK(Contains(text, "make install"));
  CHECK(Contains(text, "the reset page"));
  CHECK(Contains(text, "login diagram"));
  CHECK_FALSE(Contains(text, "example.com/reset"));
  CHECK_FALSE(Contains(text, "img/login.png"));
  CHECK_FALSE(Contains(text, "```"));
  CHECK_FALSE(Contains(text, "sh\n"));
}

TEST_CASE("Markdown keeps right-to-left text intact") {
  const kb::Article a = ParseBody("## איפוס סיסמה\n\nכדי לאפס את הסיסמה\n");
  REQUIRE(a.sections.size() == 1);
  CHECK(a.sections[0].heading == "איפוס סיסמה");
  CHECK(a.sections[0].text == "כדי לאפס את הסיסמה");
}
