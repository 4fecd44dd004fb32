// SearcherPool's slots: at most that many searchers lent at once, the other
// threads waiting their turn; a searcher that cannot be opened frees its slot.
// The names say "threads": tools/test runs them under ThreadSanitizer too.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kb/index/search.h"
#include "test_support.h"

namespace {

kb::SearchRequest Query(const std::string& text) {
  kb::SearchRequest request;
  request.query = text;
  return request;
}

// Runs `calls` searches on each of `threads` threads; returns the most that
// ran at once. Each search holds its searcher a little while, so that
// without a limit several overlap.
int MostAtOnce(kb::SearcherPool& pool, int threads, int calls) {
  std::atomic<int> now{0}, most{0}, done{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (int c = 0; c < calls; ++c) {
        const auto found = pool.With([&](kb::Searcher& searcher) {
          const int at_once = ++now;
          int seen = most.load();
          while (at_once > seen && !most.compare_exchange_weak(seen, at_once)) {
          }
          auto result = searcher.Search(Query("password"));
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          --now;
          return result;
        });
        if (found.ok() && found->total == 1) ++done;
      }
    });
  for (std::thread& w : workers) w.join();
  CHECK(done == threads * calls);  // every search ran and found the article
  return most;
}

}  // namespace

TEST_CASE("searcher pool threads: no more searches at once than its slots") {
  kb::test::Workspace ws;
  ws.Write("en/a/password", "title: Password\nlang: en", "Reset your password.");
  ws.Publish();
  kb::SearcherPool limited(ws.db(), {}, 2);
  CHECK(MostAtOnce(limited, 8, 20) <= 2);
  kb::SearcherPool unlimited(ws.db());
  CHECK(MostAtOnce(unlimited, 8, 20) > 2);
}

TEST_CASE("searcher pool threads: a searcher that cannot be opened frees its slot") {
  kb::test::TempDir dir;
  kb::SearcherPool pool(dir.Sub("no-index"), {}, 1);
  for (int i = 0; i < 3; ++i)  // with the slot kept, the second call would wait forever
    CHECK_FALSE(pool.With([](kb::Searcher& s) { return s.Search(Query("x")); }).ok());
}

TEST_CASE("searcher pool threads: a search that throws frees its slot") {
  kb::test::Workspace ws;
  ws.Write("en/a/password", "title: Password\nlang: en", "Reset your password.");
  ws.Publish();
  kb::SearcherPool pool(ws.db(), {}, 1);
  for (int i = 0; i < 3; ++i)  // with the slot kept, the second call would wait forever
    CHECK_THROWS_AS(
        pool.With([](kb::Searcher&) -> kb::Result<int> { throw std::runtime_error("x"); }),
        std::runtime_error);
  const auto found = pool.With([](kb::Searcher& s) { return s.Search(Query("password")); });
  REQUIRE(found.ok());
  CHECK(found->total == 1);
}
