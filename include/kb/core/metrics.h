// kb::Metrics: the registry behind GET /metrics (Prometheus text format
// 0.0.4). Parts count what they do in families they declare once at startup;
// the HTTP part renders every family on each scrape.
//
// A family is a counter, a gauge or a histogram with a fixed name ("kb_"
// prefix, "_total" for counters, "_seconds" for durations, as Prometheus'
// naming conventions ask) and fixed label names. Families are either owned
// values (Counter, Histogram: Inc/Observe from any thread) or callbacks read
// at scrape time (AddCallback: a gauge or counter whose value lives elsewhere,
// such as the index size or a queue's drop count).
//
// Thread-safety: every method may be called from any thread. Declaring a
// family twice with the same name returns the first one (so two services may
// share it) when the kind matches; a mismatch is a programming error that
// throws std::logic_error at startup. Families live as long as the registry;
// the returned pointers stay valid until it is destroyed. Callbacks must stay
// callable until then (or be cheap no-ops) and must not call the registry.
//
// A family keeps at most max_series label sets; further label sets are
// counted under the labels all set to "other", so a caller-chosen value
// (a language tag) cannot grow the scrape without bound.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace kb {

// Label values in the order of the family's label names.
using MetricLabels = std::vector<std::string>;

class MetricsFamily;

class Counter {
 public:
  // Adds `by` (>= 0) to the series with these label values.
  void Inc(const MetricLabels& labels = {}, double by = 1);

 private:
  friend class Metrics;
  explicit Counter(MetricsFamily* family) : family_(family) {}
  MetricsFamily* family_;
};

class Histogram {
 public:
  // Counts `value` into its bucket and adds it to the sum.
  void Observe(const MetricLabels& labels, double value);

 private:
  friend class Metrics;
  explicit Histogram(MetricsFamily* family) : family_(family) {}
  MetricsFamily* family_;
};

enum class MetricKind { kCounter, kGauge, kHistogram };

// One value a callback reports: label values (as many as label names) and the value.
struct MetricSample {
  MetricLabels labels;
  double value = 0;
};

class Metrics {
 public:
  static constexpr size_t kDefaultMaxSeries = 200;
  // Latency buckets in seconds (0.5 ms .. 10 s).
  static std::vector<double> LatencyBuckets();

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  Counter* AddCounter(const std::string& name, const std::string& help,
                      std::vector<std::string> label_names = {});
  Histogram* AddHistogram(const std::string& name, const std::string& help,
                          std::vector<std::string> label_names, std::vector<double> buckets);
  // `kind` is kCounter or kGauge; `read` is called on every scrape.
  void AddCallback(const std::string& name, const std::string& help, MetricKind kind,
                   std::vector<std::string> label_names,
                   std::function<std::vector<MetricSample>()> read);

  // The Prometheus text exposition of every family, sorted by name; ends with "\n".
  std::string Render() const;

  // The value of a counter or callback series, or of a histogram's count;
  // 0 when absent. For tests and for health summaries.
  double Value(const std::string& name, const MetricLabels& labels = {}) const;

 private:
  MetricsFamily* Declare(const std::string& name, const std::string& help, MetricKind kind,
                         std::vector<std::string> label_names);
  mutable std::mutex mu_;  // guards families_ (the map, not the series in it)
  std::map<std::string, std::unique_ptr<MetricsFamily>> families_;
};

// The content type of Render()'s text.
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace kb
