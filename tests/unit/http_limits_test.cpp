// The HTTP part's abuse limits: the token-bucket rate limiter and the client
// address behind trusted proxies.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "http/client_address.h"
#include "http/rate_limiter.h"

using kb::http::ClientAddress;
using kb::http::RateLimit;
using kb::http::RateLimiter;

TEST_CASE("rate limiter: a burst, then one request per 1/rate seconds, per key") {
  RateLimiter limiter;
  const RateLimit limit{2, 3};  // 2 a second, 3 at once
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) CHECK(limiter.Take("ip:a", limit, t0) == 0);
  CHECK(limiter.Take("ip:a", limit, t0) == 1);  // Retry-After: whole seconds, at least 1
  CHECK(limiter.Take("ip:b", limit, t0) == 0);  // another client has its own bucket
  CHECK(limiter.Take("ip:a", limit, t0 + std::chrono::milliseconds(499)) == 1);
  CHECK(limiter.Take("ip:a", limit, t0 + std::chrono::milliseconds(501)) == 0);
  // A long pause refills to the burst, not beyond.
  const auto later = t0 + std::chrono::seconds(60);
  for (int i = 0; i < 3; ++i) CHECK(limiter.Take("ip:a", limit, later) == 0);
  CHECK(limiter.Take("ip:a", limit, later) > 0);
  CHECK(limiter.Take("ip:a", RateLimit{0, 1}, later) == 0);  // rate 0: unlimited
}

TEST_CASE("rate limiter: Retry-After grows with a slow rate") {
  RateLimiter limiter;
  const auto t0 = RateLimiter::Clock::now();
  CHECK(limiter.Take("k", RateLimit{0.1, 1}, t0) == 0);
  CHECK(limiter.Take("k", RateLimit{0.1, 1}, t0) == 10);
}

TEST_CASE("rate limiter: memory stays bounded by max_clients") {
  RateLimiter limiter(100);
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) limiter.Take("ip:" + std::to_string(i), RateLimit{1, 2}, t0);
  // The newest client still has its bucket (its second request is allowed,
  // its third is not); nothing grew without bound (no crash, no slowdown).
  CHECK(limiter.Take("ip:999", RateLimit{1, 2}, t0) == 0);
  CHECK(limiter.Take("ip:999", RateLimit{1, 2}, t0) > 0);
}

TEST_CASE("rate limiter threads: many workers take exactly the burst") {
  RateLimiter limiter;
  const auto t0 = RateLimiter::Clock::now();
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i)
        if (limiter.Take("ip:same", RateLimit{1, 50}, t0) == 0) ++allowed;
    });
  for (auto& t : threads) t.join();
  CHECK(allowed == 50);
}

TEST_CASE("client address: X-Forwarded-For only from a trusted proxy") {
  httplib::Request req;
  req.remote_addr = "10.0.0.5";
  req.set_header("X-Forwarded-For", "203.0.113.9, 10.0.0.4");
  CHECK(ClientAddress(req, {}) == "10.0.0.5");
  CHECK(ClientAddress(req, {"192.0.2.1"}) == "10.0.0.5");
  // Rightmost address that is not a proxy of ours: the client.
  CHECK(ClientAddress(req, {"10.0.0.5"}) == "10.0.0.4");
  CHECK(ClientAddress(req, {"10.0.0.5", "10.0.0.4"}) == "203.0.113.9");
  // A client that writes its own header cannot hide behind it.
  httplib::Request spoofed;
  spoofed.remote_addr = "10.0.0.5";
  spoofed.set_header("X-Forwarded-For", "1.1.1.1");
  spoofed.set_header("X-Forwarded-For", "198.51.100.2");
  CHECK(ClientAddress(spoofed, {"10.0.0.5"}) == "198.51.100.2");
  httplib::Request no_header;
  no_header.remote_addr = "10.0.0.5";
  CHECK(ClientAddress(no_header, {"10.0.0.5"}) == "10.0.0.5");
}
