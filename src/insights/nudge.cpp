#include "kb/insights/nudge.h"

#include <numeric>
#include <utility>

namespace kb {
namespace {

constexpr double kVotePrior = 5;    // votes that count as "no opinion" yet
constexpr double kClickPrior = 20;  // clicks for half of the click part

}  // namespace

double NudgeSignal(const ArticleSignal& s) {
  const double helpful = static_cast<double>(s.helpful);
  const double not_helpful = static_cast<double>(s.not_helpful);
  const double clicks = static_cast<double>(s.clicks);
  const double votes = (helpful - not_helpful) / (helpful + not_helpful + kVotePrior);
  return 0.5 * votes + 0.5 * clicks / (clicks + kClickPrior);
}

std::vector<size_t> NudgedOrder(const std::vector<double>& scores,
                                const std::vector<double>& signals, double margin) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  auto beats = [&](size_t lower, size_t upper) {
    const double gain = signals[lower] - signals[upper];
    return gain > 0 && scores[upper] - scores[lower] < margin * gain;
  };
  // Insertion by neighbours: a hit climbs while it beats the one above it.
  for (size_t i = 1; i < order.size(); ++i) {
    for (size_t j = i; j > 0 && beats(order[j], order[j - 1]); --j)
      std::swap(order[j], order[j - 1]);
  }
  return order;
}

}  // namespace kb
