// kb::EventRecorder: records events without slowing the request that made
// them. Submit puts an event on a bounded queue and returns at once; one
// writer thread wakes every `linger` (or when a batch is full), takes what
// has queued up (at most `batch_size` events) and commits it to the
// EventStore in one transaction, so batches grow with the load. A full queue drops the event and
// counts it (Stats().dropped) instead of blocking. Stop (and the
// destructor) commits everything still queued. The writer thread also
// deletes events older than the retention period, once an hour, and keeps a
// snapshot of popular queries for autocomplete and of articles' nudge
// signals (kb/insights/nudge.h).
//
// Thread-safety: every member is thread-safe. The recorder borrows the store
// and the log; both must outlive it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kb/core/log.h"
#include "kb/insights/event_store.h"

namespace kb {

struct RecorderOptions {
  size_t capacity = 10000;  // queued events at most; more are dropped
  size_t batch_size = 500;  // events per transaction at most
  // How long events wait for company before the writer commits them (and
  // how often it does its upkeep: retention, popular queries).
  std::chrono::milliseconds linger{200};
  int retention_days = 365;  // 0: keep events forever
  // How often the popular-query snapshot is rebuilt (when events came in).
  std::chrono::seconds popular_refresh{60};
  uint64_t popular_min_sessions = 3;  // a query typed by fewer sessions is never suggested
  Log* log = nullptr;                 // null: nothing is logged
};

struct RecorderStats {
  uint64_t queued = 0;    // waiting now
  uint64_t recorded = 0;  // committed
  uint64_t dropped = 0;   // refused because the queue was full
  uint64_t failed = 0;    // lost because the store refused a batch (logged)
};

class EventRecorder {
 public:
  // Starts the writer thread.
  EventRecorder(EventStore* store, RecorderOptions options);
  ~EventRecorder();  // Stop()
  EventRecorder(const EventRecorder&) = delete;
  EventRecorder& operator=(const EventRecorder&) = delete;

  // Queues `events` (all, or as many as fit); returns how many were queued.
  // Never waits for the writer.
  size_t Submit(std::vector<Event> events);
  // Waits until every event submitted before the call is committed (or failed).
  void Flush();
  // Commits what is queued and ends the writer thread. Later Submits drop.
  void Stop();
  RecorderStats Stats() const;

  // Up to `limit` popular queries (RecorderOptions) in `lang` ("": any)
  // that start with `prefix` (ASCII letters compared case-insensitively),
  // most sessions first.
  std::vector<std::string> PopularQueries(const std::string& prefix, const std::string& lang,
                                          size_t limit) const;
  // NudgeSignal of each article (0 for one without events), from the
  // snapshot refreshed with the popular queries.
  std::vector<double> NudgeSignals(const std::vector<std::string>& articles) const;

 private:
  void Run();
  void Commit(std::vector<Event> batch);
  void Maintain(std::chrono::steady_clock::time_point now);

  EventStore* store_;
  RecorderOptions options_;
  mutable std::mutex mu_;
  std::condition_variable wake_;     // the writer: events came, or stop
  std::condition_variable flushed_;  // Flush callers: a batch was committed
  std::deque<Event> queue_;
  bool stopping_ = false;
  uint64_t submitted_ = 0, done_ = 0, recorded_ = 0, dropped_ = 0, failed_ = 0;
  int flushes_ = 0;    // Flush calls waiting
  bool dirty_ = true;  // events since the last popular-query refresh
  std::chrono::steady_clock::time_point last_retention_{}, last_popular_{};
  std::vector<PopularQuery> popular_;                // guarded by mu_
  std::unordered_map<std::string, double> signals_;  // guarded by mu_; only non-zero ones
  std::thread writer_;
};

}  // namespace kb
