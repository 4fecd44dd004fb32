// Query building around unknown words (split, corrected) and synonyms;
// known words are never touched. Uses the real analyzer and a fake vocabulary.
#include "query/word_repair.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "fake_vocabulary.h"
#include "index/query_builder.h"
#include "query/stem_start.h"
#include "test_support.h"

using kb::test::Contains;
using kb::test::FakeVocabulary;

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

TEST_CASE("stem start: a candidate keeps its word's start, or drops at most so many letters") {
  CHECK(kb::StemKeepsStart("משלוח", "משלוח", 0));
  CHECK_FALSE(kb::StemKeepsStart("משלוח", "לוח", 0));   // מ+ש stripped
  CHECK(kb::StemKeepsStart("הלוח", "לוח", 1));          // ה stripped
  CHECK_FALSE(kb::StemKeepsStart("משללוח", "לוח", 1));  // three letters stripped
  CHECK(kb::StemKeepsStart("κωδικοσ", "κωδικ", 0));     // Snowball keeps the start
  CHECK(kb::StemKeepsStart("ab", "a", 0));
  CHECK_FALSE(kb::StemKeepsStart("", "a", 2));
}

TEST_CASE(
    "word repair: a Hebrew word known only through a candidate stripped of two letters is a typo") {
  auto analyzer = kb::NewAnalyzer();
  // Articles have משלוח ("shipping"), so the index has its candidate לוח
  // ("board"), which the typo משללוח also has (מ+ש+ל stripped).
  class StemVocabulary : public FakeVocabulary {
   public:
    StemVocabulary() : FakeVocabulary({"משלוח"}, {}) {}
    bool Known(const kb::Token& token) override {
      if (FakeVocabulary::Known(token)) return true;
      for (const std::string& s : token.stems)
        if (s == "לוח" || s == "משלוח") return true;
      return false;
    }
  } vocabulary;
  kb::BuiltQuery built = kb::BuildQuery("משללוח", "he", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 1);
  CHECK(Contains(built.words[0].exact, "משלוח"));  // searched
  CHECK(built.suggestion.empty());                 // not shown
  // One prefix letter is trusted: הלוח ("the board") is a word, not a typo.
  built = kb::BuildQuery("הלוח", "he", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 1);
  CHECK(built.words[0].exact == std::vector<std::string>{"הלוח"});
}

TEST_CASE("word repair: without a vocabulary nothing is repaired") {
  auto analyzer = kb::NewAnalyzer();
  kb::BuiltQuery built = kb::BuildQuery("pasword", "en", {analyzer.get()});
  CHECK(built.suggestion.empty());
  REQUIRE(built.words.size() == 1);
  CHECK(built.words[0].exact == std::vector<std::string>{"pasword"});
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
  for (int i = 0; i < 50; ++i)
    query += "unknownword" + std::string(1, static_cast<char>('a' + i % 26)) + " ";
  kb::BuiltQuery built = kb::BuildQuery(query, "en", {analyzer.get(), &vocabulary});
  CHECK(built.words.size() == 32);
  CHECK(vocabulary.suggests <= 4);
}

TEST_CASE("query builder: a hostile query checks proximity for at most 8 word pairs") {
  auto analyzer = kb::NewAnalyzer();
  std::string query;
  for (int i = 0; i < 40; ++i)
    query += "word" + std::string(1, static_cast<char>('a' + i % 26)) + " ";
  const std::string description =
      kb::BuildQuery(query, "en", {analyzer.get()}).query.get_description();
  size_t pairs = 0;
  for (size_t at = description.find(" NEAR "); at != std::string::npos;
       at = description.find(" NEAR ", at + 1))
    ++pairs;
  CHECK(pairs == 8);
}

namespace {

// Real words from a fixed list; one-edit neighbours from a fixed map.
class FakeDictionary : public kb::WordList {
 public:
  FakeDictionary(std::set<std::string> words, std::map<std::string, std::vector<std::string>> near)
      : words_(std::move(words)), near_(std::move(near)) {}
  bool IsWord(const std::string& w) override { return words_.count(w) > 0; }
  std::vector<std::string> WordsOneEditAway(const std::string& w) override {
    auto it = near_.find(w);
    return it == near_.end() ? std::vector<std::string>{} : it->second;
  }

