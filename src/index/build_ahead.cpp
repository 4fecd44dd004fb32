#include "build_ahead.h"

#include <utility>

namespace kb {

BuildAhead::BuildAhead(size_t count, size_t depth, Analyzer& analyzer, Build build)
    : count_(count),
      depth_(depth < 1 ? 1 : depth),
      caller_analyzer_(analyzer),
      build_(std::move(build)),
      threaded_(count > depth_) {
  if (threaded_) worker_ = std::thread([this] { Work(); });
}

BuildAhead::~BuildAhead() {
  if (!threaded_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

void BuildAhead::Work() {
  auto analyzer = NewAnalyzer();
  for (size_t i = 0; i < count_; ++i) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return stop_ || ready_.size() < depth_; });
      if (stop_) return;
    }
    BuiltArticle built;
    std::exception_ptr error;
    try {
      built = build_(i, *analyzer);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      // Moved, never copied: a Xapian::Document's reference count is not
      // atomic, so the worker must keep no reference to what it hands over.
      if (error) {
        error_ = error;
        failed_ = true;
      } else {
        ready_.push_back(std::move(built));
      }
    }
    changed_.notify_all();
    if (error) return;
  }
}

BuiltArticle BuildAhead::Next() {
  if (!threaded_) return build_(next_++, caller_analyzer_);
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return !ready_.empty() || failed_; });
  if (ready_.empty()) std::rethrow_exception(error_);
  BuiltArticle next = std::move(ready_.front());
  ready_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return next;
}

}  // namespace kb
