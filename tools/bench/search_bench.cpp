// search_bench: query latency of kb's search, side by side with a plain
// Xapian query over the same index (the "floor" of PERF.md), in one run.
//
//   search_bench DB_DIR ARTICLES_DIR [--queries 500] [--seed 1] [--features LIST]
//
// Queries are 1-3 words drawn from the articles' own text (per language), so
// every query has matches. Reports p50/p90/p99 in ms for:
//   kb:10      Searcher::Search, 10 hits with snippets (what the API does)
//   kb:1       the same with 1 hit (isolates snippet cost)
//   kb:typo    kb:10 with one typo in one word of the query (a letter left
//              out, two swapped, one doubled or replaced by another of the
//              word's letters): the cost of spelling repair
//   floor:10   Xapian::Enquire on the raw words ORed, 10 hits, no analysis
// and the ratios of medians kb:10 / floor:10 and kb:typo / kb:10. With
// --features (as `kb serve --features`, kb/query/query_features.h) kb searches
// with those features, and each query also runs as default:10 and
// default:typo with every feature on, alternately, and the p50 and p99
// ratios to them are reported (the cost of a feature, side by side). Rounds
// alternate so machine noise hits all alike. Not a test: it never fails on
// timings. Exit status 2 for bad options.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/unicode_util.h"
#include "bench_queries.h"
#include "bench_stats.h"
#include "index/db_dir.h"
#include "kb/index/search.h"
#include "kb/query/query_features.h"

namespace fs = std::filesystem;

namespace {

using kb_bench::TimeMs;
using kb_bench::WithTypo;

using kb_bench::Percentile;

struct Query {
  std::string text, lang;
};

std::vector<Query> SampleQueries(const std::string& root, size_t n, unsigned seed) {
  std::vector<std::pair<std::string, std::string>> words;  // (lang, word)

  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    const std::string lang = fs::relative(entry.path(), root).begin()->string();
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const size_t body = text.find("\n---", 3);
    std::istringstream tokens(body == std::string::npos ? text : text.substr(body + 4));
    std::string w;
    while (tokens >> w)
      if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](unsigned char c) {
            return c >= 0x80 || std::isalpha(c);
          }))
        words.emplace_back(lang, w);
  }
  std::mt19937 rng(seed);
  std::vector<Query> queries;
  while (queries.size() < n && !words.empty()) {
    const auto& first = words[rng() % words.size()];
    Query q{first.second, first.first};
    for (unsigned extra = rng() % 3; extra > 0; --extra) {
      const auto& w = words[rng() % words.size()];
      if (w.first == q.lang) q.text += " " + w.second;
    }
    queries.push_back(std::move(q));
  }
  return queries;
}

// Queries searched once, untimed, before timing starts.
constexpr size_t kWarmUpQueries = 20;

struct Options {
  std::string db_dir, articles;
  size_t queries = 500;
  unsigned seed = 1;
  std::string features;  // --features: "" for none
};

// The options, or nothing (after printing why) when they are wrong.
std::optional<Options> ParseOptions(int argc, char** argv) {
  if (argc < 3 || (argc - 3) % 2 != 0) {
    std::fprintf(stderr,
                 "usage: search_bench DB_DIR ARTICLES_DIR [--queries N] [--seed S] "
                 "[--features LIST]\n");
    return std::nullopt;
  }
  Options o;
  o.db_dir = argv[1];
  o.articles = argv[2];
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--queries") {
      o.queries = std::stoul(value);
    } else if (flag == "--seed") {
      o.seed = static_cast<unsigned>(std::stoul(value));
    } else if (flag == "--features") {
      o.features = value;
    } else {
      std::fprintf(stderr, "search_bench: unknown option %s\n", flag.c_str());
      return std::nullopt;
    }
  }
  return o;
}

