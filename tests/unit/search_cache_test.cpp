// SearchCache: an answer is served again only for the same request on the same
// index; a publish empties it; it stays within its bytes, dropping the least
// recently used answers; and a pool with a cache answers as one without does,
// seeing a publish at once. The names with "threads" run under
// ThreadSanitizer too (tools/test).
#include "kb/index/search_cache.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "kb/index/search.h"
#include "test_support.h"

namespace {

kb::SearchRequest Request(const std::string& text) {
  kb::SearchRequest request;
  request.query = text;
  request.lang = "en";
  return request;
}

kb::SearchResponse Answer(const std::string& id, size_t snippet_bytes = 10) {
  kb::SearchResponse response;
  kb::SearchHit hit;
  hit.id = id;
  hit.snippet = std::string(snippet_bytes, 'x');
  response.hits.push_back(hit);
  response.total = 1;
  return response;
}

std::string FirstId(const std::optional<kb::SearchResponse>& found) {
  return found && !found->hits.empty() ? found->hits[0].id : "(none)";
}

}  // namespace

TEST_CASE("search cache: the same request on the same index is answered from it") {
  kb::SearchCache cache(1 << 20);
  CHECK_FALSE(cache.Find("gen-1@1", Request("password")));
  cache.Put("gen-1@1", Request("password"), Answer("en/a/password"));
  CHECK(FirstId(cache.Find("gen-1@1", Request("password"))) == "en/a/password");
  CHECK(cache.stats().hits == 1);
  CHECK(cache.stats().misses == 1);
  CHECK(cache.stats().entries == 1);
}

TEST_CASE("search cache: every field of a request tells requests apart") {
  kb::SearchCache cache(1 << 20);
  const kb::SearchRequest base = Request("password");
  cache.Put("i", base, Answer("base"));
  std::vector<kb::SearchRequest> others(9, base);
  others[0].query = "passwords";
  others[1].lang = "he";
  others[2].limit = 20;
  others[3].offset = 10;
  others[4].category = "account";
  others[5].categories = {"account"};
  others[6].tags = {"login"};
  others[7].agent = true;  // an agent's answer may hold internal articles
  others[8].tags = {"a", "b"};
  for (const kb::SearchRequest& other : others) CHECK_FALSE(cache.Find("i", other));
  // Field boundaries are part of the key: "ab"+"" is not "a"+"b".
  kb::SearchRequest split = base, joined = base;
  split.tags = {"a", "b"};
  joined.tags = {"ab"};
  cache.Put("i", split, Answer("split"));
  CHECK_FALSE(cache.Find("i", joined));
  CHECK(FirstId(cache.Find("i", base)) == "base");
}

TEST_CASE("search cache: an answer is never served for another index; a publish empties it") {
  kb::SearchCache cache(1 << 20);
  cache.Put("gen-1@1", Request("a"), Answer("old-a"));
  cache.Put("gen-1@1", Request("b"), Answer("old-b"));
  CHECK_FALSE(cache.Find("gen-1@2", Request("a")));
  cache.Put("gen-1@2", Request("a"), Answer("new-a"));
  CHECK(cache.stats().entries == 1);  // b's answer came from the old index
  CHECK(FirstId(cache.Find("gen-1@2", Request("a"))) == "new-a");
  CHECK_FALSE(cache.Find("gen-1@1", Request("a")));
}

TEST_CASE("search cache: stays within its bytes, the least recently used answer going first") {
  const size_t one = 10000;
  kb::SearchCache cache(3 * one + one / 2);  // room for three answers of ~one byte each
  cache.Put("i", Request("a"), Answer("a", one - 1000));
  cache.Put("i", Request("b"), Answer("b", one - 1000));
  cache.Put("i", Request("c"), Answer("c", one - 1000));
  CHECK(cache.stats().entries == 3);
  CHECK(cache.Find("i", Request("a")));  // a is now used more recently than b
  cache.Put("i", Request("d"), Answer("d", one - 1000));
  CHECK(cache.stats().entries == 3);
  CHECK(cache.stats().bytes <= 3 * one + one / 2);
  CHECK_FALSE(cache.Find("i", Request("b")));
  CHECK(cache.Find("i", Request("a")));
  CHECK(cache.Find("i", Request("c")));
  CHECK(cache.Find("i", Request("d")));
  // Storing the same request again replaces its answer.
  cache.Put("i", Request("d"), Answer("d2", one - 1000));
  CHECK(cache.stats().entries == 3);
  CHECK(FirstId(cache.Find("i", Request("d"))) == "d2");
  // An answer larger than the whole cache is not kept, and drops nothing.
  cache.Put("i", Request("huge"), Answer("huge", 10 * one));
  CHECK_FALSE(cache.Find("i", Request("huge")));
  CHECK(cache.stats().entries == 3);
}

TEST_CASE("search cache: a cache of 0 bytes keeps nothing") {
  kb::SearchCache cache(0);
  cache.Put("i", Request("a"), Answer("a"));
  CHECK_FALSE(cache.Find("i", Request("a")));
  CHECK(cache.stats().entries == 0);
}

TEST_CASE("search cache threads: finds and stores from many threads at once") {
  kb::SearchCache cache(64 << 10);  // small: answers are evicted while others read
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&cache, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string index = "gen-1@" + std::to_string(i / 250);  // one publish midway
        const kb::SearchRequest request = Request("q" + std::to_string((i * 7 + t) % 50));
        if (auto found = cache.Find(index, request))
          CHECK(FirstId(found) == request.query);
        else
          cache.Put(index, request, Answer(request.query, 100));
      }
    });
  for (std::thread& w : workers) w.join();
  const kb::SearchCache::Stats stats = cache.stats();
  CHECK(stats.hits + stats.misses == 2000);
  CHECK(stats.hits > 0);
  CHECK(stats.bytes <= (64u << 10));
}

TEST_CASE("search cache: a pool with a cache answers as one without, and sees a publish") {
  kb::test::Workspace ws;
  ws.Write("en/a/password", "title: Change your password\nlang: en", "Change your password.");
  ws.Write("en/a/login", "title: Sign in\nlang: en", "Sign in with your password.");
  ws.Publish();
  kb::SearcherPool cached(ws.db(), {}, 0, 1 << 20), plain(ws.db());
  auto search = [](kb::SearcherPool& pool, const std::string& text) {
    auto found = pool.With([&](kb::Searcher& s) { return s.Search(Request(text)); });
    REQUIRE(found.ok());
    return *found;
  };
  auto ids = [](const kb::SearchResponse& r) {
    std::vector<std::string> out;
    for (const kb::SearchHit& hit : r.hits) out.push_back(hit.id + "|" + hit.snippet);
    return out;
  };
  const kb::SearchResponse first = search(cached, "password");
  const kb::SearchResponse again = search(cached, "password");
  REQUIRE(cached.cache() != nullptr);
  CHECK(cached.cache()->stats().hits == 1);
  CHECK(ids(again) == ids(first));
  CHECK(ids(again) == ids(search(plain, "password")));
  CHECK(again.total == first.total);
  CHECK(again.category_facets.size() == first.category_facets.size());

  // A publish that changes the answer: the next search sees it.
  ws.Write("en/a/password", "title: Shipping times\nlang: en", "Parcels arrive within a week.");
  ws.Publish();
  const kb::SearchResponse after = search(cached, "password");
  CHECK(after.total == 1);
  CHECK(ids(after) == ids(search(plain, "password")));
  CHECK(after.hits.at(0).id == "en/a/login");
  CHECK(plain.cache() == nullptr);
}
