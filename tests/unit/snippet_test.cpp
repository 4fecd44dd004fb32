// MakeSnippet on its own: marks, overlapping character pairs, and the bound
// on how much of a long article is analysed.
#include "index/snippet.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "index/query_builder.h"
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
