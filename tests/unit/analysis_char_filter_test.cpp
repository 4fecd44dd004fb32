// The char filter (Analyzer::Normalize, ANALYSIS.md §4): the §9 output table
// from tests/data/analysis/char_filter.tsv plus single-rule cases.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kb/analysis/analysis.h"
#include "test_support.h"

namespace {}  // namespace

TEST_CASE("analysis char filter: ANALYSIS.md §9 output table") {
  auto analyzer = kb::NewAnalyzer();
  int rows = 0;
  for (const auto& cells : kb::test::ReadTsv("analysis/char_filter.tsv")) {
    REQUIRE(cells.size() == 3);
    CHECK(analyzer->Normalize(cells[1], cells[0]) == cells[2]);
    ++rows;
  }
  CHECK(rows == 5);
}

TEST_CASE("analysis char filter: single rules") {
  struct Case {
    const char* in;
    const char* lang;
    const char* want;
  };
  const Case cases[] = {
      {"\xD7\xB0\xD7\xB1\xD7\xB2", "he", "וווייי"},     // U+05F0-2 ligatures
      {"א\xD7\x80ב\xD7\x83", "he", "א ב "},             // paseq, sof pasuq -> space
      {"ΣΟΦΟΣ", "el", "σοφοσ"},                         // final sigma folded
      {"Ἀθῆναι", "el", "αθηναι"},                       // polytonic
      {"προ\xCF\x8A\xCF\x8C\xCE\xBD", "el", "προιον"},  // ϊ ό
      {"café", "fr", "café"},  // French keeps accents (folded after stemming)
      {"café", "", "cafe"},
      {"كتاب", "ar", "كتاب"},  // Arabic documents keep Arabic letters
      {"كتاب", "", "کتاب"},    // Arabic script in a non-"ar" text: Persian letters
      {"ئ ة ى ے ۀ", "fa", "ی ه ی ی ه"},
      {"٫٬", "fa", ".,"},
      {"ﷲ", "fa", "الله"},
      {"नमस्ते", "", "नमस्ते"},  // Devanagari marks are kept
      {"abc\xE2\x81\xA0"
       "def",
       "", "abcdef"},                                      // word joiner deleted
      {"x\xD9\x80y", "", "xy"},                            // tatweel deleted
      {"ab\xEF\xBC\x91", "", "ab1"},                       // fullwidth digit
      {"λόγοςlogos", "el", "λογοσ logos"},                 // script change
      {"Ёлка счёт й", "ru", "елка счет й"},                // ё is written е as often; й stays
      {"密碼 設定 電子郵件", "zh", "密码 设定 电子邮件"},  // Traditional Chinese -> Simplified
      {"パスワード 広告", "ja", "パスワード 広告"},        // kana and Japanese-only kanji stay
      {"", "", ""},
  };
  auto analyzer = kb::NewAnalyzer();
  for (const Case& c : cases) {
    CHECK_MESSAGE(analyzer->Normalize(c.in, c.lang) == c.want, c.in);
  }
}

TEST_CASE("analysis char filter: invalid UTF-8 bytes are dropped") {
  auto analyzer = kb::NewAnalyzer();
  CHECK(analyzer->Normalize("ab\xFF\xC3"
                            "cd",
                            "en") == "abcd");
  CHECK(analyzer->Normalize("\xE2\x82", "") == "");
  CHECK(analyzer->Normalize("שלום\x80עולם", "he") == "שלוםעולם");
  std::string zeros("a\0b", 3);
  CHECK(analyzer->Normalize(zeros, "") == zeros);
}
