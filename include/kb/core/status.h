// kb::Status and kb::Result<T>: errors as values.
//
// A Status is either OK or carries a domain code and a human-readable message.
// Result<T> holds a T on success or a non-OK Status on failure. Both are plain
// value types: copyable, movable, and safe to use from any thread as long as a
// single object is not mutated concurrently.
//
// Only src/http/ maps codes to HTTP statuses; nothing else in kb knows them.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace kb {

enum class StatusCode {
  kOk,
  kNotFound,         // the thing asked for does not exist (for this caller)
  kInvalidArgument,  // the caller's input is malformed or out of range
  kUnauthorized,     // credentials missing or wrong where they are required
  kTooLarge,         // input exceeds a size limit
  kRateLimited,      // too many requests from this caller
  kCorruption,       // stored data is unreadable or inconsistent
  kIOError,          // the OS or a library failed to read or write
  kInternal,         // a bug or an unexpected library exception
};

class Status {
 public:
  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {StatusCode::kInvalidArgument, std::move(msg)};
  }
  static Status Unauthorized(std::string msg) {
    return {StatusCode::kUnauthorized, std::move(msg)};
  }
  static Status TooLarge(std::string msg) { return {StatusCode::kTooLarge, std::move(msg)}; }
  static Status RateLimited(std::string msg) { return {StatusCode::kRateLimited, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "NotFound: no article he/x" style text for logs and the CLI.
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Name of a code as used in logs ("NotFound", "InvalidArgument", ...).
const char* StatusCodeName(StatusCode code);

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace kb
