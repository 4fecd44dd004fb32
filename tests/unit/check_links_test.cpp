// ExtractLinks (kb check's link scan) and CheckArticles over a folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "kb/articles/markdown_links.h"
#include "kb/publish/check.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace fs = std::filesystem;

TEST_SUITE_BEGIN("check");

namespace {

// A Markdown article file and the links ExtractLinks must find in it.
struct LinkCase {
  std::string text;
  std::vector<std::tuple<int, bool, std::string>> links;  // line, image, target
};

void CheckLinkCases(const std::vector<LinkCase>& cases) {
  for (const LinkCase& c : cases) {
    INFO(c.text);
    const auto links = kb::ExtractLinks(c.text);
    REQUIRE(links.size() == c.links.size());
    for (size_t i = 0; i < links.size(); ++i) {
      CHECK(links[i].line == std::get<0>(c.links[i]));
      CHECK(links[i].image == std::get<1>(c.links[i]));
      CHECK(links[i].target == std::get<2>(c.links[i]));
    }
  }
}

constexpr const char* kFront = "---\nt: 1\n---\n";  // the body starts on line 4

std::string Article(const std::string& body) { return kFront + body; }

}  // namespace

TEST_CASE("links and images are found with their file lines") {
  CheckLinkCases({
      {"---\ntitle: [a](b.md)\n---\nsee [x](../y.md)\n", {{4, false, "../y.md"}}},
      {"---\nt: 1\n---\n![alt](img/a.png \"title\")\n", {{4, true, "img/a.png"}}},
      {"---\nt: 1\n---\n[a](<b.md>) and [b](/kb/en/x)\n",
       {{4, false, "b.md"}, {4, false, "/kb/en/x"}}},
      {"---\nt: 1\n---\n```\n[code](no.md)\n```\n[after](yes.md)\n", {{7, false, "yes.md"}}},
      {"---\nt: 1\n---\n`[span](no.md)` [real](r.md)\n", {{4, false, "r.md"}}},
      {"---\nt: 1\n---\n\n[ref]: other.md \"T\"\n", {}},  // an unused definition is no link
      {"no front matter [a](b.md)\n", {{1, false, "b.md"}}},
      {"\xEF\xBB\xBF---\nt: 1\n---\n[bom](b.md)\n", {{4, false, "b.md"}}},
  });
}

TEST_CASE("code spans, indented code and HTML blocks hold no links") {
  CheckLinkCases({
      {Article("``[a](no.md) `x` ``\n`` `[b](no.md)` ``\n"), {}},
      {Article("text\n\n    [a](no.md)\n\n[b](yes.md)\n"), {{8, false, "yes.md"}}},
      {Article("<div>\n[a](no.md)\n</div>\n\n[b](yes.md)\n"), {{8, false, "yes.md"}}},
      {Article("<!--\n[a](no.md)\n-->\n[b](yes.md)\n"), {{7, false, "yes.md"}}},
  });
}

TEST_CASE("a link is on the line where it starts, also after soft and hard breaks") {
  CheckLinkCases({
      {Article("see [the\nguide](g.md) and [x](x.md)\n"), {{4, false, "g.md"}, {5, false, "x.md"}}},
      {Article("first line\n[a](a.md) [b](b.md)\nthird ![i](i.png) [c](c.md)\n"),
       {{5, false, "a.md"}, {5, false, "b.md"}, {6, true, "i.png"}, {6, false, "c.md"}}},
      {Article("one\\\n[a](a.md)  \n[b](b.md)\n"), {{5, false, "a.md"}, {6, false, "b.md"}}},
      {Article("> quote\n> [q](q.md)\n\n- item\n  [l](l.md)\n"),
       {{5, false, "q.md"}, {8, false, "l.md"}}},
      {Article("# Title [h](h.md)\n\nSetext\n[s](s.md)\n===\n"),
       {{4, false, "h.md"}, {7, false, "s.md"}}},
      {Article("x\n[![alt](i.png)](a.md)\n"), {{5, false, "a.md"}, {5, true, "i.png"}}},
  });
}

