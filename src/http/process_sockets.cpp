#include "process_sockets.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <vector>

namespace kb::http {
namespace {

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

bool OnPort(int fd, int port) {
  sockaddr_storage local{};
  socklen_t len = sizeof local;
  std::string address;
  int local_port = 0;
  return getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) == 0 &&
         Describe(local, &address, &local_port) && local_port == port;
}

}  // namespace

std::string PeerKey(const std::string& address, int port) {
  return address + "|" + std::to_string(port);
}

std::string ServedPeer(int fd, int port) {
  if (!OnPort(fd, port)) return "";
  sockaddr_storage peer{};
  socklen_t len = sizeof peer;
  std::string address;
  int peer_port = 0;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) != 0 ||
      !Describe(peer, &address, &peer_port))
    return "";
  return PeerKey(address, peer_port);
}

void ForEachDescriptor(const std::function<void(int fd)>& fn) {
  std::vector<int> fds;
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (*end == '\0' && end != entry->d_name && fd != dirfd(dir))
      fds.push_back(static_cast<int>(fd));
  }
  closedir(dir);
  for (int fd : fds) fn(fd);
}

void WidenListenBacklog(int port, int backlog) {
  ForEachDescriptor([&](int fd) {
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) == 0 && listening &&
        OnPort(fd, port))
      ::listen(fd, backlog);
  });
}

}  // namespace kb::http
