#include "connection_watchdog.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace kb::http {
namespace {

std::string PeerKey(const std::string& address, int port) {
  return address + "|" + std::to_string(port);
}

// The address and port of a sockaddr, as httplib reports remote_addr/port.
bool Describe(const sockaddr_storage& addr, std::string* address, int* port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    *port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    *port = ntohs(in6->sin6_port);
  } else {
    return false;
  }
  *address = text;
  return true;
}

struct ServedSocket {
  int fd;
  std::string peer;  // PeerKey
};

// The peer of `fd` when it is a connection accepted on `port`; "" otherwise
// (the listener has no peer; other sockets have other local ports).
std::string ServedPeer(int fd, int port) {
  sockaddr_storage local{}, peer{};
  socklen_t local_len = sizeof local, peer_len = sizeof peer;
  std::string address;
  int local_port = 0, peer_port = 0;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
      !Describe(local, &address, &local_port) || local_port != port)
    return "";
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0 ||
      !Describe(peer, &address, &peer_port))
    return "";
  return PeerKey(address, peer_port);
}

std::vector<ServedSocket> ServedSockets(int port) {
  std::vector<ServedSocket> found;
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return found;
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (*end != '\0' || end == entry->d_name || fd == dirfd(dir)) continue;
    std::string peer = ServedPeer(static_cast<int>(fd), port);
    if (!peer.empty()) found.push_back({static_cast<int>(fd), std::move(peer)});
  }
  closedir(dir);
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
