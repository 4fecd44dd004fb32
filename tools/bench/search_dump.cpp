// search_dump: every answer of kb's Searcher on the shared perf query log, one
// line per query (qid, then the total, the hits' ids, scores and snippets, and
// the facets), so two builds' answers can be compared with `cmp` or `diff`
// (a speed-up must not change what a search returns).
//
//   search_dump DB_DIR QUERIES_TSV [MAX] [--typo]
//
// The log as search_log_bench reads it (qid TAB lang TAB kind TAB query, after
// a header line), each in its own language, 10 hits; --typo adds the same
// one-typo variant per query (bench_queries.h, seed 1). Not a test.
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "kb/index/search.h"

namespace {

void Dump(kb::Searcher& searcher, const std::string& qid, const std::string& lang,
          const std::string& text) {
  kb::SearchRequest request;
  request.query = text;
  request.lang = lang;
  request.limit = 10;
  auto r = searcher.Search(request);
  std::ostringstream line;
  line << qid << '\t' << text;
  if (!r.ok()) {
    line << "\terror " << r.status().ToString();
  } else {
    line << "\ttotal " << r->total << (r->total_estimated ? " estimated" : "") << "\tsuggestion "
         << r->suggestion.value_or("-");
    for (const kb::SearchHit& hit : r->hits)
      line << '\t' << hit.id << ' ' << hit.score << ' ' << hit.title << ' ' << hit.lang << ' '
           << hit.category << ' ' << hit.snippet;
    for (const auto* facets : {&r->category_facets, &r->tag_facets}) {
      line << "\tfacets";
      for (const kb::FacetCount& f : *facets) line << ' ' << f.value << '=' << f.count;
    }
  }
  std::printf("%s\n", line.str().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: search_dump DB_DIR QUERIES_TSV [MAX] [--typo]\n");
    return 2;
  }
  const size_t max = argc > 3 ? std::stoul(argv[3]) : 3000;
  const bool typo = argc > 4 && std::string(argv[4]) == "--typo";
  auto searcher = kb::Searcher::Open(argv[1]);
  if (!searcher.ok()) {
    std::fprintf(stderr, "search_dump: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  std::ifstream in(argv[2]);
  std::string line;
  std::getline(in, line);
  std::mt19937 rng(1);
  for (size_t n = 0; n < max && std::getline(in, line); ++n) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string f; std::getline(row, f, '\t');) fields.push_back(f);
    if (fields.size() < 4) continue;
    Dump(**searcher, fields[0], fields[1], fields[3]);
    if (typo) Dump(**searcher, fields[0] + "~", fields[1], kb_bench::WithTypo(fields[3], rng));
  }
  return 0;
}
