// Helpers the search benchmarks share: reading a query file, a query with
// one typo, and timing one call. Header-only; not thread-safe (the caller's random generator).
#pragma once

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kb/analysis/text.h"

namespace kb_bench {

// The rows of a tab-separated file after its header line, each split into fields.
inline std::vector<std::vector<std::string>> ReadTsvRows(const std::string& file) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string f; std::getline(row, f, '\t');) fields.push_back(f);
    rows.push_back(std::move(fields));
  }
  return rows;
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

// Milliseconds `fn` takes.
template <typename Fn>
double TimeMs(Fn&& fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace kb_bench
