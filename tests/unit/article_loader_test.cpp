// ListArticleFiles, ReadArticleFile and checking whole folders (CheckArticles
// over NewFolderSource) on real folders.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kb/articles/article.h"
#include "kb/articles/article_names.h"
#include "kb/articles/id_key.h"
#include "kb/index/publish.h"
#include "kb/publish/check.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

using kb::test::Joined;
using kb::test::TempDir;

std::string Article(const std::string& title, const std::string& extra = "") {
  return "---\ntitle: " + title + "\nlang: en\n" + extra + "---\nBody of " + title + ".\n";
}

std::vector<std::string> Ids(const std::vector<kb::ArticleFile>& files) {
  std::vector<std::string> ids;
  for (const auto& f : files) ids.push_back(f.id);
  return ids;
}

// A folder as `kb check` sees it: the errors CheckArticles reports over a
// folder source (sorted by path and line; warnings left out), and the
// articles that source's entries parse to, in id order.
struct Checked {
  std::vector<kb::ArticleError> errors;
  std::vector<kb::Article> articles;
};

Checked CheckFolder(const std::string& root) {
  Checked checked;
  const std::unique_ptr<kb::ArticleSource> source = kb::NewFolderSource(root);
  kb::CheckInput input;
  input.source = source.get();
  input.file_exists = [](const std::string&) { return true; };
  for (const kb::CheckFinding& finding : kb::CheckArticles(input).findings)
    if (finding.severity == kb::CheckFinding::Severity::kError)
      checked.errors.push_back(finding.where);
  // The errors are the same as above.
  for (const kb::ArticleSource::Entry& entry : source->List().value) {
    const kb::Diagnosed<std::string> bytes = source->Read(entry);
    if (!bytes.ok()) continue;
    kb::Diagnosed<kb::Article> article = kb::ParseArticle(entry.id, entry.path, bytes.value);
    if (!article.ok()) continue;
    article.value.updated = entry.updated;
    checked.articles.push_back(std::move(article.value));
  }
  return checked;
}

}  // namespace

TEST_CASE("ListArticleFiles lists .md files by id and skips _ and . names") {
  TempDir dir;
  dir.Write("en/account/reset.md", Article("a"));
  dir.Write("en/account/2fa.md", Article("b"));
  dir.Write("he/intro.md", Article("c"));
  dir.Write("top.md", Article("d"));
  dir.Write("_synonyms.yml", "x");
  dir.Write("_draft.md", Article("e"));
  dir.Write("en/_partials/footer.md", Article("f"));
  dir.Write(".git/HEAD.md", "x");
  dir.Write("en/.hidden.md", Article("g"));
  dir.Write("en/notes.txt", "x");
  dir.Write("en/UPPER.MD", Article("h"));
  dir.Write("en/archive.md.bak", "x");
  const auto [files, errors] = kb::ListArticleFiles(dir.str());
  CHECK_MESSAGE(errors.empty(), Joined(errors));
  CHECK(Ids(files) ==
        std::vector<std::string>{"en/account/2fa", "en/account/reset", "he/intro", "top"});
  REQUIRE(files.size() == 4);
  CHECK(files[1].path == (dir.path() / "en/account/reset.md").string());
  CHECK(files[1].mtime > 1600000000);
}

