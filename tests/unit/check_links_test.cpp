// ExtractLinks (kb check's link scan) and CheckArticles over a folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "kb/articles/markdown_links.h"
#include "kb/publish/check.h"
#include "test_support.h"

namespace fs = std::filesystem;

TEST_SUITE_BEGIN("check");

TEST_CASE("links and images are found with their file lines") {
  struct Case {
    const char* text;
    std::vector<std::tuple<int, bool, std::string>> links;  // line, image, target
  };
  const Case cases[] = {
      {"---\ntitle: [a](b.md)\n---\nsee [x](../y.md)\n", {{4, false, "../y.md"}}},
      {"---\nt: 1\n---\n![alt](img/a.png \"title\")\n", {{4, true, "img/a.png"}}},
      {"---\nt: 1\n---\n[a](<b.md>) and [b](/kb/en/x)\n",
       {{4, false, "b.md"}, {4, false, "/kb/en/x"}}},
      {"---\nt: 1\n---\n```\n[code](no.md)\n```\n[after](yes.md)\n", {{7, false, "yes.md"}}},
      {"---\nt: 1\n---\n`[span](no.md)` [real](r.md)\n", {{4, false, "r.md"}}},
      {"---\nt: 1\n---\n\n[ref]: other.md \"T\"\n", {}},  // an unused definition is no link
      {"no front matter [a](b.md)\n", {{1, false, "b.md"}}},
  };
  for (const Case& c : cases) {
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

TEST_CASE(
    "a folder check reports broken links and missing images as errors, duplicates as warnings") {
  const kb::test::TempDir tmp("kb-check-test");
  const fs::path root = tmp.path();
  auto write = [&](const std::string& rel, const std::string& text) { tmp.Write(rel, text); };
  write("en/a.md",
        "---\ntitle: A\nlang: en\n---\n[b](b.md) [c](sub/c.md) ![i](i.png) ![j](j.png)\n");
  write("en/b.md", "---\ntitle: a\nlang: en\n---\n[up](../en/a.md) [kb](/kb/en/b#top)\n");
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

TEST_SUITE_END();
