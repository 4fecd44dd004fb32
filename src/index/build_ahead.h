// BuildAhead: articles analysed on a second thread while the caller writes
// the ones before them. Xapian has one writer, and analysis is a sixth of a
// full build (docs/performance.md), so the second core takes that part.
// Items are built in order, at most `depth` ahead of the caller, each on the
// worker's own Analyzer (analyzers are not thread-safe). `build` runs only
// on the worker; the caller must not use what it reads meanwhile (the
// article source). An exception thrown by `build` is thrown again by Next().
// A plan of at most `depth` items (a small publish) is built in Next() on the
// caller's thread and analyzer: no thread, no second analyzer to build
// (building one costs more than analysing a few articles).
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/articles/diagnostics.h"

namespace kb {

// One built article: its document, or why it could not be built.
struct BuiltArticle {
  std::string id;  // the article's id
  Xapian::Document doc;
  Diagnostics problem;  // not ok(): nothing to write (the rest empty)
};

class BuildAhead {
 public:
  using Build = std::function<BuiltArticle(size_t index, Analyzer& analyzer)>;
  // `analyzer`: the caller's, used only inside Next() and only for small plans.
  BuildAhead(size_t count, size_t depth, Analyzer& analyzer, Build build);
  ~BuildAhead();  // stops the worker (unbuilt items are dropped) and waits for it
  BuildAhead(const BuildAhead&) = delete;
  BuildAhead& operator=(const BuildAhead&) = delete;

  // The next item in order; call it at most `count` times.
  BuiltArticle Next();

 private:
  void Work();

  const size_t count_, depth_;
  Analyzer& caller_analyzer_;
  const Build build_;
  const bool threaded_;
  size_t next_ = 0;  // unthreaded: the next item to build
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<BuiltArticle> ready_;
  std::exception_ptr error_;
  bool stop_ = false;
  bool failed_ = false;
  std::thread worker_;  // threaded_: started once every other member is set
};

}  // namespace kb