TEST_CASE("Article naming rules shared by the folder and git sources") {
  CHECK(kb::HasArticleExtension("en/a.md"));
  CHECK_FALSE(kb::HasArticleExtension(".md"));
  CHECK_FALSE(kb::HasArticleExtension("en/a.MD"));
  CHECK_FALSE(kb::HasArticleExtension("en/a.md.bak"));
  CHECK(kb::IsHiddenName(""));
  CHECK(kb::IsHiddenName("_draft.md"));
  CHECK(kb::IsHiddenName(".git"));
  CHECK_FALSE(kb::IsHiddenName("a_b.md"));
  CHECK_FALSE(kb::IsHiddenPath("en/account/reset"));
  CHECK(kb::IsHiddenPath("en/_partials/footer"));
  CHECK(kb::IsHiddenPath(".hidden/a.md"));
  CHECK(kb::IsHiddenPath(""));
  CHECK(kb::IsHiddenPath("en//a"));
  CHECK(kb::IsHiddenPath("/en/a"));
  CHECK(kb::IsHiddenPath("en/a/"));
  CHECK(kb::StripBom("\xEF\xBB\xBF---\n") == "---\n");
  CHECK(kb::StripBom("---\n\xEF\xBB\xBF") == "---\n\xEF\xBB\xBF");
  std::map<std::string, std::string> first_by_key;
  kb::Diagnostics errors;
  kb::Diagnosed<std::string> bad = kb::ArticleIdOfName("en/caf\xFF.md", "root/en/caf\xFF.md");
  CHECK_FALSE(bad.ok());
  errors.Append(bad.diagnostics);
  const kb::Diagnosed<std::string> id = kb::ArticleIdOfName("en/a.md", "root/en/a.md");
  CHECK(id.ok());
  CHECK(id.value == "en/a");
  CHECK(kb::ClaimArticleId("en/A", "en/a", "root/en/A.md", &first_by_key).ok());
  errors.Append(kb::ClaimArticleId("en/a", "en/a", "root/en/a.md", &first_by_key));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].ToString() == "root/en/caf\\xFF.md: file name is not valid UTF-8; skipped");
  CHECK(errors[1].ToString() == "root/en/a.md: duplicate article id 'en/a' (same as 'en/A')");
}

TEST_CASE("ListArticleFiles treats a folder named like an article as a folder") {
  TempDir dir;
  dir.Write("en/odd.md/inner.md", Article("a"));
  const auto [files, errors] = kb::ListArticleFiles(dir.str());
  CHECK(Ids(files) == std::vector<std::string>{"en/odd.md/inner"});
  CHECK(errors.empty());
}

TEST_CASE("ListArticleFiles reports ids that collide after case folding and NFC") {
  TempDir dir;
  dir.Write("en/Reset.md", Article("a"));
  dir.Write("en/reset.md", Article("b"));
  dir.Write("fr/caf\xC3\xA9.md", Article("c"));   // NFC e-acute
  dir.Write("fr/cafe\xCC\x81.md", Article("d"));  // e + combining acute (NFD)
  dir.Write("de/STRASSE.md", Article("e"));
  dir.Write(
      "de/stra\xC3\x9F"
      "e.md",
      Article("f"));  // sharp s folds to "ss"
  const auto [files, errors] = kb::ListArticleFiles(dir.str());
  CHECK(Ids(files) == std::vector<std::string>{"de/STRASSE", "en/Reset", "fr/cafe\xCC\x81"});
  REQUIRE_MESSAGE(errors.size() == 3, Joined(errors));
  CHECK(errors[0].line == 0);
  CHECK(errors[0].path == (dir.path() / "de/stra\xC3\x9F"
                                        "e.md")
                              .string());
  CHECK(errors[0].message ==
        "duplicate article id 'de/stra\xC3\x9F"
        "e' (same as 'de/STRASSE')");
  CHECK(errors[1].message == "duplicate article id 'en/reset' (same as 'en/Reset')");
  CHECK(errors[2].message == "duplicate article id 'fr/caf\xC3\xA9' (same as 'fr/cafe\xCC\x81')");
}

TEST_CASE("ListArticleFiles reports a missing root or a root that is a file") {
  TempDir dir;
  dir.Write("file.md", Article("a"));
  struct Case {
    std::string root;
    std::string message;
  };
  const std::vector<Case> cases = {
      {(dir.path() / "missing").string(), "articles root does not exist"},
      {(dir.path() / "file.md").string(), "articles root is not a directory"},
  };
  for (const Case& c : cases) {
    const auto [files, errors] = kb::ListArticleFiles(c.root);
    CHECK(files.empty());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 0);
    CHECK(errors[0].ToString() == c.root + ": " + c.message);
  }
}

