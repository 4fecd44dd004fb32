// MakeSnippet on its own: marks, overlapping character pairs, and the bound
// on how much of a long article is analysed.
#include "index/snippet.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "index/document_builder.h"
#include "index/query_builder.h"
#include "index/schema.h"
#include "kb/analysis/analysis.h"

namespace {

std::string Snippet(const std::vector<std::string>& passages, const std::string& query,
                    const std::string& lang, const kb::SnippetOptions& options = {}) {
  auto analyzer = kb::NewAnalyzer();
  const kb::BuiltQuery built = kb::BuildQuery(query, lang, {analyzer.get()});
  return kb::MakeSnippet(passages, lang, built.words, *analyzer, options);
}

}  // namespace

TEST_CASE("snippet: overlapping character pairs make one mark, words apart make two") {
  CHECK(Snippet({"如果您忘记了密码，请点击忘记密码。"}, "忘记密码", "zh") ==
        "如果您<mark>忘记</mark>了<mark>密码</mark>，请点击<mark>忘记密码</mark> …");
  CHECK(Snippet({"Reset the password here."}, "reset password", "en") ==
        "<mark>Reset</mark> the <mark>password</mark> here …");
}

TEST_CASE("snippet: a Chinese passage starts about three words before its first match") {
  // Six characters (three two-character words) of context, not three characters.
  CHECK(Snippet({"请在登录页面点击如果您忘记了密码"}, "密码", "zh") ==
        "… 如果您忘记了<mark>密码</mark>");
  CHECK(Snippet({"Please open the login page and if you forgot the password"}, "password", "en") ==
        "… you forgot the <mark>password</mark>");
}

TEST_CASE("snippet: a long article is analysed up to a bound once a passage matched") {
  // A first passage of 40 KB with one query word, then one with both.
  std::string filler;
  while (filler.size() < 40 * 1024) filler += "lorem ipsum dolor sit amet ";
  const std::vector<std::string> passages{"The refund arrives. " + filler,
                                          "Refund and invoice together."};
  kb::SnippetOptions bounded;
  bounded.max_analyzed_bytes = 32 * 1024;
  CHECK(Snippet(passages, "refund invoice", "en", bounded)
            .find("<mark>Refund</mark> and <mark>invoice</mark>") == std::string::npos);
  kb::SnippetOptions unbounded;
  unbounded.max_analyzed_bytes = 1 << 20;
  CHECK(Snippet(passages, "refund invoice", "en", unbounded)
            .find("<mark>Refund</mark> and <mark>invoice</mark>") != std::string::npos);
  // Without a match so far, analysis goes on past the bound.
  const std::vector<std::string> late{filler, "Refund and invoice together."};
  CHECK(Snippet(late, "refund invoice", "en", bounded).find("<mark>Refund</mark>") !=
        std::string::npos);
}

namespace {

// The snippet from an article's stored passages (document slot) and the one
// from re-analysing the same passages, as the searcher would show them.
std::pair<std::string, std::string> StoredAndAnalysed(const kb::Article& article,
                                                      const std::string& query) {
  auto analyzer = kb::NewAnalyzer();
  const kb::BuiltQuery built = kb::BuildQuery(query, article.lang, {analyzer.get()});
  const Xapian::Document doc = kb::BuildDocument(article, *analyzer);
  std::vector<std::string> passages;
  for (const kb::Section& s : article.sections) {
    std::string passage = s.heading;
    if (!passage.empty() && !s.text.empty()) passage += "\n";
    passage += s.text;
    if (!passage.empty()) passages.push_back(passage);
  }
  const auto stored = kb::MakeStoredSnippet(doc.get_value(kb::schema::kSlotSnippets), built.words);
  return {stored.value_or("(not decoded)"),
          kb::MakeSnippet(passages, article.lang, built.words, *analyzer)};
}

kb::Article Article(const std::string& lang, std::vector<kb::Section> sections) {
  kb::Article article;
  article.id = lang + "/a/b";
  article.lang = lang;
  article.title = "t";
  article.sections = std::move(sections);
  return article;
}

}  // namespace

TEST_CASE("snippet: stored passages give the snippet re-analysis gives") {
  const std::vector<std::pair<kb::Article, std::string>> cases = {
      {Article("en", {{0, "", "Intro without a heading."},
                      {2, "Reset your password", "Open settings, then reset the password."},
                      {2, "Invoices", ""}}),
       "reset password"},
      {Article("en", {{2, "Billing", "Refunds & invoices: c++ and 3.5 GB"}}), "invoice refund"},
      {Article("he", {{2, "איפוס סיסמה", "כדי לאפס את הסיסמה, פתחו את ההגדרות."}}), "איפוס סיסמה"},
      {Article("el", {{2, "Κωδικός", "Ξεχάσατε τον κωδικό πρόσβασης;"}}), "κωδικος"},
      // A heading ending in a ZWNJ joins its last word to the text's first.
      {Article("fa", {{2, "نرم\u200c", "افزار را نصب کنید"}, {2, "حساب", "می\u200cخواهم"}}),
       "نرم افزار"},
      {Article("zh", {{2, "忘记密码", "如果您忘记了密码，请点击忘记密码。"}}), "忘记密码"},
      {Article("en", {{2, "Nothing", "matches here at all"}}), "zebra"},
  };
  for (const auto& [article, query] : cases) {
    const auto [stored, analysed] = StoredAndAnalysed(article, query);
    CAPTURE(query);
    CHECK(stored == analysed);
  }
  // A long article: the same bound on what is looked at.
  std::string filler;
  while (filler.size() < 40 * 1024) filler += "lorem ipsum dolor sit amet ";
  const auto [stored, analysed] = StoredAndAnalysed(
      Article("en", {{0, "", "The refund arrives. " + filler}, {2, "", "Refund and invoice."}}),
      "refund invoice");
  CHECK(stored == analysed);
  CHECK(stored.find("<mark>invoice</mark>") == std::string::npos);
}

TEST_CASE("snippet: stored passages that do not decode give no snippet") {
  auto analyzer = kb::NewAnalyzer();
  const kb::BuiltQuery built = kb::BuildQuery("password", "en", {analyzer.get()});
  CHECK_FALSE(kb::MakeStoredSnippet("", built.words).has_value());
  const std::string good = kb::EncodeSnippetPassages(
      {"reset the password"}, {analyzer->Analyze("reset the password", "en")});
  CHECK(kb::MakeStoredSnippet(good, built.words) == "reset the <mark>password</mark>");
  for (size_t cut = 0; cut < good.size(); ++cut)
    CHECK_FALSE(kb::MakeStoredSnippet(good.substr(0, cut), built.words).has_value());
}
