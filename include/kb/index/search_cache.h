// kb::SearchCache: the answers of recent searches, shared by the searchers of
// one pool, so that a question many customers ask ("reset password") is
// searched once per publish instead of once per customer.
//
// An answer is kept under the index it came from (its generation and Xapian
// revision) and everything its request says (text, language, page, filters,
// audience): it is served again only for the same request on the same index.
// The first answer stored for another index empties the cache, so a publish
// is seen by the next search. The cache holds at most `max_bytes` (an
// estimate of its answers' size); the least recently used answers go first.
// A cache of 0 bytes keeps nothing.
//
// Thread-safe. What it stores are copies; callers may change what they get.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "kb/index/search.h"

namespace kb {

class SearchCache {
 public:
  explicit SearchCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer stored for `request` on index `index`, if there is one.
  std::optional<SearchResponse> Find(const std::string& index, const SearchRequest& request);
  // Stores `response` as the answer to `request` on `index` (unless it alone
  // is larger than the cache).
  void Put(const std::string& index, const SearchRequest& request, const SearchResponse& response);

  struct Stats {
    uint64_t hits = 0, misses = 0;  // Find calls that found an answer, and that did not
    uint64_t entries = 0, bytes = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    SearchResponse response;
    size_t bytes;
  };
  void Evict(size_t room);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::string index_;     // the index the stored answers came from
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace kb
