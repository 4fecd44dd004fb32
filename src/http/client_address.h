// Who a request comes from, for rate limiting and the access log: the peer
// address, or, when the peer is one of the operator's trusted proxies
// (--trusted-proxy), the address that proxy put in X-Forwarded-For. Without
// trusted proxies the header is never read: any client could write it.
// Pure function, thread-safe.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

namespace kb::http {

// The client's address: req.remote_addr, unless it is in `trusted_proxies`
// and the request has X-Forwarded-For; then the rightmost address in that
// header (all of its fields, in order) that is not a trusted proxy itself,
// or the leftmost if all are.
std::string ClientAddress(const httplib::Request& req,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace kb::http
