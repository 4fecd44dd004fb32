// GitPublisher: one background writer that publishes a git branch on
// webhook or poll. See kb/git_publisher.h.
#include "kb/publish/git_publisher.h"

#include <condition_variable>
#include <ctime>
#include <mutex>
#include <thread>
#include <utility>

#include "kb/sources/article_sources.h"
#include "kb/sources/git_branch_source.h"

namespace kb {

class GitPublisher::Impl {
 public:
  Impl(GitPublisherOptions options, std::unique_ptr<GitBranchSource> source)
      : options_(std::move(options)), source_(std::move(source)) {
    status_.repo = options_.source.repo;
    status_.branch = options_.source.branch;
  }

  GitPublishAttempt PublishNow() {
    std::lock_guard<std::mutex> publishing(publish_mu_);
    {
      std::lock_guard<std::mutex> lock(mu_);
      status_.running = true;
    }
    GitPublishAttempt attempt = Attempt();
    std::lock_guard<std::mutex> lock(mu_);
    status_.running = false;
    if (attempt.skipped) return attempt;
    ++status_.attempts;
    if (attempt.ok()) {
      status_.last_good_commit = attempt.commit;
      status_.last_good_time = attempt.time;
    }
    status_.last_attempt = attempt;
    return attempt;
  }

  void Start() {
    std::lock_guard<std::mutex> lock(mu_);
    if (thread_.joinable()) return;
    stop_ = false;
    thread_ = std::thread([this] { Loop(); });
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  uint64_t Trigger() {
    uint64_t ticket;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ticket = ++requested_;
    }
    wake_.notify_all();
    return ticket;
  }

  std::optional<GitPublishAttempt> WaitFor(uint64_t ticket, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!done_.wait_for(lock, timeout, [&] { return completed_ >= ticket; })) return std::nullopt;
    return completed_attempt_;
  }

  GitPublishStatus Status() const {
    std::lock_guard<std::mutex> lock(mu_);
    return status_;
  }

  const GitSourceOptions& source_options() const { return options_.source; }

 private:
  // The background thread: publish when triggered, or when the poll interval passed.
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      auto pending = [&] { return stop_ || requested_ > completed_; };
      if (options_.poll_seconds > 0) {
        wake_.wait_for(lock, std::chrono::seconds(options_.poll_seconds), pending);
      } else {
        wake_.wait(lock, pending);
      }
      if (stop_) break;
      const uint64_t target = requested_;  // every trigger so far is served by this publish
      lock.unlock();
      GitPublishAttempt attempt = PublishNow();
      lock.lock();
      completed_ = target;
      completed_attempt_ = attempt;
      done_.notify_all();
    }
  }

  GitPublishAttempt Attempt() {
    GitPublishAttempt attempt;
    // Create() fetched when it opened the source, just before the first
    // attempt (at start): fetching again would only cost a round trip.
    const kb::Status fetched =
        std::exchange(fetched_at_open_, false) ? kb::Status::OK() : source_->Fetch();
    auto commit = source_->BranchCommit();
    if (!fetched.ok() || !commit.ok()) {
      attempt.status = !fetched.ok() ? fetched : commit.status();
      return Finish(std::move(attempt));
    }
    if (AlreadyAttempted(*commit)) {
      std::lock_guard<std::mutex> lock(mu_);
      attempt = *status_.last_attempt;
      attempt.skipped = true;
      return attempt;
    }
    PublishOptions options;
    options.db_dir = options_.db_dir;
    options.allow_mass_delete = options_.allow_mass_delete;
    auto report = Publish(*source_, options);
    attempt.commit = source_->Commit();
    if (!report.ok()) {
      attempt.status = report.status();
      return Finish(std::move(attempt));
    }
    attempt.errors = report->errors;
    attempt.added = report->added;
    attempt.updated = report->updated;
    attempt.deleted = report->deleted;
    attempt.unchanged = report->unchanged;
    attempt.sequence = report->sequence;
    return Finish(std::move(attempt));
  }

  // True when `commit` was the last attempt and retrying cannot change the outcome.
  bool AlreadyAttempted(const std::string& commit) {
    std::lock_guard<std::mutex> lock(mu_);
    return status_.last_attempt && status_.last_attempt->commit == commit &&
           status_.last_attempt->status.ok();
  }

  GitPublishAttempt Finish(GitPublishAttempt attempt) {
    attempt.time = static_cast<int64_t>(std::time(nullptr));
    LogAttempt(attempt);
    return attempt;
  }

  void LogAttempt(const GitPublishAttempt& a) const {
    Log& log = *options_.log;
    const std::string commit = a.commit.empty() ? "?" : a.commit.substr(0, 12);
    if (!a.status.ok()) {
      log.Error("git publish of " + commit + " failed: " + a.status.ToString());
    } else if (!a.errors.ok()) {
      for (const ArticleError& e : a.errors) log.Error(e.ToString());
      log.Error("git commit " + commit + " has " + std::to_string(a.errors.size()) +
                " error(s); nothing was published");
    } else {
      log.Info("published git commit " + commit + ": " + std::to_string(a.added) + " added, " +
               std::to_string(a.updated) + " updated, " + std::to_string(a.deleted) + " deleted");
    }
  }

  const GitPublisherOptions options_;
  std::unique_ptr<GitBranchSource> source_;  // used under publish_mu_ only
  bool fetched_at_open_ = true;              // used under publish_mu_ only
  std::mutex publish_mu_;                    // one publish at a time
  mutable std::mutex mu_;                    // guards everything below
  std::condition_variable wake_, done_;
  std::thread thread_;
  bool stop_ = false;
  uint64_t requested_ = 0, completed_ = 0;
  GitPublishAttempt completed_attempt_;
  GitPublishStatus status_;
};

Result<std::unique_ptr<GitPublisher>> GitPublisher::Create(const GitPublisherOptions& options) {
  if (options.db_dir.empty()) return Status::InvalidArgument("no index directory given");
  auto source = OpenGitBranchSource(options.source);
  if (!source.ok()) return source.status();
  return std::unique_ptr<GitPublisher>(
      new GitPublisher(std::make_unique<Impl>(options, std::move(*source))));
}

GitPublisher::GitPublisher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitPublisher::~GitPublisher() { impl_->Stop(); }
GitPublishAttempt GitPublisher::PublishNow() { return impl_->PublishNow(); }
void GitPublisher::Start() { impl_->Start(); }
void GitPublisher::Stop() { impl_->Stop(); }
uint64_t GitPublisher::Trigger() { return impl_->Trigger(); }
std::optional<GitPublishAttempt> GitPublisher::WaitFor(uint64_t ticket,
                                                       std::chrono::milliseconds timeout) {
  return impl_->WaitFor(ticket, timeout);
}
GitPublishStatus GitPublisher::Status() const { return impl_->Status(); }
const GitSourceOptions& GitPublisher::source_options() const { return impl_->source_options(); }

}  // namespace kb
