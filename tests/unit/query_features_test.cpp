// The query feature switches (kb/query/query_features.h): the --features
// parser, and for each switch a query whose words or Xapian query change, when
// it is off, in the way its name says. Uses the real analyzer and fakes.
#include "kb/query/query_features.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>

#include "fake_vocabulary.h"
#include "index/query_builder.h"
#include "test_support.h"

using kb::test::Contains;
using kb::test::FakeVocabulary;

namespace {

class FakeDictionary : public kb::WordList {
 public:
  bool IsWord(const std::string& w) override {
    return w == "office" || w == "network" || w == "slow" || w == "slower" || w == "slowest";
  }
  std::vector<std::string> WordsOneEditAway(const std::string&) override { return {}; }
};

class FakeThesaurus : public kb::Thesaurus {
 public:
  std::vector<std::string> Synonyms(const std::string& w, size_t) override {
    if (w == "person") return {"somebody"};
    return {};
  }
};

// What every row searches with.
struct Fixture {
  std::unique_ptr<kb::Analyzer> analyzer = kb::NewAnalyzer();
  FakeVocabulary vocabulary{{"reset", "password", "پیام", "رسان", "تور", "login", "log", "problems",
                             "offline", "network", "משלוח", "לבטל", "slower", "پروکسی", "پراکسی"},
                            {{"pasword", "password"}, {"office", "offline"}}};
  kb::SynonymExpander synonyms{{{"en", {"reimbursement"}, {"refund"}, 0},
                                {"en", {"sign in"}, {"login"}, 0},
                                {"en", {"admin"}, {"administrator"}, 0}},
                               *analyzer};
  FakeDictionary dictionary;
  FakeThesaurus thesaurus;

  // משלוח ("shipping") gives the stem לוח ("board"), which the typo
  // משללוח has too (מ+ש+ל stripped).
  Fixture() {
    vocabulary.stems = {"לוח", "משלוח", "ביטול", "جلوگیر"};
    vocabulary.greeklish["kwdikos"] = {{"κωδικοσ"}, {"κωδικ"}};  // read as Greeklish for κωδικοσ
  }

  kb::BuiltQuery Build(const std::string& query, const std::string& lang,
                       const kb::QueryFeatures& features) {
    kb::QueryResources resources{analyzer.get(), &vocabulary, &synonyms, nullptr, &thesaurus};
    if (query == "office network" || query == "slow") resources.dictionary = &dictionary;
    resources.features = features;
    return kb::BuildQuery(query, lang, resources);
  }
};

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string Description(const kb::BuiltQuery& built) { return built.query.get_description(); }

// One switch: a query, and what holds with the switch on and not with it off.
struct Row {
  const char* feature;
  const char* query;
  const char* lang;
  std::function<bool(const kb::BuiltQuery&)> holds;
};

const std::vector<Row>& Rows() {
  using B = const kb::BuiltQuery&;
  static const std::vector<Row> rows = {
      {"typo_repair", "reset pasword", "en", [](B b) { return b.suggestion == "reset password"; }},
      {"split_words", "پیامرسان تور", "fa", [](B b) { return !b.words[0].split.empty(); }},
      {"greeklish", "kwdikos", "el", [](B b) { return b.words[0].greeklish; }},
      {"synonyms", "reimbursement", "en", [](B b) { return !b.words[0].alternatives.empty(); }},
      {"loose_words", "sign in", "en", [](B b) { return !b.words[0].loose_words.empty(); }},
      {"thesaurus", "person", "en", [](B b) { return !b.words[0].alternatives.empty(); }},
      // Off: stopwords are dropped (kept only when there is nothing else).
      {"stopwords", "how to reset", "en", [](B b) { return b.words.size() == 3; }},
      // Off: the real word "office" is "corrected" to an index word.
      {"dictionary", "office network", "en", [](B b) { return b.suggestion.empty(); }},
      {"stripped_typos", "משללוח", "he", [](B b) { return Contains(b.words[0].exact, "משלוח"); }},
      // The verb "to cancel" also searches the noun "cancellation".
      {"verbal_nouns", "לבטל", "he", [](B b) { return Count(Description(b), "Zביטול") > 0; }},
      // The adjective also searches its comparative, which an article has.
      {"degree_forms", "slow", "en", [](B b) { return Count(Description(b), "Zslower") > 0; }},
      // The loanword "proxy" also searches its other spelling, which an article has.
      {"vowel_letters", "پروکسی", "fa", [](B b) { return Count(Description(b), "پراکسی") > 0; }},
      // "Prevents" (جلوی ... را گرفتن) also searches the noun "prevention".
      {"compound_verbs", "جلوی تور رو میگیره", "fa",
       [](B b) { return Count(Description(b), "Zجلوگیر") > 0; }},
      // The exact-form bonus: the word's exact form alone, scaled.
      {"exact_bonus", "password", "en",
       [](B b) { return Count(Description(b), "1 * password") == 1; }},
      {"title_bonus", "password", "en", [](B b) { return Count(Description(b), "ZSpassword"); }},
      {"proximity", "reset password", "en", [](B b) { return Count(Description(b), " NEAR "); }},
      {"proximity_synonyms", "site admin", "en",
       [](B b) { return Count(Description(b), "NEAR 4 (admin OR administrator)"); }},
  };
  return rows;
}

}  // namespace

