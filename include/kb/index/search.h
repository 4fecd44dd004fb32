// kb::Searcher: answers searches and article fetches from a published index.
//
// A Searcher owns its own Xapian database handle and analyzer, so it is NOT
// thread-safe: give every worker thread its own (SearcherPool does this for
// the HTTP server). Each call first re-opens the index so that a publish (a new
// commit, or a new generation behind DB_DIR/CURRENT) is seen without restart.
//
// Visibility: a request with `agent == false` is a customer's. For it internal
// articles do not exist anywhere: not in hits, totals, snippets, or fetches
// (NotFound). Drafts are never indexed, so they do not exist for anybody.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kb/core/status.h"
#include "kb/query/query_features.h"

namespace kb {

class SearchCache;

struct SearchRequest {
  std::string query;  // raw UTF-8 as typed (validated by the caller)
  std::string lang;   // "" or "auto": detect from the query's script
  size_t limit = 10;
  size_t offset = 0;
  std::string category;                 // optional exact filter
  std::vector<std::string> categories;  // optional: articles in any of these (and `category`)
  std::vector<std::string> tags;        // optional: articles with any of these tags
  bool agent = false;                   // true: internal articles are visible
};

struct SearchHit {
  std::string id, title, lang, category, url;
  std::string snippet;    // HTML-escaped text with only <mark> added
  double score = 0;       // 0..1, relative to the best possible match
  bool internal = false;  // audience: internal (only agents get such hits)
};

// How many of the matching articles (visible to the caller) have a value.
struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResponse {
  std::string query;
  std::string lang;            // the language searched (requested or detected)
  bool lang_detected = false;  // true when lang came from detection
  bool fallback = false;  // true when nothing matched in `lang` and other languages were searched
  uint64_t total = 0;     // matching articles visible to the caller
  // true when `total` and the facet counts are estimates (very many matches:
  // counted over a sample of the index, see docs/api.md); else they are exact.
  bool total_estimated = false;
  double took_ms = 0;
  std::optional<std::string> suggestion;  // the query with misspelled words corrected
  bool corrected = false;                 // true when the corrected words were searched too
  std::vector<SearchHit> hits;
  // Counts over ALL matching articles (not just this page), most frequent
  // first; estimates when total_estimated.
  std::vector<FacetCount> category_facets;
  std::vector<FacetCount> tag_facets;
};

// An article in a list (related, FAQ, autocomplete).
struct ArticleSummary {
  std::string id, title, lang, category, url;
  int order = 0;  // front matter `order` (FAQ)
};

struct FaqRequest {
  std::string lang;      // "" = every language
  std::string category;  // "" = every category
  bool agent = false;
  bool faq_only = true;  // false: every article visible to the caller (the portal's lists, sitemap)
};

struct FaqCategory {
  std::string category;
  std::vector<ArticleSummary> articles;  // by `order` (unset last), then title
};

struct SuggestRequest {
  std::string prefix;  // what the customer typed so far; the last word may be partial
  std::string lang;    // "" or "auto": detected
  size_t limit = 8;
  bool agent = false;
};

struct ArticleView {
  std::string id, title, lang, category, audience, html, translation_of;
  std::vector<std::string> tags;
  std::vector<std::string> translations;  // ids of linked translations visible to the caller
  bool faq = false;
  int64_t updated = 0;    // seconds since the epoch
  std::string author;     // git mode: author of the last commit that changed it, else empty
  bool outdated = false;  // git mode: a translation whose source changed in a later commit
};

struct IndexInfo {
  std::string generation;
  uint64_t sequence = 0;
  uint64_t articles = 0;     // documents in the index (all audiences)
  int64_t published_at = 0;  // when it was published, seconds since the epoch (0: unknown)
};

class Searcher {
 public:
  // Opens the index that DB_DIR/CURRENT points to, to search with `features`
  // (kb/query/query_features.h; all on by default). NotFound if there is none
  // yet, Corruption/IOError if it cannot be read.
  // With a `cache` (kb/index/search_cache.h; shared by the searchers of a
  // pool), a search answered before on the same index is answered from it.
  static Result<std::unique_ptr<Searcher>> Open(const std::string& db_dir,
                                                const QueryFeatures& features = {},
                                                std::shared_ptr<SearchCache> cache = nullptr);
  virtual ~Searcher() = default;

