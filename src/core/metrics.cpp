// The metrics registry and its Prometheus text rendering.
#include "kb/core/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace kb {

struct Series {
  double value = 0;              // counters; histograms: the sum
  std::vector<uint64_t> counts;  // histograms: one per bucket, then +Inf
};

class MetricsFamily {
 public:
  MetricsFamily(std::string name, std::string help, MetricKind kind,
                std::vector<std::string> label_names)
      : name_(std::move(name)),
        help_(std::move(help)),
        kind_(kind),
        label_names_(std::move(label_names)) {}

  std::string name_, help_;
  MetricKind kind_;
  std::vector<std::string> label_names_;
  std::vector<double> buckets_;  // histograms
  std::function<std::vector<MetricSample>()> read_;
  std::unique_ptr<Counter> counter_;
  std::unique_ptr<Histogram> histogram_;

  // The series of `labels`, created on first use ("other" past max_series).
  // Call with mu_ held.
  Series& At(const MetricLabels& labels) {
    MetricLabels key = labels;
    key.resize(label_names_.size());
    auto it = series_.find(key);
    if (it != series_.end()) return it->second;
    if (series_.size() >= Metrics::kDefaultMaxSeries) key.assign(label_names_.size(), "other");
    Series& s = series_[key];
    if (kind_ == MetricKind::kHistogram && s.counts.empty())
      s.counts.assign(buckets_.size() + 1, 0);
    return s;
  }

  std::mutex mu_;  // guards series_
  std::map<MetricLabels, Series> series_;
};

void Counter::Inc(const MetricLabels& labels, double by) {
  std::lock_guard<std::mutex> lock(family_->mu_);
  family_->At(labels).value += by;
}

void Histogram::Observe(const MetricLabels& labels, double value) {
  const auto& buckets = family_->buckets_;
  const size_t bucket = static_cast<size_t>(
      std::lower_bound(buckets.begin(), buckets.end(), value) - buckets.begin());
  std::lock_guard<std::mutex> lock(family_->mu_);
  Series& s = family_->At(labels);
  s.value += value;
  ++s.counts[bucket];
}

namespace {

// Label values escape backslash, double quote and newline; HELP text
// backslash and newline (the text format's rules).
std::string Escape(const std::string& text, bool quote) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '"' && quote)
      out += "\\\"";
    else
      out += c;
  }
  return out;
}

std::string Number(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  // Shortest form that reads back the same, for small integers and round decimals.
  for (int precision = 1; precision < 17; ++precision) {
    char shorter[32];
    std::snprintf(shorter, sizeof shorter, "%.*g", precision, v);
    if (std::strtod(shorter, nullptr) == v) return shorter;
  }
  return buf;
}

std::string LabelText(const std::vector<std::string>& names, const MetricLabels& values,
                      const std::string& extra = "") {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    out += (out.empty() ? "" : ",") + names[i] + "=\"" +
           Escape(i < values.size() ? values[i] : "", true) + "\"";
  }
  if (!extra.empty()) out += (out.empty() ? "" : ",") + extra;
  return out.empty() ? "" : "{" + out + "}";
}

const char* KindName(MetricKind kind) {
  switch (kind) {
    case MetricKind::kCounter:
      return "counter";
    case MetricKind::kGauge:
      return "gauge";
    case MetricKind::kHistogram:
      return "histogram";
  }
  return "untyped";
}

void RenderHistogram(const MetricsFamily& f, const MetricLabels& labels, const Series& s,
                     std::string* out) {
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= f.buckets_.size(); ++i) {
    cumulative += s.counts[i];
    const std::string le =
        "le=\"" + (i < f.buckets_.size() ? Number(f.buckets_[i]) : std::string("+Inf")) + "\"";
    *out += f.name_ + "_bucket" + LabelText(f.label_names_, labels, le) + " " +
            std::to_string(cumulative) + "\n";
  }
  *out += f.name_ + "_sum" + LabelText(f.label_names_, labels) + " " + Number(s.value) + "\n";
  *out += f.name_ + "_count" + LabelText(f.label_names_, labels) + " " +
          std::to_string(cumulative) + "\n";
}

}  // namespace