TEST_CASE("reference-style links are reported where they are used, with the definition's URL") {
  CheckLinkCases({
      {Article("[a][ref] and\n![img][pic]\n\n[ref]: <o d.md> \"T\"\n[pic]: i.png\n"),
       {{4, false, "o d.md"}, {5, true, "i.png"}}},
      {Article("[ref][] and [ref]\n\n[ref]: other.md\n"),
       {{4, false, "other.md"}, {4, false, "other.md"}}},
      {Article("[ref]: other.md\nSee [a][ref].\n"), {{5, false, "other.md"}}},
      {Article("[a][nothing] is text\n"), {}},
  });
}

TEST_CASE("autolinks are reported with their URL (a folder check skips them as absolute)") {
  CheckLinkCases({
      {Article("<https://example.com/x.md>\nmail <help@example.com>\n"),
       {{4, false, "https://example.com/x.md"}, {5, false, "mailto:help@example.com"}}},
  });
}

TEST_CASE("destinations are read as CommonMark reads them") {
  CheckLinkCases({
      {Article("[a](b\\_c.md) [d](e&amp;f.md) [g](h%20i.md) [j]()\n"),
       {{4, false, "b_c.md"}, {4, false, "e&f.md"}, {4, false, "h%20i.md"}, {4, false, ""}}},
  });
}

TEST_CASE(
    "a folder check reports broken links and missing images as errors, duplicates as warnings") {
  const kb::test::TempDir tmp("kb-check-test");
  const fs::path root = tmp.path();
  auto write = [&](const std::string& rel, const std::string& text) { tmp.Write(rel, text); };
  write("en/a.md",
        "---\ntitle: A\nlang: en\n---\n[b](b.md) [c](sub/c.md) ![i](i.png) ![j](j.png)\n");
  write("en/b.md",
        "---\ntitle: a\nlang: en\n---\n[up](../en/a.md) [kb](/kb/en/b#top) <https://x.org/y.md>\n");
  write("en/i.png", "PNG");
  auto source = kb::NewFolderSource(root.string());
  kb::CheckInput input;
  input.source = source.get();
  input.file_exists = [&](const std::string& p) { return fs::is_regular_file(root / p); };
  const kb::CheckReport report = kb::CheckArticles(input);
  std::vector<std::string> lines;
  for (const auto& f : report.findings) lines.push_back(f.ToString());
  const std::string a = (root / "en/a.md").string(), b = (root / "en/b.md").string();
  CHECK(lines ==
        std::vector<std::string>{a + ":5: error: broken link 'sub/c.md': no article en/sub/c",
                                 a + ":5: error: missing image 'j.png' (no file en/j.png)",
                                 b + ":2: warning: duplicate title in 'en': same as " + a});
  CHECK(report.errors() == 2);
  CHECK(report.warnings() == 1);
}

TEST_CASE("a folder check refuses an image the portal would not serve: not beside any article") {
  const kb::test::TempDir tmp("kb-check-test");
  const fs::path root = tmp.path();
  tmp.Write("en/account/a.md",
            "---\ntitle: A\nlang: en\n---\n![ok](img/a.png) ![far](../../shared/logo.png)\n");
  tmp.Write("en/account/img/a.png", "PNG");
  tmp.Write("shared/logo.png", "PNG");
  auto source = kb::NewFolderSource(root.string());
  kb::CheckInput input;
  input.source = source.get();
  input.file_exists = [&](const std::string& p) { return fs::is_regular_file(root / p); };
  const kb::CheckReport report = kb::CheckArticles(input);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].ToString() ==
        (root / "en/account/a.md").string() +
            ":5: error: image '../../shared/logo.png' is not in the folder of an article: the "
            "portal serves only files beside articles");
}

TEST_SUITE_END();
