// ANALYSIS.md §9 retrieval rows (tests/data/analysis/retrieval.tsv) through a
// REAL published index and the REAL query path (kb::Publish + Searcher::Search),
// not just the analyzer: one article per row, one index per language.
//
// Negative rows ("must NOT match"): the spelling corrector only corrects a
// query word that occurs in no public article, and would then also search the
// correction, which could reach the negative document for a reason that has
// nothing to do with stemming. So each language's index also holds an
// "anchor" article whose text is the negative query itself: the query word is
// then known, nothing is corrected (checked), and the anchor must be hit, which
// proves the query really ran. The negative document must still not be hit.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kb/index/publish.h"
#include "kb/index/search.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

struct Row {
  std::string lang, number, query, document;
  bool match = true;
};

std::vector<Row> ReadRows(const std::string& lang) {
  std::vector<Row> rows;
  int negatives = 0;
  for (const auto& cells : kb::test::ReadTsv("analysis/retrieval.tsv")) {
    REQUIRE(cells.size() == 5);
    if (cells[0] != lang) continue;
    const bool match = cells[2] == "match";
    // Negative rows are all numbered "neg" in the file; number them for unique ids.
    std::string number = match ? cells[1] : cells[1] + std::to_string(++negatives);
    rows.push_back({cells[0], number, cells[3], cells[4], match});
  }
  return rows;
}

std::string DocId(const Row& row) { return row.lang + "/t/row" + row.number; }

bool Hit(const kb::SearchResponse& response, const std::string& id) {
  return std::any_of(response.hits.begin(), response.hits.end(),
                     [&](const kb::SearchHit& h) { return h.id == id; });
}

std::string HitIds(const kb::SearchResponse& response) {
  std::string out;
  for (const kb::SearchHit& h : response.hits) out += h.id + " ";
  return out;
}

// Publishes one article per row of `lang` (plus an anchor per negative row) and
// searches every row's query. Returns {positive rows, negative rows} checked.
std::pair<int, int> CheckLanguage(const std::string& lang) {
  const std::vector<Row> rows = ReadRows(lang);
  REQUIRE_FALSE(rows.empty());
  kb::test::Workspace dir("kb-analysis-index");
  size_t articles = 0;
  const std::string front = "lang: " + lang + "\ntitle: ";
  for (const Row& row : rows) {
    dir.Write(DocId(row), front + "doc " + row.number, row.document);
    ++articles;
    if (!row.match) {
      dir.Write(DocId(row) + "-anchor", front + "anchor " + row.number, row.query);
      ++articles;
    }
  }
  const kb::PublishReport report = dir.Publish();
  REQUIRE(report.errors.empty());
  REQUIRE(report.added == articles);

  std::pair<int, int> checked{0, 0};
  for (const Row& row : rows) {
    CAPTURE(row.lang);
    CAPTURE(row.number);
    CAPTURE(row.query);
    CAPTURE(row.document);
    kb::SearchRequest request;
    request.query = row.query;
    request.lang = lang;
    request.limit = 50;
    auto response = dir.searcher().Search(request);
    REQUIRE(response.ok());
    CAPTURE(HitIds(*response));
    CHECK(response->lang == lang);
    CHECK_FALSE(response->fallback);
    if (row.match) {
      CHECK(Hit(*response, DocId(row)));
      ++checked.first;
    } else {
      CHECK_FALSE(response->corrected);
      CHECK_FALSE(response->suggestion.has_value());
      CHECK(Hit(*response, DocId(row) + "-anchor"));
      CHECK_FALSE(Hit(*response, DocId(row)));
      ++checked.second;
    }
  }
  return checked;
}

}  // namespace

// Row counts are those of ANALYSIS.md §9, so a lost row fails too.
TEST_CASE("analysis index: Hebrew §9 rows through publish and search") {
  CHECK(CheckLanguage("he") == std::make_pair(41, 1));
}

TEST_CASE("analysis index: Persian §9 rows through publish and search") {
  CHECK(CheckLanguage("fa") == std::make_pair(43, 4));
}

TEST_CASE("analysis index: Greek §9 rows through publish and search") {
  CHECK(CheckLanguage("el") == std::make_pair(39, 1));
}

TEST_CASE("analysis index: English §9 rows through publish and search") {
  CHECK(CheckLanguage("en") == std::make_pair(34, 1));
}
