// search_log_bench: kb's search latency on the shared perf query log
// (../shared/perf/queries_gen.py: qid, lang, kind, query; the one floor_query
// times), for tools/bench/run.
//
//   search_log_bench DB_DIR --log QUERIES_TSV [--max 3000] [--warmup 300] [--seed 1] [--out FILE]
//                    [--plain 1] [--typo 1] [--features LIST]
//
// Each query goes through Searcher::Search, 10 hits with snippets, in the
// log's language, and again with one typo. It prints p50/p90/p99 in ms by
// query length (1, 2, 3-4 words), for the typo variants, and by language, and
// with --out one line per query and variant (qid, lang, kind, words, variant,
// us, hits, total). The last `warmup` queries of the log are run first and not
// recorded (as floor_query). --plain 0 or --typo 0 leaves that variant out (to
// profile the other alone); --features searches with those query features
// (as `kb serve --features`). Not a test: it never fails on timings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "bench_stats.h"
#include "kb/index/search.h"
#include "kb/query/query_features.h"

namespace {

using kb_bench::Percentile;
using kb_bench::TimeMs;
using kb_bench::WithTypo;

struct LogQuery {
  std::string qid, lang, kind, text;
  size_t words = 0;
};

// The shared query log: a header line, then qid TAB lang TAB kind TAB query.
std::vector<LogQuery> ReadLog(const std::string& file) {
  std::vector<LogQuery> queries;
  for (const std::vector<std::string>& fields : kb_bench::ReadTsvRows(file)) {
    if (fields.size() < 4) continue;
    LogQuery q{fields[0], fields[1], fields[2], fields[3]};
    std::istringstream words(q.text);
    for (std::string w; words >> w;) ++q.words;
    queries.push_back(std::move(q));
  }
  return queries;
}

struct LogOptions {
  std::string log, out;
  size_t max = 3000, warmup = 300;
  unsigned seed = 1;
  bool plain = true, typo = true;  // which variants to run (one alone: for a profiler)
};

// One timed search: microseconds, hits returned, total.
struct Sample {
  double us = 0;
  size_t hits = 0;
  uint64_t total = 0;
};

Sample TimedSearch(kb::Searcher& searcher, const std::string& text, const std::string& lang) {
  kb::SearchRequest request;
  request.query = text;
  request.lang = lang;
  request.limit = 10;
  Sample s;
  s.us = 1000 * TimeMs([&] {
           auto r = searcher.Search(request);
           if (r.ok()) s.hits = r->hits.size(), s.total = r->total;
         });
  return s;
}

std::string LengthGroup(size_t words) {
  return words <= 1 ? "1 word" : words == 2 ? "2 words" : "3-4 words";
}

int RunLog(kb::Searcher& searcher, const LogOptions& o) {
  const std::vector<LogQuery> log = ReadLog(o.log);
  if (log.empty()) {
    std::fprintf(stderr, "search_bench: no queries in %s\n", o.log.c_str());
    return 1;
  }
  const size_t n = std::min(o.max, log.size());
  for (size_t i = log.size() - std::min(o.warmup, log.size()); i < log.size(); ++i)
    (void)TimedSearch(searcher, log[i].text, log[i].lang);
  std::mt19937 typo_rng(o.seed);
  std::vector<Sample> plain, typo;
  std::vector<std::string> typo_text;
  for (size_t i = 0; i < n; ++i) {
    if (o.plain) plain.push_back(TimedSearch(searcher, log[i].text, log[i].lang));
    typo_text.push_back(WithTypo(log[i].text, typo_rng));
    if (o.typo) typo.push_back(TimedSearch(searcher, typo_text.back(), log[i].lang));
  }
  std::map<std::string, std::vector<double>> groups;  // group -> ms
  for (size_t i = 0; i < plain.size(); ++i) {
    const double ms = plain[i].us / 1000;
    groups["all"].push_back(ms);
    groups[LengthGroup(log[i].words)].push_back(ms);
    groups["lang " + log[i].lang].push_back(ms);
  }
  for (const Sample& s : typo) groups["typo"].push_back(s.us / 1000);
  std::printf("%zu queries of %s (+%zu warm-up), index searched by kb:10\n", n, o.log.c_str(),
              std::min(o.warmup, log.size()));
  std::printf("%-12s %6s %8s %8s %8s\n", "", "n", "p50 ms", "p90 ms", "p99 ms");
  for (const char* name : {"all", "1 word", "2 words", "3-4 words", "typo", "lang he", "lang fa",
                           "lang el", "lang en"}) {
    const std::vector<double>& v = groups[name];
    std::printf("%-12s %6zu %8.3f %8.3f %8.3f\n", name, v.size(), Percentile(v, 0.5),
                Percentile(v, 0.9), Percentile(v, 0.99));
  }
  if (!o.out.empty()) {
    std::ofstream out(o.out);
    out << "qid\tlang\tkind\twords\tvariant\tus\thits\ttotal\n";
    for (const auto& [variant, samples] : {std::pair{"plain", &plain}, std::pair{"typo", &typo}})
      for (size_t i = 0; i < samples->size(); ++i) {
        const Sample& s = (*samples)[i];
        out << log[i].qid << '\t' << log[i].lang << '\t' << log[i].kind << '\t' << log[i].words
            << '\t' << variant << '\t' << s.us << '\t' << s.hits << '\t' << s.total << '\n';
      }
    if (!out) {
      std::fprintf(stderr, "search_bench: cannot write %s\n", o.out.c_str());
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::string(argv[2]) != "--log" || (argc - 2) % 2 != 0) {
    std::fprintf(
        stderr,
        "usage: search_log_bench DB_DIR --log QUERIES_TSV [--max N] [--warmup N] [--seed S]"
        " [--out FILE] [--plain 0|1] [--typo 0|1] [--features LIST]\n");
    return 2;
  }
  LogOptions log;
  std::string features;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--seed") log.seed = static_cast<unsigned>(std::stoul(value));
    if (flag == "--log") log.log = value;
    if (flag == "--max") log.max = std::stoul(value);
    if (flag == "--warmup") log.warmup = std::stoul(value);
    if (flag == "--out") log.out = value;
    if (flag == "--plain") log.plain = value != "0";
    if (flag == "--typo") log.typo = value != "0";
    if (flag == "--features") features = value;
  }
  auto parsed = kb::ParseQueryFeatures(features);
  if (!parsed.ok()) {
    std::fprintf(stderr, "search_log_bench: %s\n", parsed.status().ToString().c_str());
    return 2;
  }
  auto searcher = kb::Searcher::Open(argv[1], *parsed);
  if (!searcher.ok()) {
    std::fprintf(stderr, "search_log_bench: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  return RunLog(**searcher, log);
}
