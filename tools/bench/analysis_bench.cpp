// analysis_bench: throughput of kb::Analyzer per language on the eval corpus.
//
// usage: analysis_bench [corpus_dir] [runs]
//   corpus_dir defaults to ../shared/eval/corpus (relative to the repo root);
//   it holds one directory per language with Markdown files below it.
// For each language, all files are analyzed `runs` times (one Analyze call per
// file, with that language) and char-filtered (Normalize) side by side; the
// table shows the median MB/s and tokens/s over the runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bench_stats.h"
#include "kb/analysis/analysis.h"

namespace fs = std::filesystem;

namespace {

using kb_bench::Median;

struct Sample {
  double analyze_s = 0;
  double normalize_s = 0;
  size_t tokens = 0;
};

std::vector<std::string> ReadTexts(const fs::path& dir, size_t* bytes) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".md") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  *bytes = 0;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    *bytes += texts.back().size();
  }
  return texts;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

Sample RunOnce(kb::Analyzer* analyzer, const std::vector<std::string>& texts,
               const std::string& lang) {
  Sample s;
  auto t0 = std::chrono::steady_clock::now();
  for (const std::string& t : texts) s.tokens += analyzer->Analyze(t, lang).size();
  s.analyze_s = Seconds(t0);
  size_t sink = 0;
  t0 = std::chrono::steady_clock::now();
  for (const std::string& t : texts) sink += analyzer->Normalize(t, lang).size();
  s.normalize_s = Seconds(t0);
  if (sink == 0 && !texts.empty()) std::fprintf(stderr, "warning: empty normalization\n");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/eval/corpus");
  int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  if (!fs::is_directory(corpus)) {
    std::fprintf(stderr, "analysis_bench: no corpus directory %s\n", corpus.string().c_str());
    return 1;
  }
  auto t_build = std::chrono::steady_clock::now();
  auto analyzer = kb::NewAnalyzer();
  std::printf("NewAnalyzer: %.2f ms; %d runs per language, median shown\n\n",
              Seconds(t_build) * 1e3, runs);
  std::printf("%-5s %6s %9s %11s %12s %14s %10s\n", "lang", "files", "MB", "analyze MB/s",
              "tokens/s", "charfilter MB/s", "filter %");
  std::vector<fs::path> langs;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.is_directory()) langs.push_back(e.path());
  }
  std::sort(langs.begin(), langs.end());
  for (const fs::path& dir : langs) {
    std::string lang = dir.filename().string();
    size_t bytes = 0;
    std::vector<std::string> texts = ReadTexts(dir, &bytes);
    RunOnce(analyzer.get(), texts, lang);  // warm-up (lazy stemmers, caches)
    std::vector<double> mbps, tps, fmbps;
    for (int r = 0; r < runs; ++r) {
      Sample s = RunOnce(analyzer.get(), texts, lang);
      mbps.push_back(bytes / 1e6 / s.analyze_s);
      tps.push_back(s.tokens / s.analyze_s);
      fmbps.push_back(bytes / 1e6 / s.normalize_s);
    }
    double a = Median(mbps), f = Median(fmbps);
    std::printf("%-5s %6zu %9.2f %11.2f %12.0f %14.2f %9.0f%%\n", lang.c_str(), texts.size(),
                bytes / 1e6, a, Median(tps), f, 100.0 * a / f);
  }
  return 0;
}
