// kb::Diagnostics: the problems found in article files, as one value.
//
// Every function that reads, parses or checks articles returns its problems
// as a Diagnostics (alone, or beside its value in a Diagnosed<T>) instead of
// appending to a caller's vector. Each problem is one ArticleError, shown as
// "path:line: message" (or "path: message" when no line applies), in the
// order it was found.
//
// Plain value types: copyable, movable, and safe to use from any thread as
// long as a single object is not mutated concurrently.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kb {

// A problem with one article file, reported as "path:line: message".
struct ArticleError {
  std::string path;
  int line = 0;  // 1-based; 0 when no line applies (unreadable file)
  std::string message;
  std::string ToString() const;
};

class Diagnostics {
 public:
  using const_iterator = std::vector<ArticleError>::const_iterator;

  Diagnostics() = default;
  // One problem (for a function that fails with exactly one).
  Diagnostics(std::string path, int line, std::string message) {
    Add(std::move(path), line, std::move(message));
  }

  // True when there is no problem.
  bool ok() const { return errors_.empty(); }
  bool empty() const { return errors_.empty(); }
  size_t size() const { return errors_.size(); }
  const ArticleError& operator[](size_t i) const { return errors_[i]; }
  const_iterator begin() const { return errors_.begin(); }
  const_iterator end() const { return errors_.end(); }
  const std::vector<ArticleError>& errors() const { return errors_; }

  void Add(ArticleError error) { errors_.push_back(std::move(error)); }
  void Add(std::string path, int line, std::string message) {
    errors_.push_back({std::move(path), line, std::move(message)});
  }
  // Appends every problem of `other`, in order.
  void Append(const Diagnostics& other);
  void Append(Diagnostics&& other);

  // One "path:line: message" line per problem, each ending in '\n'; "" when ok().
  std::string ToString() const;

 private:
  std::vector<ArticleError> errors_;
};

// A value together with the problems found while producing it. Each function
// that returns one says what `value` holds when diagnostics is not ok (for a
// parse: nothing usable; for a listing: the entries that are usable).
template <typename T>
struct Diagnosed {
  T value{};
  Diagnostics diagnostics;
  bool ok() const { return diagnostics.ok(); }
};

}  // namespace kb
