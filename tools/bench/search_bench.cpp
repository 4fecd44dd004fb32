// search_bench: query latency of kb's search, side by side with a plain
// Xapian query over the same index (the "floor" of PERF.md), in one run.
//
//   search_bench DB_DIR ARTICLES_DIR [--queries 500] [--seed 1]
//   search_bench DB_DIR --log QUERIES_TSV [--max 3000] [--warmup 300] [--seed 1] [--out FILE]
//                [--plain 1] [--typo 1]
//
// With --log it replays the shared query log (../shared/perf/queries_gen.py:
// qid, lang, kind, query; the one floor_query times) through
// Searcher::Search, 10 hits with snippets, in the log's language, and each
// query again with one typo (below). It prints p50/p90/p99 in ms by query
// length (1, 2, 3-4 words), for the typo variants, and by language, and with
// --out one line per query and variant (qid, lang, kind, words, variant, us,
// hits, total) for tools/bench/run to set beside the floor's. The last
// `warmup` queries of the log are run first and not recorded (as floor_query).
// --plain 0 or --typo 0 leaves that variant out (to profile the other alone).
//
// With ARTICLES_DIR:
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
#include <map>
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

struct LogQuery {
  std::string qid, lang, kind, text;
  size_t words = 0;
};

// The shared query log: a header line, then qid TAB lang TAB kind TAB query.
std::vector<LogQuery> ReadLog(const std::string& file) {
  std::vector<LogQuery> queries;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string f; std::getline(row, f, '\t');) fields.push_back(f);
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
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: search_bench DB_DIR ARTICLES_DIR [--queries N] [--seed S]\n"
                 "       search_bench DB_DIR --log QUERIES_TSV [--max N] [--warmup N] [--seed S]"
                 " [--out FILE] [--plain 0|1] [--typo 0|1]\n");
    return 2;
  }
  const std::string db_dir = argv[1], articles = argv[2];
  size_t n = 500;
  unsigned seed = 1;
  LogOptions log;
  // ARTICLES_DIR, or flags from argv[2] on (--log mode).
  for (int i = std::string(argv[2]).rfind("--", 0) == 0 ? 2 : 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--queries") n = std::stoul(value);
    if (flag == "--seed") log.seed = seed = static_cast<unsigned>(std::stoul(value));
    if (flag == "--log") log.log = value;
    if (flag == "--max") log.max = std::stoul(value);
    if (flag == "--warmup") log.warmup = std::stoul(value);
    if (flag == "--out") log.out = value;
    if (flag == "--plain") log.plain = value != "0";
    if (flag == "--typo") log.typo = value != "0";
  }
  auto searcher = kb::Searcher::Open(db_dir);
  if (!searcher.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  if (!log.log.empty()) return RunLog(**searcher, log);
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
