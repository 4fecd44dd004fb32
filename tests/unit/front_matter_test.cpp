// ParseArticle: front matter, UTF-8 checks and error lines (CONTRACT.md §1).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kb/articles/article.h"
#include "kb/core/sha256.h"
#include "kb/core/utf8.h"
#include "test_support.h"

namespace {

using kb::test::Joined;

struct Parsed {
  bool ok = false;
  kb::Article article;
  kb::Diagnostics errors;
};

Parsed Parse(const std::string& bytes, const std::string& id = "en/account/reset") {
  kb::Diagnosed<kb::Article> parsed = kb::ParseArticle(id, "a.md", bytes);
  return {parsed.ok(), std::move(parsed.value), std::move(parsed.diagnostics)};
}

const std::string kHead = "---\ntitle: Reset\nlang: en\n";

}  // namespace

TEST_CASE("ParseArticle reports each malformed file with its line and message") {
  struct Case {
    const char* name;
    std::string bytes;
    int line;
    const char* message;  // substring of the single expected error
  };
  const std::vector<Case> cases = {
      {"empty file", "", 1, "missing front matter (the file must start with a '---' line)"},
      {"no front matter", "title: x\nlang: en\n", 1, "missing front matter"},
      {"text before the opening line", "\n---\ntitle: x\nlang: en\n---\n", 1,
       "missing front matter"},
      {"unclosed", "---\ntitle: x\nlang: en\nbody\n", 1, "front matter is not closed"},
      {"bad YAML flow list", "---\ntitle: x\nlang: en\ntags: [a, b\n---\n", 5, "invalid YAML"},
      {"bad YAML map value", "---\ntitle: x\nlang: en\nfoo: bar: baz\n---\n", 4,
       "illegal map value"},
      {"bad YAML tab", "---\ntitle: x\n\tlang: en\n---\n", 3, "invalid YAML"},
      // yaml-cpp quotes the first byte of the escaped character, 0xF0 of 😀.
      // yaml-cpp would read "my\0Nuvo" as "my\x85uvo", which is not UTF-8.
      {"NUL in a plain scalar", kHead + "category: my" + std::string(1, '\0') + "Nuvo\n---\n", 4,
       "control character U+0000 at column 13 is not allowed in YAML"},
      {"escape control character", kHead + "tags: [a, \x1B[31mred]\n---\n", 4,
       "control character U+001B"},
      {"DEL", "---\ntitle: x\x7F\nlang: en\n---\n", 2, "control character U+007F at column 9"},
      // A Windows-1252 closing quote decoded as Latin-1: "don\u0092t".
      {"C1 control", "---\ntitle: don\xC2\x92t\nlang: en\n---\n", 2,
       "control character U+0092 at column 11"},
      {"C1 control after Hebrew", "---\ntitle: \xD7\xA9\xC2\x80\nlang: he\n---\n", 2,
       "control character U+0080 at column 10"},
      {"noncharacter U+FFFE", kHead + "tags: [a\xEF\xBF\xBE]\n---\n", 4,
       "noncharacter U+FFFE at column 9"},
      {"noncharacter U+FFFF", kHead + "category: \xEF\xBF\xBF\n---\n", 4,
       "noncharacter U+FFFF at column 11"},
      {"bad YAML escape of a non-ASCII character",
       "---\ntitle: \"a\\\xF0\x9F\x98\x80\"\nlang: en\n---\n", 2,
       "unknown escape character: \\xF0"},
      {"not a mapping", "---\n- a\n- b\n---\n", 2, "front matter must be a YAML mapping"},
      {"missing title", "---\nlang: en\n---\n", 1, "missing required field 'title'"},
      {"empty title", "---\nlang: en\ntitle: \"  \"\n---\n", 3, "'title' must not be empty"},
      {"null title", "---\ntitle:\nlang: en\n---\n", 2, "'title' must not be empty"},
      {"title is a list", "---\ntitle: [a, b]\nlang: en\n---\n", 2,
       "'title' must be a string, not a list"},
      {"missing lang", "---\ntitle: x\n---\n", 1, "missing required field 'lang'"},
      {"empty lang", "---\ntitle: x\nlang: ''\n---\n", 3, "'lang' must not be empty"},
      {"lang is a word", kHead.substr(0, 17) + "lang: english\n---\n", 3, "invalid lang 'english'"},
      {"lang with digits", "---\ntitle: x\nlang: e1\n---\n", 3, "invalid lang 'e1'"},
      {"lang one letter", "---\ntitle: x\nlang: e\n---\n", 3, "invalid lang"},
      {"lang bad subtag", "---\ntitle: x\nlang: en-toolongsubtag\n---\n", 3, "invalid lang"},
      {"lang is a map", "---\ntitle: x\nlang: {a: b}\n---\n", 3,
       "'lang' must be a string, not a mapping"},
      {"unknown audience", kHead + "audience: everyone\n---\n", 4,
       "unknown audience 'everyone' (expected public or internal)"},
      {"faq maybe", kHead + "faq: maybe\n---\n", 4, "'faq' must be true or false, not 'maybe'"},
      {"draft list", kHead + "draft: [x]\n---\n", 4, "'draft' must be true or false, not a list"},
      {"tags map", kHead + "tags: {a: 1}\n---\n", 4,
       "'tags' must be a list of strings, not a mapping"},
      {"tags nested list", kHead + "tags:\n  - a\n  - [b]\n---\n", 6, "an item is a list"},
      {"order text", kHead + "order: first\n---\n", 4,
       "'order' must be a positive integer (1 comes first), not 'first'"},
      {"order fraction", kHead + "order: 1.5\n---\n", 4, "'order' must be a positive integer"},
      {"order zero", kHead + "order: 0\n---\n", 4, "'order' must be a positive integer"},
      {"order negative", kHead + "order: -2\n---\n", 4, "'order' must be a positive integer"},
      {"category list", kHead + "category: [a]\n---\n", 4, "'category' must be a string"},
      {"translation_of map", kHead + "translation_of: {a: b}\n---\n", 4,
       "'translation_of' must be a string"},
      {"duplicate key", kHead + "title: Again\n---\n", 4, "duplicate key 'title'"},
      {"invalid UTF-8 in body",
       kHead + "---\nab\xFF"
               "cd\n",
       5, "invalid UTF-8 (byte 0xFF at column 3)"},
      {"invalid UTF-8 in front matter", "---\ntitle: \xC3(\nlang: en\n---\n", 2,
       "invalid UTF-8 (byte 0xC3 at column 8)"},
      {"overlong encoding", kHead + "---\n\xC0\xAF\n", 5, "byte 0xC0 at column 1"},
      {"UTF-16 surrogate", kHead + "---\nx\xED\xA0\x80\n", 5, "byte 0xED at column 2"},
      {"above U+10FFFF", kHead + "---\n\xF4\x90\x80\x80\n", 5, "byte 0xF4"},
      {"truncated at end", kHead + "---\nabc\xE2\x82", 5, "byte 0xE2 at column 4"},
      {"lone continuation byte", kHead + "---\n\x80", 5, "byte 0x80 at column 1"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    const Parsed p = Parse(c.bytes);
    CHECK_FALSE(p.ok);
    REQUIRE_MESSAGE(p.errors.size() == 1, Joined(p.errors));
    CHECK(p.errors[0].path == "a.md");
    CHECK(p.errors[0].line == c.line);
    CHECK_MESSAGE(p.errors[0].message.find(c.message) != std::string::npos, p.errors[0].message);
    CHECK(kb::IsValidUtf8(p.errors[0].ToString()));  // it reaches JSON and terminals
  }
}

TEST_CASE("ParseArticle collects every front matter error of a file, not just the first") {
  const Parsed p = Parse("---\ntitle: [a]\nlang: 12345\naudience: x\nfaq: maybe\n---\nbody\n");
  CHECK_FALSE(p.ok);
  REQUIRE_MESSAGE(p.errors.size() == 4, Joined(p.errors));
  CHECK(p.errors[0].line == 2);
  CHECK(p.errors[1].line == 3);
  CHECK(p.errors[2].line == 4);
  CHECK(p.errors[3].line == 5);
}

TEST_CASE("ParseArticle reports both missing required fields") {
  const Parsed p = Parse("---\ncategory: x\n---\n");
  REQUIRE(p.errors.size() == 2);
  CHECK(p.errors[0].ToString() == "a.md:1: missing required field 'title'");
  CHECK(p.errors[1].ToString() == "a.md:1: missing required field 'lang'");
}

TEST_CASE("ParseArticle returns its problems on failure") {
  const kb::Diagnosed<kb::Article> parsed = kb::ParseArticle("x", "x.md", "no front matter");
  CHECK_FALSE(parsed.ok());
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].path == "x.md");
}