 private:
  std::set<std::string> words_;
  std::map<std::string, std::vector<std::string>> near_;
};

// Counts articles per word, for choosing between candidate corrections.
class CountingFrequencies : public FakeVocabulary {
 public:
  explicit CountingFrequencies(std::map<std::string, unsigned> counts)
      : FakeVocabulary(Keys(counts), {{"office", "offline"}, {"unlisted", "listed"}}),
        counts_(std::move(counts)) {}
  unsigned Frequency(const kb::Token& token) override {
    auto it = counts_.find(token.term);
    return it == counts_.end() ? 0 : it->second;
  }

 private:
  static std::set<std::string> Keys(const std::map<std::string, unsigned>& m) {
    std::set<std::string> keys;
    for (const auto& [k, v] : m) keys.insert(k);
    return keys;
  }
  std::map<std::string, unsigned> counts_;
};

}  // namespace

TEST_CASE("word repair with a dictionary: real words that no article has are not corrected") {
  auto analyzer = kb::NewAnalyzer();
  CountingFrequencies vocabulary({{"offline", 3}, {"network", 5}});
  FakeDictionary dictionary({"office", "network"}, {});
  kb::BuiltQuery built =
      kb::BuildQuery("office network", "en", {analyzer.get(), &vocabulary, nullptr, &dictionary});
  CHECK(built.suggestion.empty());
  REQUIRE(built.words.size() == 2);
  CHECK(built.words[0].exact == std::vector<std::string>{"office"});
  // Without the dictionary the same word is "corrected" to the nearest index word.
  kb::BuiltQuery blind = kb::BuildQuery("office network", "en", {analyzer.get(), &vocabulary});
  CHECK(blind.suggestion == "offline network");
}

TEST_CASE(
    "word repair with a dictionary: a real word may stand in for its relative with an affix") {
  auto analyzer = kb::NewAnalyzer();
  CountingFrequencies vocabulary({{"listed", 2}});
  FakeDictionary dictionary({"unlisted"}, {});
  kb::BuiltQuery built =
      kb::BuildQuery("unlisted", "en", {analyzer.get(), &vocabulary, nullptr, &dictionary});
  CHECK(built.suggestion == "listed");
}

TEST_CASE("word repair with a dictionary: a typo becomes the real word most articles have") {
  auto analyzer = kb::NewAnalyzer();
  // Neither candidate is an index word as typed: the index has them through stems.
  CountingFrequencies vocabulary({{"count", 1}, {"account", 9}});
  FakeDictionary dictionary({"count", "account"}, {{"acount", {"count", "account"}}});
  kb::BuiltQuery built =
      kb::BuildQuery("delete acount", "en", {analyzer.get(), &vocabulary, nullptr, &dictionary});
  CHECK(built.suggestion == "delete account");
  REQUIRE(built.words.size() == 2);
  CHECK(Contains(built.words[1].exact, "acount"));  // the typo stays searchable (internal articles)
  CHECK(Contains(built.words[1].exact, "account"));
}

TEST_CASE("word repair: a corrected word meets the synonym rules as if typed") {
  auto analyzer = kb::NewAnalyzer();
  CountingFrequencies vocabulary({{"speeding", 2}, {"tor", 9}});
  FakeDictionary dictionary({"speeding"}, {{"speding", {"speeding"}}});
  const kb::SynonymExpander synonyms({{"en", {"speed up"}, {"faster"}, 0}}, *analyzer);
  kb::BuiltQuery built =
      kb::BuildQuery("speding up tor", "en", {analyzer.get(), &vocabulary, &synonyms, &dictionary});
  CHECK(built.suggestion == "speeding up tor");
  bool faster = false;
  for (const kb::QueryWord& w : built.words)
    for (const kb::Alternative& alt : w.alternatives)
      faster = faster || Contains(alt.exact, "faster");
  CHECK(faster);
}

