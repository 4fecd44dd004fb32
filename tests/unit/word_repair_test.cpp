// Unknown query words: split into two known words, or corrected by spelling;
// known words are never touched. Uses the real analyzer and a fake vocabulary.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "index/query_builder.h"
#include "index/word_repair.h"

namespace {

// Knows a fixed set of exact words; suggests from a fixed map.
class FakeVocabulary : public kb::Vocabulary {
 public:
  FakeVocabulary(std::set<std::string> words, std::map<std::string, std::string> suggestions)
      : words_(std::move(words)), suggestions_(std::move(suggestions)) {}
  bool Known(const kb::Token& token) override { return words_.count(token.term) > 0; }
  bool KnownWord(const std::string& term) override { return words_.count(term) > 0; }
  std::string Suggest(const std::string& term) override {
    auto it = suggestions_.find(term);
    return it == suggestions_.end() ? std::string() : it->second;
  }

 private:
  std::set<std::string> words_;
  std::map<std::string, std::string> suggestions_;
};

}  // namespace

TEST_CASE("word repair: a joined word the index has as two words becomes that phrase") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"پیام", "رسان", "تور"}, {{"پیامرسان", "پیامها"}});
  kb::BuiltQuery built = kb::BuildQuery("پیامرسان تور", "fa", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 2);
  CHECK(built.words[0].split == std::vector<std::string>{"پیام", "رسان"});
  CHECK(built.suggestion == "پیام رسان تور");
  CHECK(built.words[1].split.empty());
}

TEST_CASE("word repair: known words are never split or corrected") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"password", "pass", "word"}, {{"password", "passwords"}});
  kb::BuiltQuery built = kb::BuildQuery("password", "en", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 1);
  CHECK(built.words[0].split.empty());
  CHECK(built.words[0].exact == std::vector<std::string>{"password"});
  CHECK(built.suggestion.empty());
}

TEST_CASE("word repair: parts shorter than three letters are not split off; spelling takes over") {
  auto analyzer = kb::NewAnalyzer();
  // "ενεργι" + "ασ" are both "known", but ασ is too short to be a split part.
  FakeVocabulary vocabulary({"ενεργι", "ασ", "ενεργεια"}, {{"ενεργιασ", "ενεργειασ"}});
  kb::BuiltQuery built = kb::BuildQuery("ενεργιας", "el", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 1);
  CHECK(built.words[0].split.empty());
  // The correction is searched too, and shown with a final sigma.
  CHECK(built.suggestion == "ενεργειας");
  CHECK(std::find(built.words[0].exact.begin(), built.words[0].exact.end(), "ενεργειασ") !=
        built.words[0].exact.end());
}

TEST_CASE("word repair: the repaired text keeps the rest of the query as typed") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"reset", "password"}, {{"pasword", "password"}});
  kb::BuiltQuery built = kb::BuildQuery("Reset  pasword!", "en", {analyzer.get(), &vocabulary});
  CHECK(built.suggestion == "Reset  password!");
}

TEST_CASE("word repair: without a vocabulary nothing is repaired") {
  auto analyzer = kb::NewAnalyzer();
  kb::BuiltQuery built = kb::BuildQuery("pasword", "en", {analyzer.get()});
  CHECK(built.suggestion.empty());
  REQUIRE(built.words.size() == 1);
  CHECK(built.words[0].exact == std::vector<std::string>{"pasword"});
}

TEST_CASE("word repair: two words whose joined form is a known word also match it") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"login", "log", "problems"}, {});
  // "in" is a stopword, yet "log in" still joins to "login".
  kb::BuiltQuery built = kb::BuildQuery("log in problems", "en", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 2);
  CHECK(built.words[0].extra == std::vector<std::string>{"login"});
  CHECK(built.words[1].extra.empty());
  CHECK(built.suggestion.empty());
}

TEST_CASE("word repair: a hostile query is bounded: 32 words searched, 4 repaired") {
  auto analyzer = kb::NewAnalyzer();
  class CountingVocabulary : public FakeVocabulary {
   public:
    CountingVocabulary() : FakeVocabulary({}, {}) {}
    std::string Suggest(const std::string&) override {
      ++suggests;
      return std::string();
    }
    int suggests = 0;
  } vocabulary;
  std::string query;
  for (int i = 0; i < 50; ++i) query += "unknownword" + std::string(1, static_cast<char>('a' + i % 26)) + " ";
  kb::BuiltQuery built = kb::BuildQuery(query, "en", {analyzer.get(), &vocabulary});
  CHECK(built.words.size() == 32);
  CHECK(vocabulary.suggests <= 4);
}