TEST_CASE("ParseArticle fills every front matter field") {
  const Parsed p = Parse(
      "---\ntitle: '  How do I reset my password?  '\nlang: en\ncategory: login\n"
      "tags: [login, password]\naudience: internal\nfaq: true\ndraft: yes\norder: 3\n"
      "translation_of: he/account/reset\n---\nBody.\n");
  REQUIRE_MESSAGE(p.ok, Joined(p.errors));
  const kb::Article& a = p.article;
  CHECK(a.id == "en/account/reset");
  CHECK(a.path == "a.md");
  CHECK(a.title == "How do I reset my password?");
  CHECK(a.lang == "en");
  CHECK(a.category == "login");
  CHECK(a.tags == std::vector<std::string>{"login", "password"});
  CHECK(a.audience == kb::Audience::kInternal);
  CHECK(a.faq);
  CHECK(a.draft);
  CHECK(a.order == 3);
  CHECK(a.translation_of == "he/account/reset");
}

TEST_CASE("ParseArticle defaults: public, not faq, not draft, order 0, no tags") {
  const Parsed p = Parse(kHead + "---\n");
  REQUIRE(p.ok);
  CHECK(p.article.audience == kb::Audience::kPublic);
  CHECK_FALSE(p.article.faq);
  CHECK_FALSE(p.article.draft);
  CHECK(p.article.order == 0);
  CHECK(p.article.tags.empty());
  CHECK(p.article.translation_of.empty());
  CHECK(p.article.sections.empty());
}