// Milliseconds of Enquire on the raw words ORed, 10 hits, no analysis.
double FloorMs(Xapian::Database& db, const std::string& text) {
  return TimeMs([&] {
    std::istringstream words(text);
    std::vector<std::string> terms;
    std::string w;
    while (words >> w) {
      std::transform(w.begin(), w.end(), w.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      terms.push_back(w);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
  });
}

struct Timings {
  std::vector<double> kb10, kb1, typo10, floor10, default10, default_typo10;
};

void PrintRow(const char* name, const std::vector<double>& v) {
  std::printf("%-12s %8.3f %8.3f %8.3f\n", name, Percentile(v, 0.5), Percentile(v, 0.9),
              Percentile(v, 0.99));
}

void Report(const Options& o, size_t n, const Timings& t) {
  std::printf("%zu queries, %u seed, index %s\n", n, o.seed, o.db_dir.c_str());
  if (!o.features.empty()) std::printf("features %s\n", o.features.c_str());
  std::printf("%-12s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "p99 ms");
  PrintRow("kb:10", t.kb10);
  PrintRow("kb:1", t.kb1);
  PrintRow("kb:typo", t.typo10);
  PrintRow("floor:10", t.floor10);
  if (!t.default10.empty()) {
    PrintRow("default:10", t.default10);
    PrintRow("default:typo", t.default_typo10);
  }
  std::printf("ratio of medians kb:10 / floor:10 = %.2f\n",
              Percentile(t.kb10, 0.5) / Percentile(t.floor10, 0.5));
  std::printf("ratio of medians kb:typo / kb:10 = %.2f\n",
              Percentile(t.typo10, 0.5) / Percentile(t.kb10, 0.5));
  if (t.default10.empty()) return;
  for (double p : {0.5, 0.99})
    std::printf("ratio of p%.0f kb:10 / default:10 = %.3f, kb:typo / default:typo = %.3f\n",
                p * 100, Percentile(t.kb10, p) / Percentile(t.default10, p),
                Percentile(t.typo10, p) / Percentile(t.default_typo10, p));
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> o = ParseOptions(argc, argv);
  if (!o) return 2;
  auto features = kb::ParseQueryFeatures(o->features);
  if (!features.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", features.status().ToString().c_str());
    return 2;
  }
  auto searcher = kb::Searcher::Open(o->db_dir, *features);
  // With --features, every query also runs with every feature on, alternately.
  auto reference = kb::Searcher::Open(o->db_dir);
  auto generation = kb::ReadCurrentGeneration(o->db_dir);
  for (const kb::Status& s : {searcher.status(), reference.status(), generation.status()}) {
    if (s.ok()) continue;
    std::fprintf(stderr, "search_bench: %s\n", s.ToString().c_str());
    return 1;
  }
  Xapian::Database floor_db(kb::GenerationPath(o->db_dir, *generation));
  const bool compare = !o->features.empty();

  const std::vector<Query> queries = SampleQueries(o->articles, o->queries, o->seed);
  std::mt19937 typo_rng(o->seed);
  // Untimed: the first searches open dictionaries, thesauri and caches.
  for (size_t i = 0; i < std::min<size_t>(queries.size(), kWarmUpQueries); ++i) {
    kb::SearchRequest request;
    request.query = queries[i].text;
    request.lang = queries[i].lang;
    for (auto* s : {&*searcher, &*reference}) (void)(*s)->Search(request);
  }
  Timings t;
  for (size_t i = 0; i < queries.size(); ++i) {
    kb::SearchRequest request;
    request.query = queries[i].text;
    request.lang = queries[i].lang;
    // With --features, the two searchers take turns going first: the first
    // to read a posting list pays for it.
    const bool reference_first = compare && i % 2 == 1;
    auto time_pair = [&](std::vector<double>* mine, std::vector<double>* theirs) {
      auto run_reference = [&] {
        if (compare) theirs->push_back(TimeMs([&] { (void)(*reference)->Search(request); }));
      };
      if (reference_first) run_reference();
      mine->push_back(TimeMs([&] { (void)(*searcher)->Search(request); }));
      if (!reference_first) run_reference();
    };
    request.limit = 10;
    time_pair(&t.kb10, &t.default10);
    request.limit = 1;
    t.kb1.push_back(TimeMs([&] { (void)(*searcher)->Search(request); }));
    request.limit = 10;
    request.query = WithTypo(queries[i].text, typo_rng);
    time_pair(&t.typo10, &t.default_typo10);
    t.floor10.push_back(FloorMs(floor_db, queries[i].text));
  }
  Report(*o, queries.size(), t);
  return 0;
}
