// search_bench: query latency of kb's search, side by side with a plain
// Xapian query over the same index (the "floor" of PERF.md), in one run.
//
//   search_bench DB_DIR ARTICLES_DIR [--queries 500] [--seed 1]
//
// Queries are 1-3 words drawn from the articles' own text (per language), so
// every query has matches. Reports p50/p90/p99 in ms for:
//   kb:10      Searcher::Search, 10 hits with snippets (what the API does)
//   kb:1       the same with 1 hit (isolates snippet cost)
//   kb:typo    kb:10 with one typo in one word of the query (a letter left
//              out, two swapped, one doubled or replaced by another of the
//              word's letters): the cost of spelling repair
//   floor:10   Xapian::Enquire on the raw words ORed, 10 hits, no analysis
// and the ratios of medians kb:10 / floor:10 and kb:typo / kb:10. Rounds
// alternate so machine noise hits all alike. Not a test: it never fails on
// timings.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/unicode_util.h"
#include "bench_stats.h"
#include "index/db_dir.h"
#include "kb/index/search.h"

namespace fs = std::filesystem;

namespace {

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

// `text` with one typo in one of its words of 4 letters or more (the same
// query when it has none).
std::string WithTypo(const std::string& text, std::mt19937& rng) {
  std::vector<std::u32string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(kb::analysis::DecodeUtf8(w));
  std::vector<size_t> long_words;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].size() >= 4) long_words.push_back(i);
  if (!long_words.empty()) {
    std::u32string& w = words[long_words[rng() % long_words.size()]];
    const size_t at = rng() % (w.size() - 1);
    switch (rng() % 4) {
      case 0:
        w.erase(at, 1);
        break;
      case 1:
        std::swap(w[at], w[at + 1]);
        break;
      case 2:
        w.insert(at, 1, w[at]);
        break;
      default:
        w[at] = w[(at + 1 + rng() % (w.size() - 1)) % w.size()];
        break;
    }
  }
  std::string out;
  for (const std::u32string& w : words) out += (out.empty() ? "" : " ") + kb::analysis::ToUtf8(w);
  return out;
}

template <typename Fn>
double TimeMs(Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: search_bench DB_DIR ARTICLES_DIR [--queries N] [--seed S]\n");
    return 2;
  }
  const std::string db_dir = argv[1], articles = argv[2];
  size_t n = 500;
  unsigned seed = 1;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--queries") n = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--seed") seed = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  auto searcher = kb::Searcher::Open(db_dir);
  if (!searcher.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  auto generation = kb::ReadCurrentGeneration(db_dir);
  if (!generation.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", generation.status().ToString().c_str());
    return 1;
  }
  Xapian::Database floor_db(kb::GenerationPath(db_dir, *generation));

  const std::vector<Query> queries = SampleQueries(articles, n, seed);
  std::mt19937 typo_rng(seed);
  std::vector<double> kb10, kb1, typo10, floor10;
  for (const Query& q : queries) {
    kb::SearchRequest request;
    request.query = q.text;
    request.lang = q.lang;
    request.limit = 10;
    kb10.push_back(TimeMs([&] { (void)(*searcher)->Search(request); }));
    request.limit = 1;
    kb1.push_back(TimeMs([&] { (void)(*searcher)->Search(request); }));
    request.limit = 10;
    request.query = WithTypo(q.text, typo_rng);
    typo10.push_back(TimeMs([&] { (void)(*searcher)->Search(request); }));
    floor10.push_back(TimeMs([&] {
      std::istringstream words(q.text);
      std::vector<std::string> terms;
      std::string w;
      while (words >> w) {
        std::transform(w.begin(), w.end(), w.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        terms.push_back(w);
      }
      Xapian::Enquire enquire(floor_db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
      Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
    }));
  }
  std::printf("%zu queries, %u seed, index %s\n", queries.size(), seed, db_dir.c_str());
  std::printf("%-10s %8s %8s %8s\n", "", "p50 ms", "p90 ms", "p99 ms");
  for (auto [name, v] : {std::pair{"kb:10", &kb10}, std::pair{"kb:1", &kb1},
                         std::pair{"kb:typo", &typo10}, std::pair{"floor:10", &floor10}})
    std::printf("%-10s %8.3f %8.3f %8.3f\n", name, Percentile(*v, 0.5), Percentile(*v, 0.9),
                Percentile(*v, 0.99));
  std::printf("ratio of medians kb:10 / floor:10 = %.2f\n",
              Percentile(kb10, 0.5) / Percentile(floor10, 0.5));
  std::printf("ratio of medians kb:typo / kb:10 = %.2f\n",
              Percentile(typo10, 0.5) / Percentile(kb10, 0.5));
  return 0;
}
