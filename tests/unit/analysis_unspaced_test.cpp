// Text written without spaces (analysis/unspaced_text.h): Chinese, Japanese
// and Korean as character pairs, Thai as dictionary words, with spans into
// the original text; and language detection of those scripts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/unspaced_text.h"
#include "kb/analysis/analysis.h"
#include "test_support.h"

namespace {

using kb::test::Terms;

std::vector<std::string> Spans(const std::string& text, const std::vector<kb::Token>& tokens) {
  std::vector<std::string> out;
  for (const kb::Token& t : tokens) out.push_back(kb::test::Span(text, t));
  return out;
}

}  // namespace

TEST_CASE("unspaced text: Chinese, Japanese and Korean become overlapping character pairs") {
  auto analyzer = kb::NewAnalyzer();
  struct Case {
    const char* text;
    const char* lang;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"忘记了密码", "zh", {"忘记", "记了", "了密", "密码"}},
      {"重置密码。请点击", "zh", {"重置", "置密", "密码", "请点", "点击"}},
      {"卡", "zh", {"卡"}},
      // The prolonged sound mark (script Common) stays inside the word; kanji
      // fold like Traditional Chinese to Simplified (設 -> 设), query and text alike.
      {"パスワードの再設定",
       "ja",
       {"パス", "スワ", "ワー", "ード", "ドの", "の再", "再设", "设定"}},
      // Half-width kana fold to full-width; a voicing mark is part of its character.
      {"ｶﾞｲﾄﾞ", "ja", {"ガイ", "イド"}},
      {"비밀번호를 잊으셨다면",
       "ko",
       {"비밀", "밀번", "번호", "호를", "잊으", "으셨", "셨다", "다면"}},
      // Other scripts and digits end a stretch; Latin words stay words.
      {"iPhone设置第2步", "zh", {"iphone", "设置", "置第", "2", "步"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto tokens = analyzer->Analyze(c.text, c.lang);
    CHECK(Terms(tokens) == c.want);
    for (size_t i = 1; i < tokens.size(); ++i)
      CHECK(tokens[i].position == tokens[i - 1].position + 1);
    for (const kb::Token& t : tokens)
      if (kb::analysis::IsCharacterPairTerm(t.term))
        CHECK(t.stems.empty());  // pairs are not stemmed
  }
}

TEST_CASE("unspaced text: each pair spans its two characters in the original text") {
  auto analyzer = kb::NewAnalyzer();
  const std::string zh = "如果您忘记了密码";
  CHECK(Spans(zh, analyzer->Analyze(zh, "zh")) ==
        std::vector<std::string>{"如果", "果您", "您忘", "忘记", "记了", "了密", "密码"});
  const std::string kana = "ｶﾞｲﾄﾞ";
  CHECK(Spans(kana, analyzer->Analyze(kana, "ja")) == std::vector<std::string>{"ｶﾞｲ", "ｲﾄﾞ"});
  const std::string mixed = "iPhone设置";
  CHECK(Spans(mixed, analyzer->Analyze(mixed, "zh")) == std::vector<std::string>{"iPhone", "设置"});
}

TEST_CASE("unspaced text: indexed pairs carry their characters so one-character queries match") {
  auto analyzer = kb::NewAnalyzer();
  const auto indexed = analyzer->Analyze("银行卡", "zh");
  REQUIRE(indexed.size() == 2);
  CHECK(indexed[0].extra_terms == std::vector<std::string>{"银"});
  CHECK(indexed[1].extra_terms == std::vector<std::string>{"行", "卡"});
  // A query's pairs do not: 银行 must not match every text with 银 in it.
  for (const kb::Token& t : analyzer->AnalyzeQuery("银行卡", "zh")) CHECK(t.extra_terms.empty());
}

TEST_CASE("unspaced text: Thai is cut into dictionary words with their spans") {
  auto analyzer = kb::NewAnalyzer();
  const std::string th = "หากคุณลืมรหัสผ่าน";  // "if you forgot the password"
  const auto tokens = analyzer->Analyze(th, "th");
  CHECK(Terms(tokens) == std::vector<std::string>{"หาก", "คุณ", "ลืม", "รหัส", "ผ่าน"});
  CHECK(Spans(th, tokens) == Terms(tokens));
  // The same words come out of a query typed without the rest of the sentence.
  CHECK(Terms(analyzer->AnalyzeQuery("ลืมรหัสผ่าน", "th")) ==
        std::vector<std::string>{"ลืม", "รหัส", "ผ่าน"});
}

TEST_CASE("unspaced text: which terms are character pairs") {
  using kb::analysis::IsCharacterPairTerm;
  CHECK(IsCharacterPairTerm("密码"));
  CHECK(IsCharacterPairTerm("パス"));
  CHECK(IsCharacterPairTerm("비밀"));
  CHECK(IsCharacterPairTerm("卡"));
  CHECK_FALSE(IsCharacterPairTerm("รหัส"));  // a Thai dictionary word is a word
  CHECK_FALSE(IsCharacterPairTerm("password"));
  CHECK_FALSE(IsCharacterPairTerm("סיסמה"));
  CHECK_FALSE(IsCharacterPairTerm("пароль"));
  CHECK_FALSE(IsCharacterPairTerm("2"));
  CHECK_FALSE(IsCharacterPairTerm(""));
}

TEST_CASE("analysis DetectLanguage: scripts beyond he, fa, el and Latin") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"忘记密码", "zh"},
      {"パスワード", "ja"},
      {"パスワードを忘れた", "ja"},
      {"再設定", "zh"},
      {"비밀번호", "ko"},
      {"รหัสผ่าน", "th"},
      {"забыли пароль", "ru"},
      {"Забули пароль і логін", "uk"},
      {"iPhone 密码", "zh"},
      {"Wi-Fi 비밀번호", "ko"},
      {"პაროლი", "ka"},
      {"iPhone סיסמה 密码", "he"},  // Hebrew, Greek and Arabic script still come first
  };
  for (const Case& c : cases) CHECK_MESSAGE(kb::DetectLanguage(c.text) == c.want, c.text);
  CHECK(kb::SameScriptLanguages("zh") == std::vector<std::string>{"ja"});
  CHECK(kb::SameScriptLanguages("ru").front() == "uk");
  CHECK(kb::SameScriptLanguages("en").empty());
}
