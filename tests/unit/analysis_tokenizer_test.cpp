// Tokenization (Analyzer::Analyze): word splitting, positions, and byte spans
// into the ORIGINAL text (used to highlight snippets).
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "test_support.h"

namespace {

using kb::test::Span;
using kb::test::Terms;

}  // namespace

TEST_CASE("analysis tokenizer: Xapian-like word rules") {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"can't log-in e-mail user@example.com v2.0 C++ c# 1,000",
       {"can't", "log", "in", "e", "mail", "user", "example", "com", "v2.0", "c++", "c#", "1,000"}},
      {"don’t AT&T", {"don't", "at&t"}},
      {"end. Next,word", {"end", "next", "word"}},
      {"בית־ספר דו״ח צ'ק", {"בית", "ספר", "דוח", "צק"}},
      {"שלום\xE2\x80\x8F"
       "עולם ab\xE2\x80\x8B"
       "cd",
       {"שלום", "עולם", "ab", "cd"}},
      {"سلام، چطور؟ «پرداخت»", {"سلام", "چطور", "پرداخت"}},
      {"κωδικός; λογαριασμός· τέλος", {"κωδικοσ", "λογαριασμοσ", "τελοσ"}},
  };
  auto analyzer = kb::NewAnalyzer();
  for (const Case& c : cases) CHECK_MESSAGE(Terms(analyzer->Analyze(c.text, "")) == c.want, c.text);
}

TEST_CASE("analysis tokenizer: empty and punctuation-only input give no tokens") {
  auto analyzer = kb::NewAnalyzer();
  CHECK(analyzer->Analyze("", "en").empty());
  CHECK(analyzer->Analyze(" \t-- !? «» ״ ׳", "he").empty());
  CHECK(analyzer->Analyze("\xE2\x80\x8C\xC2\xAD", "fa").empty());
}

TEST_CASE("analysis tokenizer: positions are consecutive across the text") {
  auto analyzer = kb::NewAnalyzer();
  auto tokens = analyzer->Analyze("e-mail the בiPhone نرم‌افزار", "en");
  REQUIRE(tokens.size() == 7);
  for (size_t i = 1; i < tokens.size(); ++i)
    CHECK(tokens[i].position == tokens[i - 1].position + 1);
}

TEST_CASE("analysis tokenizer: spans cover the original bytes of each word") {
  auto analyzer = kb::NewAnalyzer();
  struct Case {
    std::string text;
    std::string lang;
    std::vector<std::string> terms;
    std::vector<std::string> spans;
  };
  const Case cases[] = {
      {"בiPhone", "he", {"ב", "iphone"}, {"בiPhone", "בiPhone"}},
      {"νέο ΚΩΔΙΚΌ", "el", {"νεο", "κωδικο"}, {"νέο", "ΚΩΔΙΚΌ"}},
      {"x ﻛﺘﺎﺏ y", "fa", {"x", "کتاب", "y"}, {"x", "ﻛﺘﺎﺏ", "y"}},
      {"אמר שָׁלוֹם.", "he", {"אמר", "שלום"}, {"אמר", "שָׁלוֹם"}},
      {"ＰＡＳＳ word", "en", {"pass", "word"}, {"ＰＡＳＳ", "word"}},
      {"pass\xC2\xAD"
       "word!",
       "en",
       {"password"},
       {"pass\xC2\xAD"
        "word"}},
      {"e-mail", "en", {"e", "mail"}, {"e", "mail"}},
      {"(דו״ח)", "he", {"דוח"}, {"דו״ח"}},
      {"نرم‌افزار", "fa", {"نرم", "افزار"}, {"نرم", "افزار"}},
      {"ab\xFF"
       "cd",
       "en",
       {"ab", "cd"},
       {"ab", "cd"}},
      {"caf\xC3\xA9\xE2\x82", "en", {"cafe"}, {"café"}},
  };
  for (const Case& c : cases) {
    auto tokens = analyzer->Analyze(c.text, c.lang);
    REQUIRE_MESSAGE(Terms(tokens) == c.terms, c.text);
    for (size_t i = 0; i < tokens.size(); ++i)
      CHECK_MESSAGE(Span(c.text, tokens[i]) == c.spans[i], c.text);
  }
}

TEST_CASE("analysis tokenizer: words longer than 64 characters are dropped") {
  auto analyzer = kb::NewAnalyzer();
  std::string ok64, heb65;
  for (int i = 0; i < 64; ++i) ok64 += "a";
  for (int i = 0; i < 65; ++i) heb65 += "א";
  auto tokens = analyzer->Analyze(ok64 + " " + heb65 + " end", "en");
  CHECK(Terms(tokens) == std::vector<std::string>{ok64, "end"});
}

