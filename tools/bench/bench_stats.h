// Order statistics the benchmarks report (medians, percentiles).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace kb_bench {

// The value at fraction `p` (0..1) of the sorted samples; 0 for none.
inline double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

inline double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

}  // namespace kb_bench
