// The process's own sockets on a TCP port, found through /proc/self/fd:
// cpp-httplib (0.11) hands kb neither its listening socket nor the accepted
// ones, and kb needs both (connection_watchdog.h, WidenListenBacklog).
// Linux only; thread-safe (reads the process's descriptor table).
#pragma once

#include <functional>
#include <string>

namespace kb::http {

// "address|port": how a connection's peer is named here.
std::string PeerKey(const std::string& address, int port);

// The peer (PeerKey) of `fd` when it is a connection accepted on
// `port`; "" otherwise (the listener has no peer).
std::string ServedPeer(int fd, int port);

// Calls `fn(fd)` for every descriptor of this process.
void ForEachDescriptor(const std::function<void(int fd)>& fn);

// Makes the backlog of the socket listening on `port` `backlog` long.
// httplib listens with a backlog of 5: under a burst of new connections (a
// load balancer, clients reconnecting after keep-alive ends) the kernel drops
// SYNs beyond it, and clients wait 1, 3, 7 s for their retransmissions.
// Listening again on a listening socket only changes its backlog.
void WidenListenBacklog(int port, int backlog);

}  // namespace kb::http
