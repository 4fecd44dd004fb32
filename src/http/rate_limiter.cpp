#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace kb::http {
namespace {

double Refilled(double tokens, double rate, double burst, double seconds) {
  return std::min(burst, tokens + rate * std::max(0.0, seconds));
}

double SecondsBetween(RateLimiter::Clock::time_point from, RateLimiter::Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

int RateLimiter::Take(const std::string& key, const RateLimit& limit, Clock::time_point now) {
  if (limit.rate <= 0) return 0;
  const double burst = std::max(1.0, limit.burst);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) Evict(now);
    it = buckets_.emplace(key, Bucket{burst, now, limit.rate, burst}).first;
  }
  Bucket& b = it->second;
  b.tokens = Refilled(b.tokens, limit.rate, burst, SecondsBetween(b.updated, now));
  b.updated = now;
  b.rate = limit.rate;
  b.burst = burst;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / limit.rate)));
}

void RateLimiter::Evict(Clock::time_point now) {
  auto oldest = buckets_.end();
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const Bucket& b = it->second;
    if (Refilled(b.tokens, b.rate, b.burst, SecondsBetween(b.updated, now)) >= b.burst) {
      it = buckets_.erase(it);
      continue;
    }
    if (oldest == buckets_.end() || b.updated < oldest->second.updated) oldest = it;
    ++it;
  }
  if (buckets_.size() >= max_clients_ && oldest != buckets_.end()) buckets_.erase(oldest);
}

}  // namespace kb::http
