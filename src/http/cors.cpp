#include "cors.h"

#include <algorithm>

#include "page_reply.h"

namespace kb::http {
namespace {

// The request's Origin when it is one of `origins`, else "".
std::string AllowedOrigin(const httplib::Request& req, const std::vector<std::string>& origins) {
  const std::string origin = req.get_header_value("Origin");
  if (origin.empty() || std::find(origins.begin(), origins.end(), origin) == origins.end())
    return "";
  return origin;
}

}  // namespace

void RegisterCors(httplib::Server& server, const std::vector<std::string>& origins) {
  server.Options("/api/.*", [origins](const httplib::Request& req, httplib::Response& res) {
    res.status = kNoContent;
    const std::string origin = AllowedOrigin(req, origins);
    if (origin.empty()) return;
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST");
    res.set_header("Access-Control-Allow-Headers", "Content-Type");
    res.set_header("Access-Control-Max-Age", "600");
    res.set_header("Vary", "Origin");
  });
  server.set_post_routing_handler([origins](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 || req.method == "OPTIONS") return;
    const std::string origin = AllowedOrigin(req, origins);
    if (origin.empty()) return;
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
  });
}

}  // namespace kb::http
