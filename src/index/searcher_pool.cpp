#include "kb/index/search.h"
#include "kb/index/search_cache.h"

namespace kb {

SearcherPool::SearcherPool(std::string db_dir, const QueryFeatures& features, size_t slots,
                           size_t cache_bytes)
    : db_dir_(std::move(db_dir)),
      features_(features),
      slots_(slots),
      cache_(cache_bytes > 0 ? std::make_shared<SearchCache>(cache_bytes) : nullptr) {}

void SearcherPool::WaitForSlot(std::unique_lock<std::mutex>& lock) {
  if (slots_ == 0) return;
  if (waiting_.empty() && lent_ < slots_) {
    ++lent_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.turn.wait(lock, [&] { return me.granted; });
}

void SearcherPool::FreeSlot() {
  if (slots_ == 0) return;
  if (waiting_.empty()) {
    --lent_;
    return;
  }
  // Handed over, not freed: the next in line wakes, and only it.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->granted = true;
  next->turn.notify_one();
}

Result<std::unique_ptr<Searcher>> SearcherPool::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    WaitForSlot(lock);
    if (!idle_.empty()) {
      auto searcher = std::move(idle_.back());
      idle_.pop_back();
      return searcher;
    }
  }
  // Opening happens outside the lock: it reads files and builds an analyzer.
  auto opened = Searcher::Open(db_dir_, features_, cache_);
  if (!opened.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    FreeSlot();
  }
  return opened;
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mu_);
  if (searcher) idle_.push_back(std::move(searcher));
  FreeSlot();
}

}  // namespace kb
