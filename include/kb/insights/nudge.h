// The gentle use of insights in ranking: customers' clicks and helpful /
// not-helpful votes may reorder hits whose scores are close, never lift one
// above a clearly better match, and change nothing where no hit has an event.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kb {

// What customers did with an article (EventStore::ArticleSignals).
struct ArticleSignal {
  std::string article;
  uint64_t clicks = 0;
  uint64_t helpful = 0;
  uint64_t not_helpful = 0;
};

// Score difference (scores are 0..1) below which events may reorder two hits.
inline constexpr double kNudgeMargin = 0.03;

// How an article's events speak for it, in [-0.5, 1): helpfulness shrunk
// towards 0 when there are few votes, plus a little for being clicked.
// 0 without events.
double NudgeSignal(const ArticleSignal& signal);

// The order of hits (indexes into `scores`, given best first) after the
// nudge: a hit moves above the one before it only when its signal is higher
// and the score it lacks is below `margin` times the signal difference.
// With all signals equal (none: 0) the order is unchanged.
std::vector<size_t> NudgedOrder(const std::vector<double>& scores,
                                const std::vector<double>& signals, double margin = kNudgeMargin);

}  // namespace kb