TEST_CASE("query features: each switch, when off, removes what its name says") {
  Fixture fixture;
  for (const Row& row : Rows()) {
    const std::string feature = row.feature;
    CAPTURE(feature);
    auto off = kb::ParseQueryFeatures(std::string("-") + row.feature);
    REQUIRE(off.ok());
    const kb::BuiltQuery on_built = fixture.Build(row.query, row.lang, {});
    const kb::BuiltQuery off_built = fixture.Build(row.query, row.lang, *off);
    CAPTURE(Description(on_built));
    CAPTURE(Description(off_built));
    REQUIRE_FALSE(on_built.words.empty());
    REQUIRE_FALSE(off_built.words.empty());
    CHECK(row.holds(on_built));
    CHECK_FALSE(row.holds(off_built));
  }
}

TEST_CASE("query features: every switch but the searcher's has a row") {
  std::set<std::string> tested;
  for (const Row& row : Rows()) tested.insert(row.feature);
  for (const kb::QueryFeatureName& f : kb::QueryFeatureNames()) {
    const std::string name = f.name;
    CAPTURE(name);
    if (name != "lang_fallback" && name != "feedback" && name != "title_coverage")
      CHECK(tested.count(f.name) == 1);
  }
}

TEST_CASE("query features: with every switch on, the query is the default one") {
  Fixture fixture;
  const auto all_on = kb::ParseQueryFeatures("+typo_repair,+proximity");
  REQUIRE(all_on.ok());
  for (const Row& row : Rows())
    CHECK(Description(fixture.Build(row.query, row.lang, *all_on)) ==
          Description(fixture.Build(row.query, row.lang, {})));
}

// One search of the published workspace by a searcher with `features`.
static kb::SearchResponse SearchWith(kb::test::Workspace& ws, const kb::QueryFeatures& features,
                                     const char* query, const char* lang) {
  auto searcher = kb::Searcher::Open(ws.db(), features);
  REQUIRE(searcher.ok());
  kb::SearchRequest request;
  request.query = query;
  request.lang = lang;
  auto response = (*searcher)->Search(request);
  REQUIRE(response.ok());
  return *response;
}

TEST_CASE("query features: lang_fallback off searches only the requested language") {
  kb::test::Workspace ws;
  ws.Write("en/billing/refunds", "title: Refunds\nlang: en", "Refunds arrive within ten days.");
  ws.Publish();
  CHECK(ws.Search("refunds", "he").fallback);
  auto off = kb::ParseQueryFeatures("-lang_fallback");
  REQUIRE(off.ok());
  const kb::SearchResponse response = SearchWith(ws, *off, "refunds", "he");
  CHECK(response.total == 0);
  CHECK_FALSE(response.fallback);
}

