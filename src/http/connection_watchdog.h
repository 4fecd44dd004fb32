// ConnectionWatchdog: a deadline on every request, so that slow clients
// (slowloris: a header byte every few seconds, or a reader that never reads)
// cannot hold kb's worker threads.
//
// httplib gives each connection a worker for as long as it lasts; its read and
// write timeouts apply to one socket operation at a time, and it offers no
// hook on accepted sockets. The watchdog therefore looks, once a second, at
// the process's connected TCP sockets on the server's port (process_sockets.h) and
// shuts down (SHUT_RDWR) each one that has gone `request_timeout` without an
// answer since it was first seen or since its previous answer; the blocked
// read or write then fails and the worker moves on. Answered() restarts a
// connection's clock; the server's logger calls it after each response.
// A connection is shut down at most `request_timeout` + 1 s after its last
// answer.
//
// Thread-safety: Answered() and timed_out() from any thread; the watchdog
// thread starts in the constructor and stops in the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace kb::http {

class ConnectionWatchdog {
 public:
  ConnectionWatchdog(int port, std::chrono::seconds request_timeout);
  ~ConnectionWatchdog();
  ConnectionWatchdog(const ConnectionWatchdog&) = delete;
  ConnectionWatchdog& operator=(const ConnectionWatchdog&) = delete;

  // The connection from `peer_address`:`peer_port` was just answered.
  void Answered(const std::string& peer_address, int peer_port);
  // Connections shut down so far.
  uint64_t timed_out() const;

 private:
  void Run();
  void Sweep();

  struct Connection {
    std::chrono::steady_clock::time_point since;
    bool seen = false;  // still open at the last sweep
  };
  const int port_;
  const std::chrono::seconds request_timeout_;
  mutable std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  uint64_t timed_out_ = 0;
  std::map<std::string, Connection> connections_;  // by "peer address|port"
  std::thread thread_;
};

}  // namespace kb::http
