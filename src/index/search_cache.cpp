#include "kb/index/search_cache.h"

namespace kb {
namespace {

// Every field of a request, each length-prefixed, so no two requests share a key.
std::string RequestKey(const SearchRequest& request) {
  std::string key;
  auto add = [&key](const std::string& field) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
  };
  add(request.query);
  add(request.lang);
  add(std::to_string(request.limit));
  add(std::to_string(request.offset));
  add(request.category);
  add(std::to_string(request.categories.size()));
  for (const std::string& category : request.categories) add(category);
  add(std::to_string(request.tags.size()));
  for (const std::string& tag : request.tags) add(tag);
  add(request.agent ? "agent" : "customer");
  return key;
}

// About what an answer takes in memory: its text and its records.
size_t ResponseBytes(const SearchResponse& response) {
  size_t bytes = sizeof(SearchResponse) + response.query.size() + response.lang.size() +
                 (response.suggestion ? response.suggestion->size() : 0);
  for (const SearchHit& hit : response.hits)
    bytes += sizeof(SearchHit) + hit.id.size() + hit.title.size() + hit.lang.size() +
             hit.category.size() + hit.url.size() + hit.snippet.size();
  for (const auto* facets : {&response.category_facets, &response.tag_facets})
    for (const FacetCount& facet : *facets) bytes += sizeof(FacetCount) + facet.value.size();
  return bytes;
}

// The map's node and the list's node, besides the key's two copies.
constexpr size_t kEntryOverhead = 128;

}  // namespace

std::optional<SearchResponse> SearchCache::Find(const std::string& index,
                                                const SearchRequest& request) {
  if (max_bytes_ == 0) return std::nullopt;
  const std::string key = RequestKey(request);
  std::lock_guard<std::mutex> lock(mu_);
  const auto found = index == index_ ? by_key_.find(key) : by_key_.end();
  if (found == by_key_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, found->second);
  return found->second->response;
}

void SearchCache::Put(const std::string& index, const SearchRequest& request,
                      const SearchResponse& response) {
  std::string key = RequestKey(request);
  const size_t bytes = ResponseBytes(response) + 2 * key.size() + kEntryOverhead;
  if (bytes > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (index != index_) {  // a publish: nothing stored answers for this index
    lru_.clear();
    by_key_.clear();
    bytes_ = 0;
    index_ = index;
  }
  if (const auto old = by_key_.find(key); old != by_key_.end()) {
    bytes_ -= old->second->bytes;
    lru_.erase(old->second);
    by_key_.erase(old);
  }
  Evict(bytes);
  lru_.push_front(Entry{key, response, bytes});
  by_key_.emplace(std::move(key), lru_.begin());
  bytes_ += bytes;
}

void SearchCache::Evict(size_t room) {
  while (!lru_.empty() && bytes_ + room > max_bytes_) {
    bytes_ -= lru_.back().bytes;
    by_key_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

SearchCache::Stats SearchCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return Stats{hits_, misses_, by_key_.size(), bytes_};
}

}  // namespace kb
