// Golden ranking over the bundled demo help center (KB_SOURCE_DIR/articles):
// queries typed the way customers type them (other inflections, Hebrew
// prefixes, Arabic ي/ك in Persian, Greek without accents, typos, mixed
// script) must put the article that is ABOUT the query first.
//
// tests/data/golden/ranking.tsv   lang, query, expected top id: must pass.
// tests/data/golden/known-weak.tsv same columns (+ note): fair cases the
//   ranking gets wrong today; reported with MESSAGE, never failed.
// Also: language fallback, lang=auto detection, highlighting of the original
// inflected words, and that snippets carry no tag but <mark>.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kb/index/publish.h"
#include "kb/index/search.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

struct GoldenCase {
  std::string lang, query, expected, note;
};

std::vector<GoldenCase> ReadCases(const std::string& name) {
  std::vector<GoldenCase> cases;
  for (const auto& cells : kb::test::ReadTsv("golden/" + name)) {
    REQUIRE(cells.size() >= 3);
    cases.push_back({cells[0], cells[1], cells[2], cells.size() > 3 ? cells[3] : ""});
  }
  return cases;
}

// The demo help center published once into a temp DB for the whole run; the
// directory is removed when the program exits.
class DemoIndex {
 public:
  DemoIndex() : workspace_("kb-golden") {
    auto report = workspace_.PublishFrom(KB_SOURCE_DIR "/articles");
    REQUIRE(report.errors.empty());
    REQUIRE(report.added >= 80);
  }
  std::string db() const { return workspace_.db(); }

 private:
  kb::test::Workspace workspace_;
};

const DemoIndex& Demo() {
  static const DemoIndex index;
  return index;
}

kb::SearchResponse Search(const std::string& query, const std::string& lang, size_t limit = 10) {
  auto searcher = kb::Searcher::Open(Demo().db());
  REQUIRE(searcher.ok());
  kb::SearchRequest request;
  request.query = query;
  request.lang = lang;
  request.limit = limit;
  auto response = (*searcher)->Search(request);
  REQUIRE(response.ok());
  return *response;
}

std::string TopIds(const kb::SearchResponse& response, size_t n = 3) {
  std::string out;
  for (size_t i = 0; i < response.hits.size() && i < n; ++i) {
    out += (i ? ", " : "") + response.hits[i].id;
  }
  return out.empty() ? "(no hits)" : out;
}

// True when every '<' and '>' of the snippet belongs to a <mark> or </mark> tag.
bool OnlyMarkTags(const std::string& snippet) {
  size_t i = 0;
  while ((i = snippet.find_first_of("<>", i)) != std::string::npos) {
    if (snippet.compare(i, 6, "<mark>") == 0) {
      i += 6;
    } else if (snippet.compare(i, 7, "</mark>") == 0) {
      i += 7;
    } else {
      return false;
    }
  }
  return true;
}

// The texts between <mark> and </mark> in every hit's snippet.
std::set<std::string> MarkedWords(const kb::SearchResponse& response) {
  std::set<std::string> words;
  for (const kb::SearchHit& hit : response.hits) {
    size_t open = 0;
    while ((open = hit.snippet.find("<mark>", open)) != std::string::npos) {
      size_t close = hit.snippet.find("</mark>", open);
      if (close == std::string::npos) break;
      words.insert(hit.snippet.substr(open + 6, close - open - 6));
      open = close;
    }
  }
  return words;
}