TEST_CASE("word repair: short words only gain letters, and a stopword is never a correction") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"نציג", "פל", "است", "پل", "تور"},
                            {{"נצג", "נציג"}, {"پول", "پل"}, {"بست", "است"}, {"تب", "تا"}});
  // A letter left out of a short word: corrected.
  CHECK(kb::BuildQuery("נצג", "he", {analyzer.get(), &vocabulary}).suggestion == "נציג");
  // A short word with a letter dropped or replaced is another word, not a typo.
  CHECK(kb::BuildQuery("پول تور", "fa", {analyzer.get(), &vocabulary}).suggestion.empty());
  // است and تا are stopwords: nothing to search for.
  CHECK(kb::BuildQuery("بست تور", "fa", {analyzer.get(), &vocabulary}).suggestion.empty());
  CHECK(kb::BuildQuery("تب تور", "fa", {analyzer.get(), &vocabulary}).suggestion.empty());
}

TEST_CASE("word repair: a word with a synonym rule is not corrected") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"گذرواژه", "پسوند"}, {{"پسورد", "پسوند"}});
  const kb::SynonymExpander synonyms({{"fa", {"پسورد"}, {"گذرواژه"}, 0}}, *analyzer);
  CHECK(kb::BuildQuery("پسورد", "fa", {analyzer.get(), &vocabulary}).suggestion == "پسوند");
  kb::BuiltQuery built = kb::BuildQuery("پسورد", "fa", {analyzer.get(), &vocabulary, &synonyms});
  CHECK(built.suggestion.empty());
  REQUIRE(built.words.size() == 1);
  REQUIRE(built.words[0].alternatives.size() == 1);
  CHECK(built.words[0].alternatives[0].exact == std::vector<std::string>{"گذرواژه"});
}

TEST_CASE(
    "synonym rules: a Hebrew key matches its prefixed forms, not words its own prefix split "
    "makes") {
  auto analyzer = kb::NewAnalyzer();
  // משלוח ("shipping") has the candidate לוח ("board", מ+ש stripped);
  // כניסה ("login") has ניסה ("tried", כ stripped).
  const kb::SynonymExpander synonyms(
      {{"he", {"משלוח"}, {"שילוח"}, 0}, {"he", {"כניסה"}, {"התחברות"}, 0}}, *analyzer);
  auto alternatives = [&](const char* query) {
    kb::BuiltQuery built = kb::BuildQuery(query, "he", {analyzer.get(), nullptr, &synonyms});
    REQUIRE(built.words.size() == 1);
    return built.words[0].alternatives.size();
  };
  CHECK(alternatives("והמשלוח") == 1);
  CHECK(alternatives("בכניסה") == 1);
  CHECK(alternatives("הלוח") == 0);
  CHECK(alternatives("ניסה") == 0);
}

TEST_CASE("query builder: a synonym counts more in the title, like the word itself") {
  auto analyzer = kb::NewAnalyzer();
  const kb::SynonymExpander synonyms({{"en", {"reimbursement"}, {"refund"}, 0}}, *analyzer);
  kb::BuiltQuery built =
      kb::BuildQuery("reimbursement", "en", {analyzer.get(), nullptr, &synonyms});
  const std::string description = built.query.get_description();
  CAPTURE(description);
  CHECK(description.find("ZSreimburs") != std::string::npos);  // the word's title stem
  CHECK(description.find("ZSrefund") != std::string::npos);    // and the synonym's
}

namespace {
class FakeThesaurus : public kb::Thesaurus {
 public:
  std::vector<std::string> Synonyms(const std::string& w, size_t limit) override {
    std::vector<std::string> out;
    if (w == "person") out = {"somebody", "human being", "person"};
    if (w == "email") out = {"netmail"};
    if (out.size() > limit) out.resize(limit);
    return out;
  }
};
}  // namespace