TEST_CASE("ParseArticle defaults the category to the parent folder's name") {
  struct Case {
    const char* id;
    std::string front;
    const char* category;
  };
  const std::vector<Case> cases = {
      {"en/account/reset", "", "account"},
      {"he/deep/er/billing/refund", "", "billing"},
      {"en/reset", "", "en"},
      {"reset", "", "general"},
      {"en/account/reset", "category: security\n", "security"},
      {"en/account/reset", "category: ''\n", "account"},
      {"en/account/reset", "category:\n", "account"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CAPTURE(c.front);
    const Parsed p = Parse(kHead + c.front + "---\n", c.id);
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.category == c.category);
  }
}

TEST_CASE("ParseArticle accepts tags as a list, a block list or a single string") {
  struct Case {
    std::string yaml;
    std::vector<std::string> tags;
  };
  const std::vector<Case> cases = {
      {"tags: [login, password]\n", {"login", "password"}},
      {"tags:\n  - login\n  - 'two words'\n", {"login", "two words"}},
      {"tags: login\n", {"login"}},
      {"tags:\n", {}},
      {"tags: []\n", {}},
      {"tags: [a, a, ' b ', '']\n", {"a", "b"}},
      {"tags: [2024, true]\n", {"2024", "true"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.yaml);
    const Parsed p = Parse(kHead + c.yaml + "---\n");
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.tags == c.tags);
  }
}

TEST_CASE("ParseArticle accepts the non-ASCII characters YAML allows next to those it forbids") {
  // U+00A0 (right after the C1 controls), U+FFFD (right before U+FFFE),
  // U+10000 and a Hebrew letter: printable in YAML 1.2, kept as written.
  const std::vector<std::string> titles = {
      "a\xC2\xA0"
      "b",
      "a\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xD7\xA9"};
  for (const std::string& title : titles) {
    CAPTURE(title);
    const Parsed p = Parse("---\ntitle: " + title + "\nlang: en\n---\n");
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.title == title);
  }
}

TEST_CASE("ParseArticle keeps the primary subtag of the lang tag, lower-cased") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"he", "he"},   {"fa", "fa"},   {"el", "el"},         {"ar", "ar"},
      {"de", "de"},   {"EN", "en"},   {"pt-BR", "pt"},      {"zh_Hant_TW", "zh"},
      {"fil", "fil"}, {"'de'", "de"}, {"sr-Latn-RS", "sr"},
  };
  for (const auto& [given, expected] : cases) {
    CAPTURE(given);
    const Parsed p = Parse("---\ntitle: x\nlang: " + given + "\n---\n");
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.lang == expected);
  }
}

TEST_CASE("ParseArticle reads booleans and audience spellings") {
  struct Case {
    std::string yaml;
    bool faq;
    kb::Audience audience;
  };
  const std::vector<Case> cases = {
      {"faq: true\n", true, kb::Audience::kPublic},
      {"faq: false\n", false, kb::Audience::kPublic},
      {"faq: yes\naudience: public\n", true, kb::Audience::kPublic},
      {"faq: no\naudience: internal\n", false, kb::Audience::kInternal},
  };
  for (const Case& c : cases) {
    CAPTURE(c.yaml);
    const Parsed p = Parse(kHead + c.yaml + "---\n");
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.faq == c.faq);
    CHECK(p.article.audience == c.audience);
  }
}

TEST_CASE("ParseArticle normalizes translation_of to an article id") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en/account/reset", "en/account/reset"},
      {"/en/account/reset", "en/account/reset"},
      {"en/account/reset.md", "en/account/reset"},
      {"'/en/account/reset.md'", "en/account/reset"},
      {"''", ""},
  };
  for (const auto& [given, expected] : cases) {
    CAPTURE(given);
    const Parsed p = Parse(kHead + "translation_of: " + given + "\n---\n");
    REQUIRE_MESSAGE(p.ok, Joined(p.errors));
    CHECK(p.article.translation_of == expected);
  }
}