  // Ranked hits. InvalidArgument for an empty query; a query with no
  // searchable words gives zero hits, never an error.
  virtual Result<SearchResponse> Search(const SearchRequest& request) = 0;
  // The article, or NotFound (also for an internal article and a customer).
  virtual Result<ArticleView> GetArticle(const std::string& id, bool agent) = 0;
  // OK when the index is readable; reports what is live.
  virtual Result<IndexInfo> Info() = 0;
  // Articles like `id` (more-like-this over its own terms): same language
  // first, never the article itself or its translations. NotFound as GetArticle.
  virtual Result<std::vector<ArticleSummary>> Related(const std::string& id, bool agent,
                                                      size_t limit) = 0;
  // FAQ articles (`faq: true`) grouped by category, categories by name.
  virtual Result<std::vector<FaqCategory>> Faq(const FaqRequest& request) = 0;
  // Autocomplete: articles whose title matches the prefix, the last word
  // matching mid-word (in every script, after the same analysis as search).
  virtual Result<std::vector<ArticleSummary>> Suggest(const SuggestRequest& request) = 0;
};

// A fixed set of Searchers lent to threads one at a time, each searching
// with the same `features`. Thread-safe.
//
// With `slots` > 0, at most that many are lent at once, and threads wait for
// one in the order they asked (first come, first served). A search is CPU
// work: with one thread per kept-alive connection, 32 connections on 2
// cores would otherwise share the cores 32 ways, stretching a slow search
// 16-fold; waiting in line instead costs every request about the same
// (docs/performance.md, fifth round: p99 3.6x -> 1.5x the floor's at
// 10k). 0: no limit.
class SearcherPool {
 public:
  // With `cache_bytes` > 0, its searchers share a SearchCache of that size:
  // the same search on the same index is answered once (kb serve
  // --search-cache-mb; docs/performance.md, eighth round). 0: no cache.
  explicit SearcherPool(std::string db_dir, const QueryFeatures& features = {}, size_t slots = 0,
                        size_t cache_bytes = 0);

  // Runs `fn(Searcher&)` with a searcher no other thread is using (opening a
  // new one if none is free) and returns its result. Open errors are returned.
  // If `fn` throws, the searcher is dropped and its slot freed.
  template <typename Fn>
  auto With(Fn&& fn) -> decltype(fn(std::declval<Searcher&>())) {
    auto searcher = Acquire();
    if (!searcher.ok()) return searcher.status();
    Lent lent{this, std::move(*searcher), std::uncaught_exceptions()};
    return fn(*lent.searcher);
  }

  const std::string& db_dir() const { return db_dir_; }
  // The shared cache (null without one), for its counters.
  const SearchCache* cache() const { return cache_.get(); }

 private:
  // A lent searcher, given back at the end of its scope (dropped when the
  // scope ends by an exception).
  struct Lent {
    SearcherPool* pool;
    std::unique_ptr<Searcher> searcher;
    int exceptions;  // std::uncaught_exceptions() when lent
    ~Lent() {
      const bool thrown = std::uncaught_exceptions() > exceptions;
      pool->Release(thrown ? std::unique_ptr<Searcher>() : std::move(searcher));
    }
  };

  Result<std::unique_ptr<Searcher>> Acquire();
  // Gives `searcher` back (null: dropped) and frees its slot.
  void Release(std::unique_ptr<Searcher> searcher);
  void WaitForSlot(std::unique_lock<std::mutex>& lock);
  void FreeSlot();

  std::string db_dir_;
  QueryFeatures features_;
  const size_t slots_;
  std::shared_ptr<SearchCache> cache_;
  // A thread waiting for a slot; a freed slot goes to the first in line.
  struct Waiter {
    std::condition_variable turn;
    bool granted = false;
  };
  std::mutex mu_;
  std::deque<Waiter*> waiting_;
  size_t lent_ = 0;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace kb