TEST_CASE("query builder: thesaurus synonyms are weaker alternatives of words no rule covers") {
  auto analyzer = kb::NewAnalyzer();
  FakeThesaurus thesaurus;
  const kb::SynonymExpander synonyms({{"en", {"email"}, {"e-mail"}, 0}}, *analyzer);
  kb::BuiltQuery built = kb::BuildQuery("person email", "en",
                                        {analyzer.get(), nullptr, &synonyms, nullptr, &thesaurus});
  REQUIRE(built.words.size() == 2);
  const auto& person = built.words[0].alternatives;
  REQUIRE(person.size() == 2);  // the word itself is not its own alternative
  CHECK(person[0].exact == std::vector<std::string>{"somebody"});
  CHECK(person[0].weight < 1.0);
  CHECK(person[1].exact == std::vector<std::string>{"human", "being"});  // a phrase
  // "email" has a rule: the rule's alternative only, at full weight.
  const auto& email = built.words[1].alternatives;
  REQUIRE(email.size() == 1);
  CHECK(email[0].weight == 1.0);
  CHECK(built.query.get_description().find("netmail") == std::string::npos);
}

TEST_CASE("query builder: a long query gets a bounded number of thesaurus synonyms") {
  auto analyzer = kb::NewAnalyzer();
  class Generous : public kb::Thesaurus {
   public:
    std::vector<std::string> Synonyms(const std::string& w, size_t limit) override {
      std::vector<std::string> out;
      for (size_t i = 0; i < std::min<size_t>(limit, 20); ++i)
        out.push_back(w + "x" + std::to_string(i));
      return out;
    }
  } thesaurus;
  std::string query;
  for (char c = 'a'; c < 'a' + 20; ++c) query += std::string("word") + c + " ";
  kb::BuiltQuery built =
      kb::BuildQuery(query, "en", {analyzer.get(), nullptr, nullptr, nullptr, &thesaurus});
  size_t alternatives = 0;
  for (const kb::QueryWord& w : built.words) {
    CHECK(w.alternatives.size() <= 8);
    alternatives += w.alternatives.size();
  }
  CHECK(alternatives == 24);
}

namespace {

// Frequencies per word, and per word together with another word of the query.
class ContextFrequencies : public CountingFrequencies {
 public:
  ContextFrequencies(std::map<std::string, unsigned> counts,
                     std::map<std::pair<std::string, std::string>, unsigned> together)
      : CountingFrequencies(std::move(counts)), together_(std::move(together)) {}
  unsigned FrequencyWith(const kb::Token& token, const std::vector<kb::Token>& context) override {
    unsigned n = 0;
    for (const kb::Token& other : context) {
      auto it = together_.find({token.term, other.term});
      if (it != together_.end()) n += it->second;
    }
    return n;
  }

 private:
  std::map<std::pair<std::string, std::string>, unsigned> together_;
};

// Knows words only through their stems, as an index of an inflected
// language mostly does.
class StemVocabulary : public FakeVocabulary {
 public:
  explicit StemVocabulary(std::set<std::string> stems)
      : FakeVocabulary({}, {}), stems_(std::move(stems)) {}
  bool Known(const kb::Token& token) override {
    for (const std::string& s : token.stems)
      if (stems_.count(s)) return true;
    return false;
  }

 private:
  std::set<std::string> stems_;
};

}  // namespace

TEST_CASE("word repair: a letter left out beats a commoner word one letter away") {
  auto analyzer = kb::NewAnalyzer();
  CountingFrequencies vocabulary({{"מוכן", 9}, {"מוצפן", 1}, {"חיבור", 5}});
  kb::BuiltQuery built = kb::BuildQuery("חיבור לא מופן", "he", {analyzer.get(), &vocabulary});
  CHECK(built.suggestion == "חיבור לא מוצפן");
}

TEST_CASE("word repair: the query's other words choose between corrections") {
  auto analyzer = kb::NewAnalyzer();
  ContextFrequencies vocabulary({{"care", 9}, {"card", 2}, {"gift", 3}}, {{{"card", "gift"}, 2}});
  CHECK(kb::BuildQuery("gift cart", "en", {analyzer.get(), &vocabulary}).suggestion == "gift card");
  CHECK(kb::BuildQuery("cart", "en", {analyzer.get(), &vocabulary}).suggestion == "care");
}