TEST_CASE("analysis tokenizer: a ZWNJ compound adds its joined form and stem to the first part") {
  auto analyzer = kb::NewAnalyzer();
  auto tokens = analyzer->Analyze("نرم‌افزار", "fa");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].extra_terms == std::vector<std::string>{"نرمافزار"});
  CHECK(tokens[0].stems == std::vector<std::string>{"نرم", "نرمافزار"});
  CHECK(tokens[1].extra_terms.empty());
  auto books = analyzer->Analyze("کتاب‌ها", "fa");
  REQUIRE(books.size() == 2);
  CHECK(books[0].extra_terms == std::vector<std::string>{"کتابها"});
  CHECK(books[0].stems == std::vector<std::string>{"کتاب"});
  CHECK(books[1].stopword);
  // Possessive and comparative endings after a ZWNJ are not words: no stem
  // of theirs ("هایتان" stemmed to هایت) matches other articles' endings.
  for (const char* text : {"رمز‌هایتان", "کتاب‌تان", "کتاب‌اش",
                           "بزرگ‌تر", "بزرگ‌ترین"}) {
    CAPTURE(text);
    auto parts = analyzer->Analyze(text, "fa");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].extra_terms.size() == 1);
    CHECK(parts[1].stopword);
    CHECK(parts[1].stems.empty());
  }
}

TEST_CASE("analysis tokenizer: a hyphenated compound also indexes its joined form") {
  // Articles write add-ons, customers type addons (or the reverse): both meet.
  auto analyzer = kb::NewAnalyzer();
  struct Case {
    const char* text;
    const char* lang;
    std::vector<std::string> terms;
    std::string joined;  // extra term of the first part; "" for none
  };
  const Case cases[] = {
      {"add-ons", "en", {"add", "ons"}, "addons"},
      {"wi\u2011fi", "en", {"wi", "fi"}, "wifi"},        // non-breaking hyphen
      {"דו\u05BEשלבי", "he", {"דו", "שלבי"}, "דושלבי"},  // maqaf
      {"2-3", "en", {"2", "3"}, ""},                     // a range, not a word
      {"add - ons", "en", {"add", "ons"}, ""},           // a dash between words
  };
  for (const Case& c : cases) {
    const auto tokens = analyzer->Analyze(c.text, c.lang);
    CHECK_MESSAGE(Terms(tokens) == c.terms, c.text);
    REQUIRE(!tokens.empty());
    const std::vector<std::string> want =
        c.joined.empty() ? std::vector<std::string>{} : std::vector<std::string>{c.joined};
    CHECK_MESSAGE(tokens[0].extra_terms == want, c.text);
  }
  // The query word as typed joined finds the hyphenated form's term.
  const auto addons = analyzer->Analyze("addons", "en");
  REQUIRE(addons.size() == 1);
  CHECK(addons[0].term == "addons");
}

TEST_CASE("analysis tokenizer: English enclitics are left out of the word") {
  // "what's tor" meets the title "What is Tor?"; a possessive meets the name.
  auto analyzer = kb::NewAnalyzer();
  const std::string text = "What\u2019s Tor's you're it'll can't";
  const auto tokens = analyzer->Analyze(text, "en");
  CHECK(Terms(tokens) == std::vector<std::string>{"what", "tor", "you", "it", "can't"});
  CHECK(tokens[0].stopword);
  CHECK(tokens[1].stems == std::vector<std::string>{"tor"});
  CHECK(Span(text, tokens[0]) == "What\u2019s");  // highlighted as written
  // Only where the language has them: a Hebrew geresh stays in the word.
  CHECK(Terms(analyzer->Analyze("צ'ק", "he")) == std::vector<std::string>{"צק"});
}

TEST_CASE("analysis tokenizer: stopwords are flagged and carry no stems") {
  auto analyzer = kb::NewAnalyzer();
  struct Case {
    const char* text;
    const char* lang;
    std::vector<bool> stop;
  };
  const Case cases[] = {
      {"how to reset the password", "en", {true, true, false, true, false}},
      {"Πώς αλλάζω τον κωδικό", "el", {true, false, true, false}},
      {"איך לאפס את הסיסמה ב iPhone", "he", {true, false, true, false, true, false}},
      {"کتاب ها و می خواهم", "fa", {false, true, true, true, false}},
      // "via" is the two words از طریق; help-desk words such as کمک stay.
      {"کمک از طریق تور", "fa", {false, true, true, false}},
      {"μεσω tor", "el", {true, false}},
  };
  for (const Case& c : cases) {
    auto tokens = analyzer->Analyze(c.text, c.lang);
    REQUIRE_MESSAGE(tokens.size() == c.stop.size(), c.text);
    for (size_t i = 0; i < tokens.size(); ++i) {
      CHECK_MESSAGE(tokens[i].stopword == c.stop[i], c.text << " #" << i);
      if (!tokens[i].stopword) CHECK(!tokens[i].stems.empty());
      if (tokens[i].stopword) CHECK(tokens[i].stems.empty());
    }
  }
}

// The analyzer stores each stopword as its normalized form: that form must
// be one token, or the entry would never match (a ZWNJ entry would be two).
TEST_CASE("analysis tokenizer: every built-in stopword is one token, flagged as a stopword") {
  auto analyzer = kb::NewAnalyzer();
  for (const kb::analysis::LanguageProfile& profile : kb::analysis::AllProfiles()) {
    for (const std::string& w : profile.stopwords) {
      CAPTURE(profile.code);
      CAPTURE(w);
      const auto tokens = analyzer->Analyze(w, profile.code);
      REQUIRE(tokens.size() == 1);
      CHECK(tokens[0].term == analyzer->Normalize(w, profile.code));
      CHECK(tokens[0].stopword);
    }
  }
}