TEST_CASE("query features: feedback ranks the matches that say what the best matches say") {
  kb::test::Workspace ws;
  // Two articles about refunds say "reimbursement" and "card" too; a note
  // only repeats the word.
  ws.Write("en/billing/refund-status", "title: Refund status\nlang: en",
           "Your refund is a reimbursement to your card. The card shows the reimbursement.");
  ws.Write("en/billing/refund-time", "title: Refund time\nlang: en",
           "A refund, or reimbursement, reaches your card in ten days.");
  ws.Write("en/billing/note", "title: Refund note\nlang: en", "Refund, refund.");
  ws.Write("en/account/password", "title: Password\nlang: en", "Change your password here.");
  ws.Publish();
  auto ids = [&](const kb::QueryFeatures& features) {
    const kb::SearchResponse response = SearchWith(ws, features, "refund", "en");
    std::vector<std::string> found;
    for (const kb::SearchHit& hit : response.hits) found.push_back(hit.id);
    CHECK(response.total == 3);  // feedback adds no match
    return found;
  };
  auto off = kb::ParseQueryFeatures("-feedback");
  REQUIRE(off.ok());
  const std::vector<std::string> without = ids(*off), with = ids({});
  auto joined = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& id : v) s += id + " ";
    return s;
  };
  CAPTURE(joined(without));
  CAPTURE(joined(with));
  REQUIRE(with.size() == 3);
  // The same matches, in another order: the article whose words the best
  // matches share most ("reimbursement", "card") moves up.
  CHECK(std::set<std::string>(with.begin(), with.end()) ==
        std::set<std::string>(without.begin(), without.end()));
  CHECK(with != without);
  CHECK(with.front() == "en/billing/refund-time");
}

TEST_CASE("query features: title_coverage ranks the article whose title is the question first") {
  kb::test::Workspace ws;
  // The answer's title is most of the question; a note's title has one of
  // its words among others, and its body says the rarer word more.
  ws.Write("en/account/change-password", "title: Change your password\nlang: en",
           "Pick a new password.");
  ws.Write("en/network/traffic",
           "title: Changing traffic rules for office, guest and lab networks\nlang: en",
           "Changing rules, limits and routes.");
  for (int i = 0; i < 6; ++i)  // the word password is common, changing is not
    ws.Write("en/account/note-" + std::to_string(i),
             "title: Note " + std::to_string(i) + "\nlang: en",
             "A password note, password " + std::string(i < 2 ? "changing " : "") +
                 std::to_string(i) + ".");
  ws.Publish();
  // Feedback off in both: title coverage alone reorders.
  auto on = kb::ParseQueryFeatures("-feedback");
  auto off = kb::ParseQueryFeatures("-title_coverage", *on);
  REQUIRE(off.ok());
  const kb::SearchResponse without = SearchWith(ws, *off, "changing my password", "en");
  const kb::SearchResponse with = SearchWith(ws, *on, "changing my password", "en");
  REQUIRE(without.hits.size() >= 2);
  REQUIRE(with.hits.size() == without.hits.size());
  CHECK(with.total == without.total);  // it reorders, it adds no match
  CHECK(without.hits[0].id == "en/network/traffic");
  CHECK(with.hits[0].id == "en/account/change-password");
}

TEST_CASE("query features: feedback pages through every match once, deeper than it reorders") {
  kb::test::Workspace ws;
  // 75 matches: more than feedback reorders (30) and chooses them from (60),
  // each saying "refund" a different number of times among other words.
  constexpr int kMatches = 75;
  for (int i = 0; i < kMatches; ++i) {
    std::string body = "Card reimbursement note " + std::to_string(i) + ".";
    for (int r = 0; r <= i % 7; ++r) body += " Refund.";
    if (i % 3 == 0) body += " Refund card.";
    ws.Write("en/billing/refund-" + std::to_string(i),
             "title: Note " + std::to_string(i) + "\nlang: en", body);
  }
  ws.Publish();
  auto searcher = kb::Searcher::Open(ws.db());
  REQUIRE(searcher.ok());
  for (size_t limit : {10, 7}) {  // pages of 7 straddle the 30th match
    CAPTURE(limit);
    std::vector<std::string> seen;
    for (size_t offset = 0; offset < kMatches + limit; offset += limit) {
      kb::SearchRequest request;
      request.query = "refund";
      request.lang = "en";
      request.offset = offset;
      request.limit = limit;
      auto response = (*searcher)->Search(request);
      REQUIRE(response.ok());
      CHECK(response->total == kMatches);
      CHECK(response->hits.size() ==
            std::min(limit, kMatches - std::min<size_t>(offset, kMatches)));
      for (const kb::SearchHit& hit : response->hits) seen.push_back(hit.id);
    }
    CHECK(seen.size() == kMatches);
    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == kMatches);
  }
}

