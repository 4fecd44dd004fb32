// The portal's browser session: an agent signs in with a token once and is
// then recognised by an HttpOnly, SameSite=Strict cookie (Secure when the
// public URL is https), and every form carries a CSRF token that must match
// the kb_csrf cookie (double submit). Thread-safe (AgentTokens is).
#pragma once

#include <httplib.h>

#include <string>

#include "kb/auth/agent_tokens.h"

namespace kb::http {

inline constexpr const char* kAgentCookie = "kb_agent";
inline constexpr const char* kCsrfCookie = "kb_csrf";

// The value of cookie `name`, "" when absent.
std::string CookieValue(const httplib::Request& req, const std::string& name);
// True when the request carries a valid agent token: the sign-in cookie or
// an Authorization: Bearer header.
bool IsSignedInAgent(const httplib::Request& req, const AgentTokens* tokens);
// A Set-Cookie header value; max_age 0 deletes the cookie.
std::string CookieHeader(const std::string& name, const std::string& value, bool secure,
                         long max_age);
// The request's CSRF token; a new random one (and its Set-Cookie on `res`) when it has none.
std::string CsrfToken(const httplib::Request& req, httplib::Response& res, bool secure);
// True when the form field "csrf" equals the kb_csrf cookie (and is not empty).
bool CsrfMatches(const httplib::Request& req);

}  // namespace kb::http
