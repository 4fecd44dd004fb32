// kb::Metrics: the Prometheus text it renders, and counting from many threads.
#include "kb/core/metrics.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <thread>
#include <vector>

TEST_CASE("metrics: counters render with HELP, TYPE and escaped labels") {
  kb::Metrics m;
  kb::Counter* c = m.AddCounter("kb_things_total", "Things.\nCounted \\ here.", {"kind"});
  c->Inc({"a\"b\\c\nd"});
  c->Inc({"plain"}, 2.5);
  const std::string text = m.Render();
  CHECK(text ==
        "# HELP kb_things_total Things.\\nCounted \\\\ here.\n"
        "# TYPE kb_things_total counter\n"
        "kb_things_total{kind=\"a\\\"b\\\\c\\nd\"} 1\n"
        "kb_things_total{kind=\"plain\"} 2.5\n");
  CHECK(m.Value("kb_things_total", {"plain"}) == 2.5);
  CHECK(m.Value("kb_things_total", {"absent"}) == 0);
}

TEST_CASE("metrics: histograms have cumulative buckets, +Inf, sum and count") {
  kb::Metrics m;
  kb::Histogram* h = m.AddHistogram("kb_wait_seconds", "Waits.", {"route"}, {0.1, 1, 10});
  for (double v : {0.05, 0.1, 0.5, 20.0}) h->Observe({"/x"}, v);
  const std::string text = m.Render();
  CHECK(text.find("kb_wait_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n") != std::string::npos);
  CHECK(text.find("kb_wait_seconds_bucket{route=\"/x\",le=\"1\"} 3\n") != std::string::npos);
  CHECK(text.find("kb_wait_seconds_bucket{route=\"/x\",le=\"10\"} 3\n") != std::string::npos);
  CHECK(text.find("kb_wait_seconds_bucket{route=\"/x\",le=\"+Inf\"} 4\n") != std::string::npos);
  CHECK(text.find("kb_wait_seconds_sum{route=\"/x\"} 20.65\n") != std::string::npos);
  CHECK(text.find("kb_wait_seconds_count{route=\"/x\"} 4\n") != std::string::npos);
}

TEST_CASE("metrics: callbacks are read at scrape time; names are declared once") {
  kb::Metrics m;
  double drops = 3;
  m.AddCallback("kb_queue_drops_total", "Dropped events.", kb::MetricKind::kCounter, {}, [&drops] {
    return std::vector<kb::MetricSample>{{{}, drops}};
  });
  CHECK(m.Render().find("kb_queue_drops_total 3\n") != std::string::npos);
  drops = 4;
  CHECK(m.Value("kb_queue_drops_total") == 4);
  // The same counter twice is the same counter; another kind under its name is a bug.
  CHECK(m.AddCounter("kb_a_total", "A.") == m.AddCounter("kb_a_total", "A."));
  CHECK_THROWS_AS(m.AddHistogram("kb_a_total", "A.", {}, {1}), std::logic_error);
  CHECK_THROWS_AS(m.AddCallback("kb_queue_drops_total", "again", kb::MetricKind::kGauge, {},
                                [] { return std::vector<kb::MetricSample>{}; }),
                  std::logic_error);
}

TEST_CASE("metrics: label sets past the cap are counted as 'other'") {
  kb::Metrics m;
  kb::Counter* c = m.AddCounter("kb_by_lang_total", "By language.", {"lang"});
  for (size_t i = 0; i < kb::Metrics::kDefaultMaxSeries + 50; ++i)
    c->Inc({"x" + std::to_string(i)});
  CHECK(m.Value("kb_by_lang_total", {"other"}) == 50);
}

TEST_CASE("metrics threads: counting and rendering at once loses nothing") {
  kb::Metrics m;
  kb::Counter* c = m.AddCounter("kb_hits_total", "Hits.", {"t"});
  kb::Histogram* h =
      m.AddHistogram("kb_lat_seconds", "Latency.", {}, kb::Metrics::LatencyBuckets());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        c->Inc({std::to_string(t % 2)});
        h->Observe({}, 0.001 * i);
        if (i % 500 == 0) m.Render();
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(m.Value("kb_hits_total", {"0"}) + m.Value("kb_hits_total", {"1"}) == 8000);
  CHECK(m.Value("kb_lat_seconds") == 8000);
}
