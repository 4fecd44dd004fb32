// EventRecorder: batches, flushes on stop, drops (and counts) when full;
// event validation and session ids.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

#include "kb/insights/nudge.h"
#include "kb/insights/recorder.h"
#include "kb/insights/session.h"

namespace kb {
namespace {

// A store that keeps what it is given, and can hold the writer inside
// Record until released.
class FakeStore : public EventStore {
 public:
  Status Record(const std::vector<Event>& events) override {
    std::unique_lock<std::mutex> lock(mu_);
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return !hold_; });
    batches_.push_back(events.size());
    recorded_ += events.size();
    return Status::OK();
  }
  Result<uint64_t> DeleteBefore(int64_t) override { return uint64_t{0}; }
  Result<ReportTable> Report(const ReportRequest&) override { return ReportTable{}; }
  Result<std::vector<PopularQuery>> PopularQueries(int64_t, uint64_t, size_t) override {
    return std::vector<PopularQuery>{
        {"en", "reset password", 5}, {"en", "refund", 3}, {"he", "סיסמה", 4}};
  }

  Result<std::vector<ArticleSignal>> ArticleSignals(int64_t) override {
    return std::vector<ArticleSignal>{{"en/account/reset-password", 0, 4, 0},
                                      {"en/billing/refund-policy", 0, 0, 0}};
  }

  void Hold() {
    std::lock_guard<std::mutex> lock(mu_);
    hold_ = true;
  }
  void WaitUntilEntered() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return entered_; });
  }
  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    hold_ = false;
    changed_.notify_all();
  }
  size_t recorded() {
    std::lock_guard<std::mutex> lock(mu_);
    return recorded_;
  }
  std::vector<size_t> batches() {
    std::lock_guard<std::mutex> lock(mu_);
    return batches_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool hold_ = false, entered_ = false;
  size_t recorded_ = 0;
  std::vector<size_t> batches_;
};

Event Contact(int64_t time) {
  Event e;
  e.type = EventType::kContact;
  e.time = time;
  e.session = NewSessionId(time);
  return e;
}

std::vector<Event> Contacts(size_t n) {
  std::vector<Event> events;
  for (size_t i = 0; i < n; ++i) events.push_back(Contact(1000 + static_cast<int64_t>(i)));
  return events;
}

}  // namespace

TEST_CASE("a full queue drops events and counts them, never waiting for the writer") {
  FakeStore store;
  store.Hold();
  RecorderOptions options;
  options.capacity = 3;
  options.retention_days = 0;
  EventRecorder recorder(&store, options);
  CHECK(recorder.Submit(Contacts(1)) == 1);
  store.WaitUntilEntered();                  // the writer holds that one event
  CHECK(recorder.Submit(Contacts(5)) == 3);  // 3 fit in the queue
  CHECK(recorder.Submit(Contacts(1)) == 0);
  RecorderStats stats = recorder.Stats();
  CHECK(stats.queued == 3);
  CHECK(stats.dropped == 3);
  store.Release();
  recorder.Flush();
  stats = recorder.Stats();
  CHECK(stats.recorded == 4);
  CHECK(stats.queued == 0);
  CHECK(store.recorded() == 4);
}

TEST_CASE("events queued while a batch is written go into the next batch, at most batch_size") {
  FakeStore store;
  store.Hold();
  RecorderOptions options;
  options.batch_size = 4;
  options.retention_days = 0;
  EventRecorder recorder(&store, options);
  recorder.Submit(Contacts(1));
  store.WaitUntilEntered();
  CHECK(recorder.Submit(Contacts(6)) == 6);
  store.Release();
  recorder.Flush();
  CHECK(store.batches() == std::vector<size_t>{1, 4, 2});
}

TEST_CASE("stopping commits everything still queued; later events are dropped") {
  FakeStore store;
  RecorderOptions options;
  options.retention_days = 0;
  EventRecorder recorder(&store, options);
  recorder.Submit(Contacts(50));
  recorder.Stop();
  CHECK(store.recorded() == 50);
  CHECK(recorder.Submit(Contacts(1)) == 0);
  CHECK(recorder.Stats().dropped == 1);
}

TEST_CASE("popular queries for autocomplete: by prefix, language, most sessions first") {
  FakeStore store;
  RecorderOptions options;
  options.retention_days = 0;
  EventRecorder recorder(&store, options);
  recorder.Submit(Contacts(1));
  recorder.Flush();
  recorder.Stop();  // the writer refreshed the snapshot after its batch
  CHECK(recorder.PopularQueries("RE", "en", 8) ==
        std::vector<std::string>{"reset password", "refund"});
  CHECK(recorder.PopularQueries("ref", "en", 8) == std::vector<std::string>{"refund"});
  CHECK(recorder.PopularQueries("re", "he", 8).empty());
  CHECK(recorder.PopularQueries("", "", 2) == std::vector<std::string>{"reset password", "סיסמה"});
}

