#include "connection_watchdog.h"

#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include "process_sockets.h"

namespace kb::http {
namespace {

struct ServedSocket {
  int fd;
  std::string peer;  // ServedPeer
};

std::vector<ServedSocket> ServedSockets(int port) {
  std::vector<ServedSocket> found;
  ForEachDescriptor([&](int fd) {
    std::string peer = ServedPeer(fd, port);
    if (!peer.empty()) found.push_back({fd, std::move(peer)});
  });
  return found;
}

}  // namespace

ConnectionWatchdog::ConnectionWatchdog(int port, std::chrono::seconds request_timeout)
    : port_(port), request_timeout_(request_timeout), thread_([this] { Run(); }) {}

ConnectionWatchdog::~ConnectionWatchdog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

void ConnectionWatchdog::Answered(const std::string& peer_address, int peer_port) {
  std::lock_guard<std::mutex> lock(mu_);
  connections_[PeerKey(peer_address, peer_port)].since = std::chrono::steady_clock::now();
}

uint64_t ConnectionWatchdog::timed_out() const {
  std::lock_guard<std::mutex> lock(mu_);
  return timed_out_;
}

void ConnectionWatchdog::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, std::chrono::seconds(1));
    if (stopping_) break;
    lock.unlock();
    Sweep();
    lock.lock();
  }
}

void ConnectionWatchdog::Sweep() {
  const std::vector<ServedSocket> sockets = ServedSockets(port_);
  const auto now = std::chrono::steady_clock::now();
  std::vector<ServedSocket> overdue;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [peer, connection] : connections_) connection.seen = false;
    for (const ServedSocket& socket : sockets) {
      auto [it, fresh] = connections_.try_emplace(socket.peer);
      Connection& connection = it->second;
      if (fresh) connection.since = now;
      connection.seen = true;
      if (now - connection.since < request_timeout_) continue;
      overdue.push_back(socket);
      connection.since = now;  // once per timeout, not every sweep
      ++timed_out_;
    }
    for (auto it = connections_.begin(); it != connections_.end();)
      it = it->second.seen ? std::next(it) : connections_.erase(it);
  }
  // The socket was open a moment ago; its number could only have been reused
  // by a connection accepted since, from another peer: checked again here.
  for (const ServedSocket& socket : overdue) {
    if (ServedPeer(socket.fd, port_) == socket.peer) ::shutdown(socket.fd, SHUT_RDWR);
  }
}

}  // namespace kb::http
