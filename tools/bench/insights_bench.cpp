// insights_bench: what recording insights costs a search, and how fast the
// writer stores events (docs/performance.md, "Insights").
//
//   insights_bench DB_DIR --queries TSV [--rounds 6] [--events 100000]
//
// Latency: every query of TSV (qid TAB lang TAB query, a header line: the
// shared eval sets) through Searcher::Search, each query twice in a row,
// recording off and on, which first alternating (so the load of a shared
// machine falls on both alike), for --rounds rounds after a warm-up one.
// "On" adds what GET /api/v1/search adds: keep or rotate the session, build
// the search event, submit it to an EventRecorder, look up the hits' nudge
// signals and order them (none here); the recorder's writer commits to a
// SQLite store in a temp folder, so its thread competes for the CPU as in
// the server. Prints median and p90 per mode, the ratio on/off (the median
// of the pairs' ratios, and of the sums), and the time the request itself
// spends recording. Writer: submits --events mixed events
// (searches and clicks, which the store analyses, views, votes, contacts)
// and reports events/s until all are committed. Not a test: it never fails
// on timings.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_queries.h"
#include "bench_stats.h"
#include "kb/index/search.h"
#include "kb/insights/nudge.h"
#include "kb/insights/recorder.h"
#include "kb/insights/session.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Query {
  std::string lang, text;
};

