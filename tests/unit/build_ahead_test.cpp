// BuildAhead: items in order, on a worker thread for big plans and on the
// caller's analyzer for small ones; the worker's exception reaches the caller.
#include "index/build_ahead.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <thread>

namespace {

kb::BuiltArticle Item(size_t i) {
  kb::BuiltArticle built;
  built.id = "a" + std::to_string(i);
  built.doc.add_term("n" + std::to_string(i));
  return built;
}

}  // namespace

TEST_CASE("build ahead: a big plan is built in order on another thread and analyzer") {
  auto mine = kb::NewAnalyzer();
  const std::thread::id caller = std::this_thread::get_id();
  bool other_thread = true, other_analyzer = true;
  kb::BuildAhead ahead(500, 8, *mine, [&](size_t i, kb::Analyzer& analyzer) {
    other_thread = other_thread && std::this_thread::get_id() != caller;
    other_analyzer = other_analyzer && &analyzer != mine.get();
    return Item(i);
  });
  for (size_t i = 0; i < 500; ++i) {
    const kb::BuiltArticle built = ahead.Next();
    REQUIRE(built.id == "a" + std::to_string(i));
    CHECK(*built.doc.termlist_begin() == "n" + std::to_string(i));
  }
  CHECK(other_thread);
  CHECK(other_analyzer);
}

TEST_CASE("build ahead: a small plan is built in Next, on the caller's thread and analyzer") {
  auto mine = kb::NewAnalyzer();
  const std::thread::id caller = std::this_thread::get_id();
  size_t built_so_far = 0;
  kb::BuildAhead ahead(3, 8, *mine, [&](size_t i, kb::Analyzer& analyzer) {
    const bool same_thread = std::this_thread::get_id() == caller;
    const bool same_analyzer = &analyzer == mine.get();
    CHECK(same_thread);
    CHECK(same_analyzer);
    ++built_so_far;
    return Item(i);
  });
  CHECK(built_so_far == 0);
  CHECK(ahead.Next().id == "a0");
  CHECK(built_so_far == 1);
  CHECK(ahead.Next().id == "a1");
}

TEST_CASE("build ahead: the worker's exception comes after the items before it") {
  auto mine = kb::NewAnalyzer();
  kb::BuildAhead ahead(100, 4, *mine, [](size_t i, kb::Analyzer&) {
    if (i == 5) throw std::runtime_error("disk gone");
    return Item(i);
  });
  for (size_t i = 0; i < 5; ++i) CHECK(ahead.Next().id == "a" + std::to_string(i));
  CHECK_THROWS_WITH_AS(ahead.Next(), "disk gone", std::runtime_error);
}

TEST_CASE("build ahead: leaving early stops the worker") {
  auto mine = kb::NewAnalyzer();
  size_t built = 0;
  {
    kb::BuildAhead ahead(100000, 4, *mine, [&](size_t i, kb::Analyzer&) {
      ++built;
      return Item(i);
    });
    CHECK(ahead.Next().id == "a0");
  }  // destroyed with most items unbuilt: returns, and the worker is gone
  CHECK(built < 100000);
}
