// ANALYSIS.md §9 retrieval rows (tests/data/analysis/retrieval.tsv): a query
// matches a document the way the query builder will match it, and the
// negative rows do not match. Also DetectLanguage (§6.2).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kb/analysis/analysis.h"
#include "test_support.h"

namespace {

using kb::test::Contains;

// One query word matches a document word by exact term, extra term or a shared stem.
bool WordMatches(const kb::Token& q, const std::vector<kb::Token>& doc) {
  for (const kb::Token& d : doc) {
    if (d.term == q.term || Contains(d.extra_terms, q.term) || Contains(q.extra_terms, d.term))
      return true;
    for (const std::string& s : q.stems) {
      if (Contains(d.stems, s)) return true;
    }
  }
  return false;
}

// Every non-stopword query word must match; a query of stopwords only matches nothing.
bool QueryMatches(const std::vector<kb::Token>& query, const std::vector<kb::Token>& doc) {
  int words = 0;
  for (const kb::Token& q : query) {
    if (q.stopword) continue;
    ++words;
    if (!WordMatches(q, doc)) return false;
  }
  return words > 0;
}

std::string Describe(const std::vector<kb::Token>& tokens) {
  std::string out;
  for (const kb::Token& t : tokens) {
    out += t.stopword ? "(stop:" + t.term + ")" : t.term;
    out += "{";
    for (const std::string& s : t.stems) out += s + ",";
    for (const std::string& s : t.extra_terms) out += "+" + s + ",";
    out += "} ";
  }
  return out;
}

}  // namespace

TEST_CASE("analysis retrieval: every ANALYSIS.md §9 row matches or does not match as specified") {
  auto rows = kb::test::ReadTsv("analysis/retrieval.tsv");
  REQUIRE(rows.size() == 164);
  auto analyzer = kb::NewAnalyzer();
  std::map<std::string, int> passed;
  for (const auto& row : rows) {
    REQUIRE(row.size() == 5);
    const std::string& lang = row[0];
    bool expect = row[2] == "match";
    auto q = analyzer->Analyze(row[3], lang);
    auto d = analyzer->Analyze(row[4], lang);
    bool got = QueryMatches(q, d);
    CHECK_MESSAGE(got == expect, lang << " row " << row[1] << ": query [" << Describe(q)
                                      << "] doc [" << Describe(d) << "]");
    if (got == expect) ++passed[lang + (expect ? "+" : "-")];
  }
  CHECK(passed["he+"] == 41);
  CHECK(passed["fa+"] == 43);
  CHECK(passed["el+"] == 39);
  CHECK(passed["en+"] == 34);
  CHECK(passed["he-"] + passed["fa-"] + passed["el-"] + passed["en-"] == 7);
}

TEST_CASE("analysis retrieval: DetectLanguage gives each §9 query its section's language") {
  auto analyzer = kb::NewAnalyzer();
  auto rows = kb::test::ReadTsv("analysis/retrieval.tsv");
  for (const auto& row : rows) {
    std::string want = row[0];
    if (row[0] == "he" && row[1] == "38") want = "en";  // "iPhone": all Latin
    if (row[0] == "fa" && row[1] == "21") want = "";    // "١٢٣": no letters
    CHECK_MESSAGE(kb::DetectLanguage(row[3]) == want, row[0] << " row " << row[1]);
  }
}

TEST_CASE("analysis DetectLanguage: script decides, non-Latin scripts beat Latin") {
  struct Case {
    const char* text;
    const char* latin_default;
    bool arabic_indexed;
    const char* want;
  };
  const Case cases[] = {
      {"איך מבטלים מנוי", "en", false, "he"},
      {"چطور رمز را عوض کنم", "en", false, "fa"},
      {"كيف ألغي", "en", false, "fa"},
      {"كيف ألغي", "en", true, "ar"},
      {"چطور رمز را عوض کنم", "en", true, "fa"},
      {"Πώς αλλάζω", "en", false, "el"},
      {"reset password", "en", false, "en"},
      {"reset password", "fr", false, "fr"},
      {"סיסמה iPhone", "en", false, "he"},
      {"Gmail λογαριασμός", "en", false, "el"},
      {"123 !!", "en", false, ""},
      {"", "en", false, ""},
  };
  for (const Case& c : cases) {
    CHECK_MESSAGE(kb::DetectLanguage(c.text, c.latin_default, c.arabic_indexed) == c.want, c.text);
  }
}