TEST_CASE("query features: verbal_nouns finds a Hebrew verb's noun, and only with the switch") {
  kb::test::Workspace ws;
  ws.Write("he/billing/upgrade", "title: שדרוג מנוי\nlang: he", "איך מבצעים שדרוג של המנוי.");
  ws.Write("he/billing/pay", "title: תשלום\nlang: he", "תשלום בכרטיס אשראי.");
  ws.Write("he/printing/fix", "title: לתקן את המדפסת\nlang: he", "כך מתקנים.");
  ws.Publish();
  // Typo repair off: it also reaches some of these articles (as a repair).
  auto on = kb::ParseQueryFeatures("-typo_repair");
  auto off = kb::ParseQueryFeatures("-typo_repair,-verbal_nouns");
  REQUIRE(on.ok());
  REQUIRE(off.ok());
  // The verb "to upgrade" finds "upgrade" (the noun) ...
  const kb::SearchResponse verb = SearchWith(ws, *on, "לשדרג", "he");
  REQUIRE(verb.total == 1);
  CHECK(verb.hits[0].id == "he/billing/upgrade");
  CHECK(SearchWith(ws, *off, "לשדרג", "he").total == 0);
  // ... and the noun "repair" the article that says "to fix".
  const kb::SearchResponse noun = SearchWith(ws, *on, "תיקון", "he");
  REQUIRE(noun.total == 1);
  CHECK(noun.hits[0].id == "he/printing/fix");
  CHECK(SearchWith(ws, *off, "תיקון", "he").total == 0);
}

TEST_CASE("query features: --features lists parse, and bad ones say why") {
  struct Case {
    const char* list;
    const char* off;    // DescribeQueryFeatures of the result
    const char* error;  // part of the error message; "" when it parses
  };
  const Case cases[] = {
      {"", "", ""},
      {"-thesaurus", "-thesaurus", ""},
      {"-typo_repair,-thesaurus", "-typo_repair,-thesaurus", ""},
      {"-proximity,+proximity", "", ""},
      {"+feedback", "", ""},
      {"-lang_fallback,-exact_bonus", "-exact_bonus,-lang_fallback", ""},  // in struct order
      {"-nope", "", "unknown feature 'nope'"},
      {"thesaurus", "", "needs + (on) or - (off)"},
      {"-thesaurus,", "", "needs + (on) or - (off)"},
      {"-Thesaurus", "", "unknown feature 'Thesaurus'"},
      {"- thesaurus", "", "unknown feature ' thesaurus'"},
  };
  for (const Case& c : cases) {
    const std::string list = c.list;
    CAPTURE(list);
    auto parsed = kb::ParseQueryFeatures(c.list);
    if (*c.error == '\0') {
      REQUIRE(parsed.ok());
      CHECK(kb::DescribeQueryFeatures(*parsed) == c.off);
    } else {
      REQUIRE_FALSE(parsed.ok());
      CHECK(parsed.status().code() == kb::StatusCode::kInvalidArgument);
      CHECK(parsed.status().message().find(c.error) != std::string::npos);
    }
  }
}

TEST_CASE("query features: every name is unique and round-trips") {
  std::set<std::string> names;
  for (const kb::QueryFeatureName& f : kb::QueryFeatureNames()) {
    const std::string name = f.name;
    CAPTURE(name);
    CHECK(names.insert(f.name).second);
    auto off = kb::ParseQueryFeatures(std::string("-") + f.name);
    REQUIRE(off.ok());
    CHECK(kb::DescribeQueryFeatures(*off) == std::string("-") + f.name);
    CHECK_FALSE((*off).*(f.member));
  }
  CHECK(kb::DescribeQueryFeatures({}).empty());
}
