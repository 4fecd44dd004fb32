// How kb sets up its cpp-httplib server (threads, TCP_NODELAY, request size
// limit), shared by RunServer and the HTTP fuzz target so that the fuzzer
// exercises the server `kb serve` runs. Routes are registered separately.
#pragma once

#include <httplib.h>

namespace kb::http {

// Applies kb's settings to `server`, with a pool of `threads` workers.
void ConfigureServer(httplib::Server& server, int threads);

}  // namespace kb::http
