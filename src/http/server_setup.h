// How kb sets up its cpp-httplib server (threads, TCP_NODELAY, request size
// limit), shared by http::Serve and the HTTP fuzz target so that the fuzzer
// exercises the server `kb serve` runs. Routes are registered separately.
#pragma once

#include <httplib.h>

namespace kb::http {

// Whether another process may listen on the same port. httplib's default
// (SO_REUSEPORT) lets a second `kb serve` start silently and split the
// traffic with the first; kb shares a port only when the operator asks.
enum class PortSharing { kExclusive, kShared };

// Applies kb's settings to `server`, with a pool of `threads` workers.
void ConfigureServer(httplib::Server& server, int threads,
                     PortSharing sharing = PortSharing::kExclusive);

}  // namespace kb::http