TEST_CASE("ListArticleFiles follows file symlinks inside the root only, never folder links") {
  TempDir outside;
  outside.Write("secret.md", Article("secret"));
  outside.Write("folder/leak.md", Article("leak"));
  TempDir dir;
  dir.Write("en/real.md", Article("real"));
  fs::create_symlink(dir.path() / "en/real.md", dir.path() / "en/alias.md");
  fs::create_symlink(outside.path() / "secret.md", dir.path() / "en/secret.md");
  fs::create_directory_symlink(outside.path() / "folder", dir.path() / "linked");
  fs::create_directory_symlink(dir.path() / "en", dir.path() / "loop");
  fs::create_symlink(dir.path() / "nowhere.md", dir.path() / "en/broken.md");
  const auto [files, errors] = kb::ListArticleFiles(dir.str());
  CHECK(Ids(files) == std::vector<std::string>{"en/alias", "en/real"});
  REQUIRE_MESSAGE(errors.size() == 2, Joined(errors));
  CHECK(errors[0].path == (dir.path() / "en/broken.md").string());
  CHECK(errors[0].message.rfind("cannot resolve symlink", 0) == 0);
  CHECK(errors[1].path == (dir.path() / "en/secret.md").string());
  CHECK(errors[1].message == "symlink points outside the articles root; skipped");
}

TEST_CASE("ReadArticleFile reads a file and reports unreadable or oversized ones") {
  TempDir dir;
  dir.Write("ok.md", "hello");
  dir.Write("big.md", std::string(static_cast<size_t>(kb::kMaxArticleBytes) + 1, 'x'));
  dir.Write("limit.md", std::string(static_cast<size_t>(kb::kMaxArticleBytes), 'x'));
  const auto ok = kb::ReadArticleFile({"ok", (dir.path() / "ok.md").string(), 0, ""});
  CHECK(ok.ok());
  CHECK(ok.value == "hello");
  const auto limit = kb::ReadArticleFile({"limit", (dir.path() / "limit.md").string(), 0, ""});
  CHECK(limit.ok());
  CHECK(limit.value.size() == static_cast<size_t>(kb::kMaxArticleBytes));

  kb::Diagnostics errors;
  const std::string missing = (dir.path() / "missing.md").string();
  const auto missing_read = kb::ReadArticleFile({"missing", missing, 0, ""});
  CHECK_FALSE(missing_read.ok());
  errors.Append(missing_read.diagnostics);
  const std::string big = (dir.path() / "big.md").string();
  const auto big_read = kb::ReadArticleFile({"big", big, 0, ""});
  CHECK_FALSE(big_read.ok());
  CHECK(big_read.value.empty());
  errors.Append(big_read.diagnostics);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].ToString() == missing + ": cannot read file: No such file or directory");
  CHECK(errors[1].ToString() == big + ": article too large (4194305 bytes, limit 4 MiB)");
}

TEST_CASE("A folder checked: every article parses, sorted by id, with mtime as updated") {
  TempDir dir;
  dir.Write("he/account/reset.md", Article("Reset HE", "translation_of: /en/account/reset.md\n"));
  dir.Write("en/account/reset.md", Article("Reset EN"));
  dir.Write("en/billing/refund.md", Article("Refund"));
  const Checked loaded = CheckFolder(dir.str());
  CHECK_MESSAGE(loaded.errors.empty(), Joined(loaded.errors));
  REQUIRE(loaded.articles.size() == 3);
  CHECK(loaded.articles[0].id == "en/account/reset");
  CHECK(loaded.articles[1].id == "en/billing/refund");
  CHECK(loaded.articles[2].id == "he/account/reset");
  CHECK(loaded.articles[2].translation_of == "en/account/reset");
  CHECK(loaded.articles[1].category == "billing");
  CHECK(loaded.articles[0].updated > 1600000000);
  CHECK(loaded.articles[0].path == (dir.path() / "en/account/reset.md").string());
}

