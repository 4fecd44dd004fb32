// RateLimiter: one token bucket per client key ("ip:203.0.113.7",
// "agent:alice"), refilled at `rate` tokens a second up to `burst`. A request
// takes one token; without one it is refused with the seconds until the next.
//
// Thread-safe: Take() may be called from every worker at once (one mutex,
// held for a map lookup). Memory is bounded: past max_clients buckets, those
// that have refilled completely (idle clients) are dropped, and if none has,
// the oldest one is.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kb::http {

struct RateLimit {
  double rate = 0;  // tokens per second; 0: unlimited
  double burst = 1;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr size_t kDefaultMaxClients = 100000;

  explicit RateLimiter(size_t max_clients = kDefaultMaxClients) : max_clients_(max_clients) {}

  // 0 when the request may go ahead (a token was taken); otherwise the whole
  // seconds (at least 1) after which a token will be there, for Retry-After.
  int Take(const std::string& key, const RateLimit& limit, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
    double rate = 0, burst = 0;
  };
  void Evict(Clock::time_point now);

  const size_t max_clients_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace kb::http
