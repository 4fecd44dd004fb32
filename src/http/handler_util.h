// What every handler shares: writing a JSON reply or an error, and telling
// who is asking (customer, agent, or a bad token). Thread-safe.
#pragma once

#include <httplib.h>

#include <string>
#include <utility>

#include "kb/core/status.h"
#include "routes.h"

namespace kb::http {

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

// Status -> CONTRACT error JSON with its HTTP status (api_error.h).
void ReplyError(httplib::Response& res, const Status& status);
// 200 with a JSON body.
void ReplyJson(httplib::Response& res, std::string body);

// Ok(false) a customer (no Authorization header), Ok(true) an agent (a valid
// Bearer token), Unauthorized for a header that is not a valid agent token
// or for more than one Authorization header: a bad token is never silently
// treated as a customer, nor one of two tokens picked.
Result<bool> IsAgent(const httplib::Request& req, const AgentTokens* tokens);
// OK for a valid agent token; Unauthorized otherwise (also with no header).
Status RequireAgent(const httplib::Request& req, const AgentTokens* tokens);
// The Unauthorized status of RequireAgent for a request without a token.
Status AgentsOnly();

// Registers `handler` for GET (httplib answers HEAD with it too) on the path
// regex `pattern`, and for POST, PUT, PATCH and DELETE on it a 405 with
// "Allow: GET, HEAD": a client that sends the wrong method learns that, not
// "no such endpoint". OPTIONS is left to httplib (CORS belongs to the portal).
void ServeGet(httplib::Server& server, const std::string& pattern,
              httplib::Server::Handler handler);

// An httplib handler that calls `handler` with its own copy of `services`.
template <typename ServicesT>
httplib::Server::Handler Bind(void (*handler)(const httplib::Request&, httplib::Response&,
                                              const ServicesT&),
                              ServicesT services) {
  return [handler, services = std::move(services)](
             const httplib::Request& req, httplib::Response& res) { handler(req, res, services); };
}

}  // namespace kb::http