TEST_CASE(
    "A folder checked: a translation_of to a missing id or to itself is an error on its line") {
  TempDir dir;
  dir.Write("en/a.md", Article("A", "translation_of: en/nope\n"));
  dir.Write("en/b.md", Article("B", "faq: true\ntranslation_of: en/b\n"));
  dir.Write("en/c.md", Article("C", "translation_of: en/broken\n"));
  dir.Write("en/broken.md", "no front matter\n");
  const Checked loaded = CheckFolder(dir.str());
  const std::string root = dir.str();
  REQUIRE_MESSAGE(loaded.errors.size() == 3, Joined(loaded.errors));
  // In file order (ids are sorted), each on its own line.
  CHECK(loaded.errors[0].ToString() ==
        root + "/en/a.md:4: translation_of 'en/nope' is not an existing article id");
  CHECK(loaded.errors[1].ToString() ==
        root + "/en/b.md:5: translation_of 'en/b' names the article itself");
  CHECK(loaded.errors[2].ToString() == root +
                                           "/en/broken.md:1: missing front matter "
                                           "(the file must start with a '---' line)");
  CHECK(loaded.articles.size() == 3);  // a, b, c parsed; only broken is missing
}

TEST_CASE("A folder checked: every bad fixture under tests/data/articles-bad is an error") {
  const std::string root = std::string(KB_TEST_DATA_DIR) + "/articles-bad";
  const Checked loaded = CheckFolder(root);
  const std::vector<std::string> expected = {
      root + "/en/bad-audience.md:4: unknown audience 'everyone' (expected public or internal)",
      root + "/en/bad-utf8.md:6: invalid UTF-8 (byte 0xFF at column 8)",
      root + "/en/bad-yaml.md:4: invalid YAML in front matter: illegal map value",
      root + "/en/missing-title.md:1: missing required field 'title'",
      root + "/en/misspelled-key.md:4: unknown key 'audiance' (did you mean 'audience'?)",
      root +
          "/en/no-front-matter.md:1: missing front matter (the file must start with a '---' line)",
      root +
          "/en/unclosed.md:1: front matter is not closed (no '---' line after the opening '---')",
      root + "/en/wrong-types.md:2: 'title' must be a string, not a list",
      root + "/en/wrong-types.md:4: 'tags' must be a list of strings, not a mapping",
      root + "/en/wrong-types.md:7: 'faq' must be true or false, not 'maybe'",
      root +
          "/he/dangling-translation.md:4: translation_of 'he/nowhere' is not an existing article "
          "id",
  };
  std::vector<std::string> got;
  for (const auto& e : loaded.errors) got.push_back(e.ToString());
  for (size_t i = 0; i < std::max(got.size(), expected.size()); ++i) {
    CHECK((i < got.size() ? got[i] : "") == (i < expected.size() ? expected[i] : ""));
  }
  REQUIRE(loaded.articles.size() == 2);
  CHECK(loaded.articles[0].id == "en/good");
  CHECK(loaded.articles[1].id == "he/dangling-translation");
}

TEST_CASE("ArticleIdKey folds case and normalizes, ASCII and not") {
  std::string ascii, lower;
  for (int c = 1; c < 0x80; ++c) {
    ascii += static_cast<char>(c);
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  CHECK(kb::ArticleIdKey(ascii) == lower);
  CHECK(kb::ArticleIdKey("EN/Account/Reset-Password") == "en/account/reset-password");
  // Not ASCII: Unicode case folding and NFC (e + combining acute is é).
  CHECK(kb::ArticleIdKey("el/ΚΩΔΙΚΟΣ") == "el/κωδικοσ");
  CHECK(kb::ArticleIdKey("fr/Cafe\xCC\x81") == kb::ArticleIdKey("fr/caf\xC3\xA9"));
  CHECK(kb::ArticleIdKey("de/STRASSE") == kb::ArticleIdKey("de/stra\xC3\x9F"
                                                           "e"));
}