TEST_CASE("ParseArticle refuses an unknown key on its line, with the nearest known key") {
  struct Case {
    std::string line;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"audiance: internal", "unknown key 'audiance' (did you mean 'audience'?)"},
      {"Title: Reset", "unknown key 'Title' (did you mean 'title'?)"},
      {"catgory: billing", "unknown key 'catgory' (did you mean 'category'?)"},
      {"translation-of: en/x", "unknown key 'translation-of' (did you mean 'translation_of'?)"},
      {"drafts: true", "unknown key 'drafts' (did you mean 'draft'?)"},
      {"owner: ana",
       "unknown key 'owner' (known keys: title lang category tags audience faq draft "
       "order translation_of; editors' own keys start with 'x-')"},
      {"42: answer", "unknown key '42' (known keys:"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const Parsed p = Parse(kHead + c.line + "\n---\nBody\n");
    CHECK_FALSE(p.ok);
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].path == "a.md");
    CHECK(p.errors[0].line == 4);
    CHECK(p.errors[0].message.find(c.message) == 0);
  }
}

TEST_CASE("ParseArticle refuses a key that is not a plain name") {
  const Parsed p = Parse(kHead + "? [a, b]\n: value\n---\n");
  CHECK_FALSE(p.ok);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "a front matter key must be a plain name, not a list");
}

TEST_CASE("ParseArticle accepts editors' own keys starting with x-, whatever their value") {
  const Parsed p =
      Parse(kHead + "x-owner: ana\nx-review: {due: 2027-01-01, by: [ana, ben]}\n---\nBody\n");
  REQUIRE_MESSAGE(p.ok, Joined(p.errors));
  CHECK(p.article.title == "Reset");
  CHECK(p.article.audience == kb::Audience::kPublic);
}

TEST_CASE("ParseArticle skips a UTF-8 BOM at the start") {
  const Parsed p = Parse("\xEF\xBB\xBF" + kHead + "---\nשלום\n");
  REQUIRE_MESSAGE(p.ok, Joined(p.errors));
  CHECK(p.article.title == "Reset");
  CHECK(p.article.PlainText() == "שלום");
}

TEST_CASE("ParseArticle accepts CRLF line ends and keeps line numbers right") {
  const Parsed ok = Parse("---\r\ntitle: Reset\r\nlang: he\r\n---\r\nLine one\r\nline two\r\n");
  REQUIRE_MESSAGE(ok.ok, Joined(ok.errors));
  CHECK(ok.article.title == "Reset");
  CHECK(ok.article.lang == "he");
  CHECK(ok.article.PlainText() == "Line one line two");

  const Parsed bad = Parse("---\r\ntitle: Reset\r\nlang: he\r\naudience: x\r\n---\r\n");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line == 4);
}

TEST_CASE("ParseArticle accepts an empty body and closing delimiter at end of file") {
  const Parsed p = Parse("---\ntitle: x\nlang: en\n---");
  REQUIRE_MESSAGE(p.ok, Joined(p.errors));
  CHECK(p.article.html.empty());
}

TEST_CASE("ParseArticle leaves `updated` and the content hash to the caller") {
  const std::string bytes = kHead + "---\nBody\n";
  const kb::Diagnosed<kb::Article> parsed = kb::ParseArticle("x", "x.md", bytes);
  REQUIRE(parsed.ok());
  CHECK(parsed.value.updated == 0);
  CHECK(parsed.value.content_hash.empty());
}

TEST_CASE("Sha256Hex matches the FIPS 180-2 test vectors") {
  CHECK(kb::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(kb::Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("ArticleError::ToString omits the line when there is none") {
  CHECK(kb::ArticleError{"en/a.md", 3, "bad"}.ToString() == "en/a.md:3: bad");
  CHECK(kb::ArticleError{"en/a.md", 0, "cannot read file"}.ToString() ==
        "en/a.md: cannot read file");
}

TEST_CASE("Diagnostics collect problems in order and print one line each") {
  kb::Diagnostics d;
  CHECK(d.ok());
  CHECK(d.ToString().empty());
  d.Add("en/a.md", 3, "bad");
  kb::Diagnostics more("en/b.md", 0, "cannot read file");
  more.Add({"en/c.md", 1, "worse"});
  d.Append(more);
  CHECK_FALSE(d.ok());
  REQUIRE(d.size() == 3);
  CHECK(d[2].path == "en/c.md");
  CHECK(d.ToString() == "en/a.md:3: bad\nen/b.md: cannot read file\nen/c.md:1: worse\n");
  kb::Diagnostics moved;
  moved.Append(std::move(d));
  CHECK(moved.size() == 3);
}

TEST_CASE("AudienceName names both audiences") {
  CHECK(std::string(kb::AudienceName(kb::Audience::kPublic)) == "public");
  CHECK(std::string(kb::AudienceName(kb::Audience::kInternal)) == "internal");
}