std::vector<double> Metrics::LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
}

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

MetricsFamily* Metrics::Declare(const std::string& name, const std::string& help, MetricKind kind,
                                std::vector<std::string> label_names) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = families_.find(name);
  if (it != families_.end()) {
    if (it->second->kind_ != kind || it->second->read_)
      throw std::logic_error("metric " + name + " declared twice with different kinds");
    return it->second.get();
  }
  auto family = std::make_unique<MetricsFamily>(name, help, kind, std::move(label_names));
  MetricsFamily* raw = family.get();
  families_[name] = std::move(family);
  return raw;
}

Counter* Metrics::AddCounter(const std::string& name, const std::string& help,
                             std::vector<std::string> label_names) {
  MetricsFamily* f = Declare(name, help, MetricKind::kCounter, std::move(label_names));
  std::lock_guard<std::mutex> lock(mu_);
  if (!f->counter_) f->counter_.reset(new Counter(f));
  return f->counter_.get();
}

Histogram* Metrics::AddHistogram(const std::string& name, const std::string& help,
                                 std::vector<std::string> label_names,
                                 std::vector<double> buckets) {
  MetricsFamily* f = Declare(name, help, MetricKind::kHistogram, std::move(label_names));
  std::lock_guard<std::mutex> lock(mu_);
  if (!f->histogram_) {
    std::sort(buckets.begin(), buckets.end());
    f->buckets_ = std::move(buckets);
    f->histogram_.reset(new Histogram(f));
  }
  return f->histogram_.get();
}

void Metrics::AddCallback(const std::string& name, const std::string& help, MetricKind kind,
                          std::vector<std::string> label_names,
                          std::function<std::vector<MetricSample>()> read) {
  if (kind == MetricKind::kHistogram)
    throw std::logic_error("metric " + name + ": a callback is a counter or a gauge");
  std::lock_guard<std::mutex> lock(mu_);
  if (families_.count(name)) throw std::logic_error("metric " + name + " declared twice");
  auto family = std::make_unique<MetricsFamily>(name, help, kind, std::move(label_names));
  family->read_ = std::move(read);
  families_[name] = std::move(family);
}

std::string Metrics::Render() const {
  std::vector<MetricsFamily*> families;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [name, family] : families_) families.push_back(family.get());
  }
  std::string out;
  for (MetricsFamily* f : families) {
    out += "# HELP " + f->name_ + " " + Escape(f->help_, false) + "\n";
    out += "# TYPE " + f->name_ + " " + KindName(f->kind_) + "\n";
    if (f->read_) {
      for (const MetricSample& s : f->read_())
        out += f->name_ + LabelText(f->label_names_, s.labels) + " " + Number(s.value) + "\n";
      continue;
    }
    std::lock_guard<std::mutex> lock(f->mu_);
    for (const auto& [labels, series] : f->series_) {
      if (f->kind_ == MetricKind::kHistogram) {
        RenderHistogram(*f, labels, series, &out);
      } else {
        out += f->name_ + LabelText(f->label_names_, labels) + " " + Number(series.value) + "\n";
      }
    }
  }
  return out;
}

double Metrics::Value(const std::string& name, const MetricLabels& labels) const {
  MetricsFamily* f = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = families_.find(name);
    if (it == families_.end()) return 0;
    f = it->second.get();
  }
  if (f->read_) {
    for (const MetricSample& s : f->read_())
      if (s.labels == labels) return s.value;
    return 0;
  }
  std::lock_guard<std::mutex> lock(f->mu_);
  MetricLabels key = labels;
  key.resize(f->label_names_.size());
  auto it = f->series_.find(key);
  if (it == f->series_.end()) return 0;
  if (f->kind_ != MetricKind::kHistogram) return it->second.value;
  uint64_t count = 0;
  for (uint64_t c : it->second.counts) count += c;
  return static_cast<double>(count);
}

}  // namespace kb
