// Test harness for the end-to-end suite: runs the real `kb` binary.
//
// RunKb() runs one kb command to completion and captures its exit code,
// stdout and stderr. KbServer starts `kb serve` on a free loopback port, waits
// until /healthz answers, and stops it with SIGTERM. TempDir is a scratch
// folder removed with everything in it.
//
// Nothing here is thread-safe; each test owns its objects. The harness does not
// depend on doctest: failures come back as values for the tests to check.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace kb_e2e {

// Paths baked in by tests/CMakeLists.txt.
std::string KbBinary();
std::string TestDataDir();  // tests/data

struct RunResult {
  int exit_code = -1;      // exit status, or 128+signal when killed by a signal
  bool timed_out = false;  // killed because it ran longer than the timeout
  std::string out;
  std::string err;
  std::string Describe() const;  // for failure messages: code, stdout, stderr
};

// Runs `kb args...` and waits for it (killing it after `timeout`).
RunResult RunKb(const std::vector<std::string>& args,
                std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A fresh folder under /tmp; the destructor removes it recursively.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Copies a folder tree (e.g. a fixture) to `to`, which must not exist.
void CopyTree(const std::string& from, const std::string& to);
void WriteTextFile(const std::string& path, const std::string& content);
std::string ReadTextFile(const std::string& path);

// A loopback port that was free a moment ago (bind to port 0, read it, close).
int FreeLoopbackPort();

// A running `kb serve`.
class KbServer {
 public:
  struct Options {
    std::string db;
    std::string agent_tokens;  // empty: no --agent-tokens flag
    std::string log_dir;       // where the server's stdout/stderr files go
    // Appended to the command line (e.g. --repo R). Without a --rate-limit of
    // its own the server runs with --rate-limit 0: tests send bursts.
    std::vector<std::string> extra_args = {};
  };

  // Starts the server and waits (up to ~10 s) until GET /healthz is 200.
  // On failure returns null and sets *error (with the server's stderr).
  static std::unique_ptr<KbServer> Start(const Options& options, std::string* error);

  ~KbServer();  // kills the server if Stop() was not called
  KbServer(const KbServer&) = delete;
  KbServer& operator=(const KbServer&) = delete;

  int port() const { return port_; }
  // A client for this server with short timeouts.
  std::unique_ptr<httplib::Client> Client() const;

  // Sends `signal` (SIGTERM by default) and waits up to `timeout` for the
  // process to end. Returns its exit code (128+signal if a signal killed it,
  // -1 if it did not end in time: it is then killed with SIGKILL).
  int Stop(int signal = SIGTERM, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  bool running() const { return pid_ > 0; }
  std::string Stderr() const;     // everything the server wrote to stderr so far
  std::string Stdout() const;     // and to stdout (the access log)
  void Signal(int signal) const;  // sends `signal` without waiting (SIGHUP)
  pid_t pid() const { return pid_; }

 private:
  KbServer() = default;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string stdout_path_;
  std::string stderr_path_;
};

}  // namespace kb_e2e
