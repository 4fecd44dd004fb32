// kb::GitPublisher: the one writer of a served index in git mode.
//
// It owns a git source and publishes the branch into DB_DIR: once at start
// (PublishNow, in the caller's thread), then from one background thread
// whenever Trigger() is called (webhook) or every poll interval. Triggers
// that arrive while a publish runs are coalesced into one more publish.
// A publish first fetches (URL mode) and resolves the branch; a commit that
// was already attempted is not attempted again unless that attempt failed for
// another reason than bad articles (I/O, fetch). Bad articles publish nothing
// (kb/index/publish.h) and are kept in the status and logged, one
// "path:line: message" line each, to the Log in GitPublisherOptions (one line
// per attempt too). Nothing is printed.
//
// Thread-safety: every public method may be called from any thread, except
// that PublishNow() must not run while the background thread is started.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kb/articles/article.h"
#include "kb/core/log.h"
#include "kb/core/status.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"

namespace kb {

struct GitPublisherOptions {
  GitSourceOptions source;
  std::string db_dir;
  int poll_seconds = 0;  // 0: no polling (webhooks only)
  // Where each attempt is logged (its outcome, and its bad articles as errors).
  // Not owned; must outlive the publisher and be thread-safe (kb/core/log.h).
  Log* log = &NullLog();
  bool allow_mass_delete = false;  // see PublishOptions::allow_mass_delete
};

// One publish attempt.
struct GitPublishAttempt {
  std::string commit;  // the commit read ("" if it could not be resolved)
  int64_t time = 0;    // when the attempt ended, seconds since the epoch
  // Why fetching, resolving the branch or indexing failed (nothing was
  // published; a later attempt of the same commit tries again). OK otherwise,
  // also when the commit has bad articles (those are in `errors`).
  kb::Status status;
  bool skipped = false;  // true: this commit was attempted before (nothing done)
  size_t added = 0, updated = 0, deleted = 0, unchanged = 0;
  uint64_t sequence = 0;  // index publish sequence after the attempt
  Diagnostics errors;     // bad articles: nothing was published
  // True when the index now serves `commit`: no failure and no bad article.
  bool ok() const { return status.ok() && errors.ok(); }
};

struct GitPublishStatus {
  std::string repo, branch;
  std::string last_good_commit;  // last commit the index was published from
  int64_t last_good_time = 0;
  std::optional<GitPublishAttempt> last_attempt;
  bool running = false;   // a publish is in progress
  uint64_t attempts = 0;  // attempts made since start
};

class GitPublisher {
 public:
  // Opens (or clones) the repository. Errors as NewGitSource.
  static Result<std::unique_ptr<GitPublisher>> Create(const GitPublisherOptions& options);
  ~GitPublisher();  // stops the thread

  // Publishes the branch now in the calling thread and returns the attempt.
  GitPublishAttempt PublishNow();

  // Starts / stops the background thread (Stop waits for a running publish).
  void Start();
  void Stop();

  // Asks the background thread to publish; returns a ticket for WaitFor.
  uint64_t Trigger();
  // Waits until the publish for `ticket` ended or `timeout` passed: the attempt, or nullopt.
  std::optional<GitPublishAttempt> WaitFor(uint64_t ticket, std::chrono::milliseconds timeout);

  GitPublishStatus Status() const;
  const GitSourceOptions& source_options() const;

 private:
  class Impl;
  explicit GitPublisher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kb