const kb::SearchHit* FindHit(const kb::SearchResponse& response, const std::string& id) {
  for (const kb::SearchHit& hit : response.hits) {
    if (hit.id == id) return &hit;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("golden ranking: the article about the query is hit #1 in the query's language") {
  const auto cases = ReadCases("ranking.tsv");
  CHECK(cases.size() >= 40);
  for (const GoldenCase& c : cases) {
    CAPTURE(c.lang);
    CAPTURE(c.query);
    const kb::SearchResponse response = Search(c.query, c.lang);
    CAPTURE(TopIds(response));
    REQUIRE_FALSE(response.hits.empty());
    CHECK(response.hits[0].id == c.expected);
    CHECK_FALSE(response.fallback);
    for (const kb::SearchHit& hit : response.hits) {
      CAPTURE(hit.snippet);
      CHECK(OnlyMarkTags(hit.snippet));
    }
  }
}

TEST_CASE("golden ranking: with lang=auto the expected article is within the top 3") {
  for (const GoldenCase& c : ReadCases("ranking.tsv")) {
    CAPTURE(c.lang);
    CAPTURE(c.query);
    const kb::SearchResponse response = Search(c.query, "auto");
    CAPTURE(response.lang);
    CAPTURE(TopIds(response));
    const auto end = response.hits.begin() + std::min<size_t>(3, response.hits.size());
    CHECK(std::any_of(response.hits.begin(), end,
                      [&](const kb::SearchHit& h) { return h.id == c.expected; }));
  }
}

TEST_CASE("golden ranking: known-weak cases are reported without failing") {
  for (const GoldenCase& c : ReadCases("known-weak.tsv")) {
    const kb::SearchResponse response = Search(c.query, c.lang);
    const bool fixed = !response.hits.empty() && response.hits[0].id == c.expected;
    MESSAGE(std::string(fixed ? "known-weak case now PASSES (move it to ranking.tsv): "
                              : "known-weak: ")
            << c.lang << " [" << c.query << "] expected " << c.expected << ", got "
            << TopIds(response) << (c.note.empty() ? "" : " -- " + c.note));
  }
}

TEST_CASE("golden search: a word found only in another language falls back to that language") {
  // "spreadsheet" occurs only in en/privacy/download-your-data.
  const kb::SearchResponse other = Search("spreadsheet", "he");
  CAPTURE(TopIds(other));
  CHECK(other.fallback);
  REQUIRE_FALSE(other.hits.empty());
  CHECK(other.hits[0].id == "en/privacy/download-your-data");

  const kb::SearchResponse same = Search("spreadsheet", "en");
  CHECK_FALSE(same.fallback);
  REQUIRE_FALSE(same.hits.empty());
  CHECK(same.hits[0].id == "en/privacy/download-your-data");

  const kb::SearchResponse hebrew = Search("סיסמה", "he");
  CHECK_FALSE(hebrew.fallback);
  REQUIRE_FALSE(hebrew.hits.empty());
  CHECK(hebrew.hits[0].lang == "he");
}

TEST_CASE("golden search: lang=auto detects the query's language from its script") {
  struct Case {
    const char* query;
    const char* lang;
  };
  const Case cases[] = {
      {"איך מבטלים מנוי", "he"},          {"لغو اشتراك", "fa"},
      {"چطور رمز عبور را عوض کنم", "fa"}, {"ακυρωση παραγγελιας", "el"},
      {"reset my password", "en"},        {"האפליקציה קורסת בiPhone", "he"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const kb::SearchResponse response = Search(c.query, "auto");
    CHECK(response.lang == c.lang);
    CHECK(response.lang_detected);
    CHECK_FALSE(response.fallback);
    REQUIRE_FALSE(response.hits.empty());
    CHECK(response.hits[0].lang == c.lang);
  }
  const kb::SearchResponse requested = Search("reset my password", "en");
  CHECK_FALSE(requested.lang_detected);
}

TEST_CASE("golden search: an unaccented Greek query marks the accented word of the text") {
  const kb::SearchResponse response = Search("κωδικος", "el");
  const kb::SearchHit* hit = FindHit(response, "el/account/reset-password");
  REQUIRE(hit != nullptr);
  CAPTURE(hit->snippet);
  // The article writes κωδικό / κωδικός; the query's unaccented form is not in it.
  CHECK(hit->snippet.find("<mark>κωδικό") != std::string::npos);
  CHECK(hit->snippet.find("<mark>κωδικος</mark>") == std::string::npos);
  CHECK(OnlyMarkTags(hit->snippet));
}

TEST_CASE("golden search: a Hebrew query marks prefixed forms, not a different word") {
  const kb::SearchResponse response = Search("חשבון", "he", 20);
  const std::set<std::string> marked = MarkedWords(response);
  std::string all;
  for (const std::string& w : marked) all += w + " ";
  CAPTURE(all);
  // The texts have בחשבון, לחשבון, החשבון, מהחשבון: at least one must be marked whole.
  CHECK(std::any_of(marked.begin(), marked.end(), [](const std::string& w) {
    return w == "בחשבון" || w == "לחשבון" || w == "החשבון" || w == "מהחשבון";
  }));
  // חשבונית (invoice) is another word (ANALYSIS.md §9 he negative row).
  CHECK(std::none_of(marked.begin(), marked.end(),
                     [](const std::string& w) { return w.find("חשבוני") != std::string::npos; }));
  for (const kb::SearchHit& hit : response.hits) {
    CAPTURE(hit.snippet);
    CHECK(OnlyMarkTags(hit.snippet));
  }
}
