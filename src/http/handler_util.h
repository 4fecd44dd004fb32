// What every handler shares: writing a JSON reply or an error, and telling
// who is asking (customer, agent, or a bad token). Thread-safe.
#pragma once

#include <httplib.h>

#include <string>

#include "kb/auth/agent_tokens.h"
#include "kb/core/status.h"

namespace kb::http {

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

// Status -> CONTRACT error JSON with its HTTP status (api_error.h).
void ReplyError(httplib::Response& res, const Status& status);
// 200 with a JSON body.
void ReplyJson(httplib::Response& res, std::string body);
// 200 with a body of another type (CSV reports).
void ReplyText(httplib::Response& res, std::string body, const char* content_type);

// Ok(false) a customer (no Authorization header), Ok(true) an agent (a valid
// Bearer token), Unauthorized for a header that is not a valid agent token
// or for more than one Authorization header: a bad token is never silently
// treated as a customer, nor one of two tokens picked.
Result<bool> IsAgent(const httplib::Request& req, const AgentTokens* tokens);
// OK for a valid agent token; Unauthorized otherwise (also with no header).
Status RequireAgent(const httplib::Request& req, const AgentTokens* tokens);
// The Unauthorized status of RequireAgent for a request without a token.
Status AgentsOnly();

}  // namespace kb::http
