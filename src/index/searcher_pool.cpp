#include "kb/index/search.h"

namespace kb {

Result<std::unique_ptr<Searcher>> SearcherPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto searcher = std::move(idle_.back());
      idle_.pop_back();
      return searcher;
    }
  }
  // Opening happens outside the lock: it reads files and builds an analyzer.
  return Searcher::Open(db_dir_, features_);
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(searcher));
}

}  // namespace kb