std::vector<Query> ReadQueries(const std::string& file) {
  std::vector<Query> queries;
  for (const std::vector<std::string>& fields : kb_bench::ReadTsvRows(file))
    if (fields.size() >= 3) queries.push_back({fields[1], fields[2]});
  return queries;
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

kb::Event SearchEvent(const kb::SearchRequest& request, const kb::SearchResponse& response,
                      const std::string& session) {
  kb::Event e;
  e.type = kb::EventType::kSearch;
  e.time = Now();
  e.session = kb::KeepOrRotateSession(session, e.time);
  e.query = request.query;
  e.lang = response.lang;
  e.category = response.hits.empty() ? "" : response.hits.front().category;
  e.results = response.total;
  e.latency_ms = response.took_ms;
  return e;
}

// Mixed events as the portal sends them: per search a click, a view, and
// now and then a vote or a contact.
std::vector<kb::Event> MixedEvents(const std::vector<Query>& queries, size_t n) {
  std::vector<kb::Event> events;
  const int64_t now = Now();
  for (size_t i = 0; events.size() < n; ++i) {
    const Query& q = queries[i % queries.size()];
    kb::Event e;
    e.time = now;
    e.session = kb::NewSessionId(now);
    e.lang = q.lang;
    e.query = q.text;
    e.article = q.lang + "/account/reset-password";
    e.category = "account";
    e.type = kb::EventType::kSearch;
    e.results = 3;
    events.push_back(e);
    e.type = kb::EventType::kClick;
    e.rank = 1;
    events.push_back(e);
    e.type = kb::EventType::kView;
    events.push_back(e);
    e.type = i % 3 == 0 ? kb::EventType::kVote : kb::EventType::kContact;
    events.push_back(e);
  }
  events.resize(n);
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::strcmp(argv[2], "--queries") != 0) {
    std::fprintf(stderr, "usage: insights_bench DB_DIR --queries TSV [--rounds N] [--events N]\n");
    return 2;
  }
  const std::string db = argv[1];
  const std::vector<Query> queries = ReadQueries(argv[3]);
  int rounds = 6;
  size_t event_count = 100000;
  for (int i = 4; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--events")) event_count = std::strtoul(argv[i + 1], nullptr, 10);
  }
  if (queries.empty()) {
    std::fprintf(stderr, "no queries in %s\n", argv[3]);
    return 2;
  }
  auto searcher = kb::Searcher::Open(db);
  if (!searcher.ok()) {
    std::fprintf(stderr, "%s\n", searcher.status().ToString().c_str());
    return 3;
  }
  const std::string data =
      (std::filesystem::temp_directory_path() / ("kb-insights-bench-" + std::to_string(getpid())))
          .string();
  auto store = kb::OpenSqliteEventStore(data);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 3;
  }

  // 1. Search latency, recording off and on, query by query.
  std::vector<double> off, on, submit_us;
  {
    kb::RecorderOptions options;
    options.retention_days = 0;
    kb::EventRecorder recorder(store->get(), options);
    const std::string session = kb::NewSessionId(Now());
    auto timed = [&](const Query& q, bool record) {
      kb::SearchRequest request;
      request.query = q.text;
      request.lang = q.lang;
      const auto start = Clock::now();
      auto response = (*searcher)->Search(request);
      if (record && response.ok()) {
        const auto submit = Clock::now();
        recorder.Submit({SearchEvent(request, *response, session)});
        std::vector<std::string> ids;
        std::vector<double> scores;
        for (const kb::SearchHit& hit : response->hits) {
          ids.push_back(hit.id);
          scores.push_back(hit.score);
        }
        kb::NudgedOrder(scores, recorder.NudgeSignals(ids));
        submit_us.push_back(Ms(Clock::now() - submit) * 1000);
      }
      return Ms(Clock::now() - start);
    };
    for (int round = 0; round <= rounds; ++round) {
      for (size_t i = 0; i < queries.size(); ++i) {
        const bool on_first = (i + static_cast<size_t>(round)) % 2 == 0;
        const double first = timed(queries[i], on_first);
        const double second = timed(queries[i], !on_first);
        if (round == 0) continue;  // warm-up
        on.push_back(on_first ? first : second);
        off.push_back(on_first ? second : first);
      }
    }
    recorder.Stop();
    std::printf("recorded %llu searches, dropped %llu\n",
                static_cast<unsigned long long>(recorder.Stats().recorded),
                static_cast<unsigned long long>(recorder.Stats().dropped));
  }
  const double off50 = kb_bench::Median(off), on50 = kb_bench::Median(on);
  std::printf("search latency, %zu queries x %d rounds each:\n", queries.size(), rounds);
  std::printf("  recording off: p50 %.3f ms  p90 %.3f ms\n", off50, kb_bench::Percentile(off, 0.9));
  std::printf("  recording on:  p50 %.3f ms  p90 %.3f ms\n", on50, kb_bench::Percentile(on, 0.9));
  // Per-query latencies spread over two orders of magnitude, so a ratio of
  // medians jumps between modes; the pairs' own ratios and the sums do not.
  std::vector<double> pair_ratios;
  double off_sum = 0, on_sum = 0;
  for (size_t i = 0; i < on.size(); ++i) {
    pair_ratios.push_back(on[i] / off[i]);
    off_sum += off[i];
    on_sum += on[i];
  }
  std::printf("  ratio on/off: median of the pairs' %.3f, of the sums %.3f\n",
              kb_bench::Median(pair_ratios), on_sum / off_sum);
  std::printf(
      "  the request's own part (session, event, Submit, nudge): p50 %.1f us  p99 %.1f us\n",
      kb_bench::Median(submit_us), kb_bench::Percentile(submit_us, 0.99));

  // 2. The writer: events/s from the first Submit until all are committed.
  {
    kb::RecorderOptions options;
    options.capacity = event_count;
    options.retention_days = 0;
    kb::EventRecorder recorder(store->get(), options);
    std::vector<kb::Event> events = MixedEvents(queries, event_count);
    const auto start = Clock::now();
    for (size_t i = 0; i < events.size(); i += 100) {  // requests of 100, as POST /api/v1/events
      std::vector<kb::Event> batch(
          events.begin() + static_cast<std::ptrdiff_t>(i),
          events.begin() + static_cast<std::ptrdiff_t>(std::min(i + 100, events.size())));
      recorder.Submit(std::move(batch));
    }
    recorder.Flush();
    const double seconds = Ms(Clock::now() - start) / 1000;
    std::printf("writer: %zu mixed events committed in %.2f s: %.0f events/s (dropped %llu)\n",
                events.size(), seconds, static_cast<double>(events.size()) / seconds,
                static_cast<unsigned long long>(recorder.Stats().dropped));
  }
  store->reset();
  std::filesystem::remove_all(data);
  return 0;
}