TEST_CASE("ValidateEvent names the bad field") {
  const std::string session = NewSessionId(1000);
  auto event = [&](EventType type) {
    Event e;
    e.type = type;
    e.time = 1000;
    e.session = session;
    e.query = "refund";
    e.article = "en/billing/refund-policy";
    e.rank = 1;
    return e;
  };
  CHECK(ValidateEvent(event(EventType::kClick), "events[0]").ok());
  CHECK(ValidateEvent(event(EventType::kVote), "events[0]").ok());
  Event no_session = event(EventType::kView);
  no_session.session.clear();
  CHECK(ValidateEvent(no_session, "event").ok());  // a view may come without a session

  const struct {
    EventType type;
    void (*change)(Event*);
    const char* field;
  } cases[] = {
      {EventType::kClick, [](Event* e) { e->rank = 0; }, "events[0].rank"},
      {EventType::kClick, [](Event* e) { e->rank = 1001; }, "events[0].rank"},
      {EventType::kClick, [](Event* e) { e->query = " "; }, "events[0].query"},
      {EventType::kClick, [](Event* e) { e->query = std::string(1025, 'x'); }, "events[0].query"},
      {EventType::kClick, [](Event* e) { e->session = "abc"; }, "events[0].session"},
      {EventType::kContact, [](Event* e) { e->session.clear(); }, "events[0].session"},
      {EventType::kVote, [](Event* e) { e->reason = "boring"; }, "events[0].reason"},
      {EventType::kVote, [](Event* e) { e->text = "\xff"; }, "events[0].text"},
      {EventType::kVote, [](Event* e) { e->article.clear(); }, "events[0].article"},
      {EventType::kContact, [](Event* e) { e->channel = "fax"; }, "events[0].channel"},
      {EventType::kView, [](Event* e) { e->time = 0; }, "events[0].time"},
  };
  for (const auto& c : cases) {
    Event e = event(c.type);
    c.change(&e);
    const Status s = ValidateEvent(e, "events[0]");
    INFO(c.field);
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK(s.message().rfind(c.field, 0) == 0);
  }
}

TEST_CASE("session ids are random, kept for a day, then rotated") {
  const int64_t now = 1'800'000'000;
  const std::string id = NewSessionId(now);
  CHECK(IsSessionId(id));
  CHECK(id != NewSessionId(now));
  CHECK(KeepOrRotateSession(id, now + 3600) == id);
  CHECK(KeepOrRotateSession(id, now + kSessionLifetimeSeconds + 1) != id);
  CHECK(KeepOrRotateSession(id, now - 10) != id);  // issued in the future
  CHECK(IsSessionId(KeepOrRotateSession("not-a-session", now)));
  CHECK_FALSE(IsSessionId(std::string(40, 'A')));
}

}  // namespace kb

namespace kb {

TEST_CASE("the nudge reorders close hits by their signals only") {
  const std::vector<double> none = {0, 0, 0};
  // No events: the order stays, even where the shown scores are not sorted.
  CHECK(NudgedOrder({0.50, 0.52, 0.40}, none) == std::vector<size_t>{0, 1, 2});
  // A helpful third hit 0.01 behind climbs over the second, not over a clearly better first.
  CHECK(NudgedOrder({0.90, 0.51, 0.50}, {0, 0, 0.5}) == std::vector<size_t>{0, 2, 1});
  // Close all the way up: it climbs to the top.
  CHECK(NudgedOrder({0.51, 0.51, 0.50}, {0, 0, 0.5}) == std::vector<size_t>{2, 0, 1});
  // A not-helpful first hit drops behind a close second.
  CHECK(NudgedOrder({0.51, 0.50}, {-0.5, 0}) == std::vector<size_t>{1, 0});
  // The gap a hit may close grows with the signal difference, up to 1.5 margins.
  CHECK(NudgedOrder({0.54, 0.50}, {0, 1}) == std::vector<size_t>{0, 1});
  CHECK(NudgedOrder({0.52, 0.50}, {0, 1}) == std::vector<size_t>{1, 0});
}

TEST_CASE("nudge signals: 0 without events, votes shrunk towards 0, clicks a little") {
  CHECK(NudgeSignal({"a", 0, 0, 0}) == 0);
  CHECK(NudgeSignal({"a", 0, 1, 0}) == doctest::Approx(0.5 / 6));
  CHECK(NudgeSignal({"a", 0, 0, 5}) == doctest::Approx(-0.25));
  CHECK(NudgeSignal({"a", 20, 0, 0}) == doctest::Approx(0.25));
  CHECK(NudgeSignal({"a", 0, 100, 0}) < 0.5);
}

TEST_CASE("the recorder's nudge signals: 0 for articles without events") {
  FakeStore store;
  RecorderOptions options;
  options.retention_days = 0;
  EventRecorder recorder(&store, options);
  recorder.Submit(Contacts(1));
  recorder.Flush();
  recorder.Stop();
  const std::vector<double> signals = recorder.NudgeSignals(
      {"en/account/reset-password", "en/billing/refund-policy", "en/account/close-account"});
  CHECK(signals[0] == doctest::Approx(0.5 * 4 / 9));
  CHECK(signals[1] == 0);
  CHECK(signals[2] == 0);
}

}  // namespace kb
