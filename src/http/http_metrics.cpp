#include "http_metrics.h"

#include <filesystem>

#include "kb/index/search.h"
#include "kb/index/search_cache.h"
#include "kb/insights/recorder.h"
#include "kb/publish/git_publisher.h"

namespace kb::http {

HttpMetrics::HttpMetrics(Metrics& registry)
    : requests(registry.AddCounter("kb_http_requests_total", "HTTP requests answered.",
                                   {"route", "status"})),
      latency(registry.AddHistogram("kb_http_request_duration_seconds",
                                    "Time from routing a request to its answer.", {"route"},
                                    Metrics::LatencyBuckets())),
      rate_limited(registry.AddCounter("kb_http_rate_limited_total",
                                       "Requests refused with 429 by the rate limiter.",
                                       {"client"})) {}

void CountSearch(Metrics* registry, const std::string& lang, size_t total) {
  if (!registry) return;
  registry->AddCounter("kb_searches_total", "Searches answered, by the query's language.", {"lang"})
      ->Inc({lang});
  if (total == 0)
    registry
        ->AddCounter("kb_searches_zero_results_total",
                     "Searches that found no article, by the query's language.", {"lang"})
        ->Inc({lang});
}

namespace {

// Bytes of the files under `dir` (the live generation and its neighbours).
double DirectoryBytes(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  uintmax_t bytes = 0;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const uintmax_t size = it->file_size(size_ec);
      if (!size_ec) bytes += size;
    }
  }
  return static_cast<double>(bytes);
}

std::vector<MetricSample> One(double value) { return {{{}, value}}; }

}  // namespace

void AddIndexGauges(Metrics& registry, const Services& services,
                    std::function<double()> timed_out) {
  SearcherPool* searchers = services.searchers;
  auto info = [searchers] {
    auto result = searchers->With([](Searcher& s) { return s.Info(); });
    return result.ok() ? *result : IndexInfo{};
  };
  registry.AddCallback("kb_index_documents", "Documents in the served index (all audiences).",
                       MetricKind::kGauge, {}, [info] { return One(info().articles); });
  registry.AddCallback("kb_index_sequence", "Publish sequence of the served index.",
                       MetricKind::kGauge, {},
                       [info] { return One(static_cast<double>(info().sequence)); });
  registry.AddCallback("kb_index_generation_info", "The served generation, as a label.",
                       MetricKind::kGauge, {"generation"}, [info] {
                         return std::vector<MetricSample>{{{info().generation}, 1}};
                       });
  if (const SearchCache* cache = searchers->cache()) {
    // How often a search was answered from the cache of recent answers.
    registry.AddCallback("kb_search_cache_hits_total",
                         "Searches answered from the cache of recent answers.",
                         MetricKind::kCounter, {},
                         [cache] { return One(static_cast<double>(cache->stats().hits)); });
    registry.AddCallback("kb_search_cache_misses_total",
                         "Searches the cache of recent answers did not have.", MetricKind::kCounter,
                         {}, [cache] { return One(static_cast<double>(cache->stats().misses)); });
    registry.AddCallback(
        "kb_search_cache_bytes", "Estimated memory held by the cache of recent answers.",
        MetricKind::kGauge, {}, [cache] { return One(static_cast<double>(cache->stats().bytes)); });
  }
  registry.AddCallback("kb_index_size_bytes", "Bytes on disk under the index directory.",
                       MetricKind::kGauge, {},
                       [searchers] { return One(DirectoryBytes(searchers->db_dir())); });
  registry.AddCallback("kb_http_connections_timed_out_total",
                       "Connections shut down for taking longer than the request timeout.",
                       MetricKind::kCounter, {}, [timed_out] { return One(timed_out()); });
  if (EventRecorder* recorder = services.recorder) {
    // The insights recorder (kb/insights/recorder.h): a full queue drops
    // events rather than block a request; these say when that happens.
    registry.AddCallback(
        "kb_events_dropped_total", "Insights events dropped because the recorder's queue was full.",
        MetricKind::kCounter, {},
        [recorder] { return One(static_cast<double>(recorder->Stats().dropped)); });
    registry.AddCallback("kb_event_queue_length",
                         "Insights events waiting for the recorder's writer thread.",
                         MetricKind::kGauge, {},
                         [recorder] { return One(static_cast<double>(recorder->Stats().queued)); });
  }
  GitPublisher* publisher = services.publisher;
  if (!publisher) return;
  registry.AddCallback(
      "kb_publish_last_attempt_timestamp_seconds", "When the last git publish attempt ended.",
      MetricKind::kGauge, {}, [publisher] {
        const GitPublishStatus status = publisher->Status();
        return One(status.last_attempt ? static_cast<double>(status.last_attempt->time) : 0);
      });
  registry.AddCallback("kb_publish_last_attempt_ok",
                       "1 when the last git publish attempt published its commit, else 0.",
                       MetricKind::kGauge, {}, [publisher] {
                         const GitPublishStatus status = publisher->Status();
                         return One(status.last_attempt && status.last_attempt->ok() ? 1 : 0);
                       });
  registry.AddCallback(
      "kb_publish_last_success_timestamp_seconds", "When the index was last published from git.",
      MetricKind::kGauge, {},
      [publisher] { return One(static_cast<double>(publisher->Status().last_good_time)); });
  registry.AddCallback(
      "kb_publish_attempts_total", "Git publish attempts since start.", MetricKind::kCounter, {},
      [publisher] { return One(static_cast<double>(publisher->Status().attempts)); });
}

}  // namespace kb::http