TEST_CASE("word repair: a typo may become a synonym rule's key, and the rule applies") {
  auto analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary({"خودکار", "ورود"}, {});
  const kb::SynonymExpander synonyms({{"fa", {"اتوماتیک"}, {"خودکار"}, 0}}, *analyzer);
  kb::BuiltQuery built =
      kb::BuildQuery("ورود اتوماتکی", "fa", {analyzer.get(), &vocabulary, &synonyms});
  CHECK(built.suggestion == "ورود اتوماتیک");
  REQUIRE(built.words.size() == 2);
  REQUIRE(built.words[1].alternatives.size() == 1);
  CHECK(built.words[1].alternatives[0].exact == std::vector<std::string>{"خودکار"});
}

TEST_CASE("word repair: without a form as written, one known through its stem will do") {
  auto analyzer = kb::NewAnalyzer();
  StemVocabulary vocabulary({"περιορ"});  // articles write περιορισμούς, never περιορισμοί
  const kb::BuiltQuery built = kb::BuildQuery("περιοριμοι", "el", {analyzer.get(), &vocabulary});
  REQUIRE(built.words.size() == 1);
  CHECK(Contains(built.words[0].stems, "περιορ"));  // searched through the stem
  // ... but not offered as "did you mean": such a form need not be a word.
  CHECK(built.suggestion.empty());
}

TEST_CASE("word repair: a form known only through a stem keeps the typed first letter") {
  auto analyzer = kb::NewAnalyzer();
  // σερνεται ("crawls") is one letter from περνεται, whose stem articles have.
  StemVocabulary vocabulary({"περν", "συνδεσ"});
  const kb::BuiltQuery kept =
      kb::BuildQuery("συνδεση σερνεται", "el", {analyzer.get(), &vocabulary});
  REQUIRE(kept.words.size() == 2);
  CHECK_FALSE(Contains(kept.words[1].stems, "περν"));
  // The same letter changed inside the word is a typo.
  const kb::BuiltQuery typo =
      kb::BuildQuery("συνδεση πεσνεται", "el", {analyzer.get(), &vocabulary});
  REQUIRE(typo.words.size() == 2);
  CHECK(Contains(typo.words[1].stems, "περν"));
}

TEST_CASE(
    "word repair with a dictionary: a typo of a word articles write as two words becomes those "
    "words") {
  auto analyzer = kb::NewAnalyzer();
  // Articles say "non-profit"; the customer types "nonprofti".
  CountingFrequencies vocabulary({{"non", 4}, {"profit", 4}, {"tor", 9}});
  FakeDictionary dictionary({"nonprofit"}, {{"nonprofti", {"nonprofit"}}});
  const kb::QueryResources resources{analyzer.get(), &vocabulary, nullptr, &dictionary};
  // Only when articles have the two words next to each other.
  CHECK(kb::BuildQuery("tor nonprofti", "en", resources).suggestion.empty());
  vocabulary.phrases = {{"non", "profit"}};
  kb::BuiltQuery built = kb::BuildQuery("tor nonprofti", "en", resources);
  CHECK(built.suggestion == "tor non profit");
  REQUIRE(built.words.size() == 2);
  CHECK(built.words[1].split == std::vector<std::string>{"non", "profit"});
}

TEST_CASE("word repair: a typo of a joined word that articles write apart becomes those words") {
  auto analyzer = kb::NewAnalyzer();
  // "پیامراسن": پیامرسان ("messenger") with two letters swapped; articles
  // write پیام رسان. Another form one edit away splits into two known words
  // that no article has together (پیام + راس): not taken.
  FakeVocabulary vocabulary({"پیام", "رسان", "راس", "تور"}, {});
  const kb::QueryResources resources{analyzer.get(), &vocabulary};
  CHECK(kb::BuildQuery("پیامراسن تور", "fa", resources).words[0].split.empty());
  vocabulary.phrases = {{"پیام", "رسان"}};
  kb::BuiltQuery built = kb::BuildQuery("پیامراسن تور", "fa", resources);
  CHECK(built.words[0].split == std::vector<std::string>{"پیام", "رسان"});
  CHECK(built.suggestion == "پیام رسان تور");
}
