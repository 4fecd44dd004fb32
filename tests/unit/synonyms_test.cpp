// _synonyms.yml parsing and validation (kb/synonyms.h).
#include "kb/articles/synonyms.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kb/core/utf8.h"

namespace {

std::vector<kb::SynonymRule> ParseOk(const std::string& text) {
  kb::Diagnosed<std::vector<kb::SynonymRule>> parsed = kb::ParseSynonyms("_synonyms.yml", text);
  REQUIRE(parsed.ok());
  return std::move(parsed.value);
}

}  // namespace

TEST_CASE("synonyms: groups and one-way mappings per language") {
  const auto rules = ParseOk(
      "# comment\n"
      "en:\n"
      "  - [email, e-mail]\n"
      "  - nuvo+ => nuvo plus\n"
      "  - plus, prime => nuvo plus, membership\n"
      "he:\n"
      "  - [סיסמה, ססמה, \"קוד סודי\"]\n");
  REQUIRE(rules.size() == 4);
  CHECK(rules[0].lang == "en");
  CHECK(rules[0].from == std::vector<std::string>{"email", "e-mail"});
  CHECK(rules[0].to == rules[0].from);
  CHECK(rules[0].line == 3);
  CHECK(rules[1].from == std::vector<std::string>{"nuvo+"});
  CHECK(rules[1].to == std::vector<std::string>{"nuvo plus"});
  CHECK(rules[2].from == std::vector<std::string>{"plus", "prime"});
  CHECK(rules[2].to == std::vector<std::string>{"nuvo plus", "membership"});
  CHECK(rules[3].lang == "he");
  CHECK(rules[3].from.size() == 3);
  CHECK(rules[3].line == 7);
}

TEST_CASE("synonyms: an empty file has no rules") {
  CHECK(ParseOk("").empty());
  CHECK(ParseOk("# nothing yet\n").empty());
}

TEST_CASE("synonyms: every malformed entry is reported on its line") {
  struct Case {
    const char* text;
    int line;
    const char* message_part;
  };
  const Case cases[] = {
      {"en: [email\n", 2, ""},                           // bad YAML
      {"- [a, b]\n", 1, "mapping from language codes"},  // not a mapping
      {"english:\n  - [a, b]\n", 1, "language code"},    // bad language key
      {"EN:\n  - [a, b]\n", 1, "language code"},         // not lower case
      {"en: [a, b]\n", 1, "one-way mapping"},            // a flat list: each entry must be a group
      {"en:\n  - [email]\n", 2, "at least two"},         // one-entry group
      {"en:\n  - [a, \"\"]\n", 2, "non-empty"},          // empty entry
      {"en:\n  - just a word\n", 2, "one-way mapping"},  // neither
      {"en:\n  - a => \n", 2, "empty text"},             // empty right side
      {"en:\n  - a => b => c\n", 2, "one-way mapping"},  // two arrows
      {"en:\n  - {a: b}\n", 2, "expected a list"},       // a mapping entry
      {"en: hello\n", 1, "must be a list"},              // not a list
      {"en:\n  - [a, b]\n  - x\xFF\n", 3, "invalid UTF-8"},                  // bad bytes
      {"en:\n  - [a, b]\n  - [c, d\x01]\n", 3, "control character U+0001"},  // YAML forbids it
      {"en:\n  - [a, b\xC2\x9D]\n", 2, "control character U+009D"},          // a C1 control too
      {"en:\n  - \"a\\\xCE\xB1\"\n", 2,
       "unknown escape character: \\xCE"},  // escaped α, cut by yaml-cpp
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const auto [rules, errors] = kb::ParseSynonyms("_synonyms.yml", c.text);
    REQUIRE_FALSE(errors.ok());
    CHECK(errors[0].path == "_synonyms.yml");
    CHECK(errors[0].line == c.line);
    CHECK_MESSAGE(errors[0].message.find(c.message_part) != std::string::npos, errors[0].message);
    CHECK(kb::IsValidUtf8(errors[0].message));
    CHECK(rules.empty());
  }
}

TEST_CASE("synonyms: JSON round trip keeps every rule") {
  auto rules = kb::BuiltInSynonyms();
  REQUIRE_FALSE(rules.empty());
  const auto back = kb::DecodeSynonyms(kb::EncodeSynonyms(rules));
  REQUIRE(back.size() == rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    CHECK(back[i].lang == rules[i].lang);
    CHECK(back[i].from == rules[i].from);
    CHECK(back[i].to == rules[i].to);
  }
  CHECK(kb::DecodeSynonyms("not json").empty());
}

TEST_CASE("synonyms: the built-in help-desk vocabulary parses and covers he, fa, el and en") {
  const auto rules = kb::BuiltInSynonyms();
  std::map<std::string, int> per_language;
  for (const auto& r : rules) {
    ++per_language[r.lang];
    CHECK(r.line == 0);
    CHECK_FALSE(r.from.empty());
    CHECK_FALSE(r.to.empty());
  }
  for (const char* lang : {"en", "he", "fa", "el"}) {
    CAPTURE(lang);
    CHECK(per_language[lang] >= 30);
  }
  auto group_of = [&](const std::string& lang, const std::string& word) {
    for (const auto& r : rules)
      if (r.lang == lang && std::find(r.from.begin(), r.from.end(), word) != r.from.end())
        return r.to;
    return std::vector<std::string>{};
  };
  // ANALYSIS.md §6.5, and loanwords next to the native word.
  const auto email = group_of("en", "email");
  CHECK(std::find(email.begin(), email.end(), "e-mail") != email.end());
  const auto account = group_of("fa", "اکانت");
  CHECK(std::find(account.begin(), account.end(), "حساب") != account.end());
  const auto password = group_of("he", "סיסמה");
  CHECK(std::find(password.begin(), password.end(), "ססמה") != password.end());
  const auto restore = group_of("el", "επαναφορά");
  CHECK(std::find(restore.begin(), restore.end(), "ανάκτηση") != restore.end());
}
