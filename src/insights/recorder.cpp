#include "kb/insights/recorder.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cctype>

namespace kb {
namespace {

constexpr std::chrono::hours kRetentionEvery{1};
constexpr int64_t kPopularDays = 90;  // autocomplete and the nudge learn from the last 90 days
constexpr size_t kPopularPerLanguage = 1000;

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool StartsWithFolded(const std::string& text, const std::string& prefix) {
  if (prefix.size() > text.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

EventRecorder::EventRecorder(EventStore* store, RecorderOptions options)
    : store_(store), options_(std::move(options)) {
  if (!options_.log) options_.log = &NullLog();
  options_.batch_size = std::max<size_t>(options_.batch_size, 1);
  writer_ = std::thread([this] { Run(); });
}

EventRecorder::~EventRecorder() { Stop(); }

size_t EventRecorder::Submit(std::vector<Event> events) {
  size_t queued = 0;
  bool full_batch = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (Event& e : events) {
      if (stopping_ || queue_.size() >= options_.capacity) {
        ++dropped_;
        continue;
      }
      queue_.push_back(std::move(e));
      ++submitted_;
      ++queued;
    }
    full_batch = queue_.size() >= options_.batch_size;
  }
  // The writer wakes by itself every `linger`; a request wakes it (a futex
  // call) only when a whole batch is waiting.
  if (full_batch) wake_.notify_one();
  return queued;
}

void EventRecorder::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  const uint64_t target = submitted_;
  ++flushes_;
  wake_.notify_one();
  flushed_.wait(lock, [&] { return done_ >= target; });
  --flushes_;
}

void EventRecorder::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

RecorderStats EventRecorder::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return RecorderStats{queue_.size(), recorded_, dropped_, failed_};
}

std::vector<std::string> EventRecorder::PopularQueries(const std::string& prefix,
                                                       const std::string& lang,
                                                       size_t limit) const {
  std::vector<const PopularQuery*> found;
  std::lock_guard<std::mutex> lock(mu_);
  for (const PopularQuery& q : popular_) {
    if ((lang.empty() || q.lang == lang) && StartsWithFolded(q.query, prefix)) found.push_back(&q);
  }
  std::stable_sort(found.begin(), found.end(), [](const PopularQuery* a, const PopularQuery* b) {
    return a->sessions > b->sessions;
  });
  std::vector<std::string> out;
  for (const PopularQuery* q : found) {
    if (out.size() >= limit) break;
    out.push_back(q->query);
  }
  return out;
}

std::vector<double> EventRecorder::NudgeSignals(const std::vector<std::string>& articles) const {
  std::vector<double> out;
  std::lock_guard<std::mutex> lock(mu_);
  for (const std::string& id : articles) {
    auto it = signals_.find(id);
    out.push_back(it == signals_.end() ? 0.0 : it->second);
  }
  return out;
}

void EventRecorder::Run() {
  // Process signals (SIGTERM: stop the server) are for the program's own
  // threads to take, never this one.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  for (;;) {
    std::vector<Event> batch;
    bool stop = false;
    {
      std::unique_lock<std::mutex> lock(mu_);
      // Group commit: what queued up during the last linger or while the
      // last batch was written goes in the next one.
      wake_.wait_for(lock, options_.linger, [&] {
        return stopping_ || queue_.size() >= options_.batch_size ||
               (flushes_ > 0 && !queue_.empty());
      });
      const size_t n = std::min(queue_.size(), options_.batch_size);
      batch.assign(std::make_move_iterator(queue_.begin()),
                   std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(n)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      stop = stopping_ && queue_.empty();
    }
    if (!batch.empty()) Commit(std::move(batch));
    Maintain(std::chrono::steady_clock::now());
    if (stop) return;
  }
}

void EventRecorder::Commit(std::vector<Event> batch) {
  const Status s = store_->Record(batch);
  if (!s.ok())
    options_.log->Error("insights: " + std::to_string(batch.size()) +
                        " events lost: " + s.ToString());
  std::lock_guard<std::mutex> lock(mu_);
  (s.ok() ? recorded_ : failed_) += batch.size();
  done_ += batch.size();
  dirty_ = true;
  flushed_.notify_all();
}

void EventRecorder::Maintain(std::chrono::steady_clock::time_point now) {
  const bool first = last_retention_ == std::chrono::steady_clock::time_point{};
  if (options_.retention_days > 0 && (first || now - last_retention_ >= kRetentionEvery)) {
    last_retention_ = now;
    auto deleted = store_->DeleteBefore(NowSeconds() - int64_t{options_.retention_days} * 86400);
    if (!deleted.ok()) options_.log->Error("insights: retention: " + deleted.status().ToString());
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    const bool due = last_popular_ == std::chrono::steady_clock::time_point{} ||
                     now - last_popular_ >= options_.popular_refresh;
    if (!dirty_ || !due) return;
    dirty_ = false;
    last_popular_ = now;
  }
  const int64_t since = NowSeconds() - kPopularDays * 86400;
  auto popular = store_->PopularQueries(since, options_.popular_min_sessions, kPopularPerLanguage);
  auto articles = store_->ArticleSignals(since);
  if (!popular.ok() || !articles.ok()) {
    options_.log->Error("insights: popular queries and signals: " +
                        (popular.ok() ? articles.status() : popular.status()).ToString());
    return;
  }
  std::unordered_map<std::string, double> signals;
  for (const ArticleSignal& a : *articles) {
    const double signal = NudgeSignal(a);
    if (signal != 0) signals[a.article] = signal;
  }
  std::lock_guard<std::mutex> lock(mu_);
  popular_ = std::move(*popular);
  signals_ = std::move(signals);
}

}  // namespace kb
