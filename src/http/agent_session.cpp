#include "agent_session.h"

#include <cstdio>
#include <random>

#include "handler_util.h"

namespace kb::http {
namespace {

constexpr long kCsrfSeconds = 24 * 3600;

// 128 random bits as hex. std::random_device reads the kernel's CSPRNG on Linux.
std::string RandomHex() {
  std::random_device random;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(random()));
    out += hex;
  }
  return out;
}

}  // namespace

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
    const size_t end = std::min(header.find(';', at), header.size());
    const std::string pair = header.substr(at, end - at);
    const size_t equals = pair.find('=');
    if (equals != std::string::npos && pair.substr(0, equals) == name)
      return pair.substr(equals + 1);
    at = end;
  }
  return "";
}

bool IsSignedInAgent(const httplib::Request& req, const AgentTokens* tokens) {
  if (!tokens) return false;
  auto bearer = IsAgent(req, tokens);
  if (bearer.ok() && *bearer) return true;
  const std::string token = CookieValue(req, kAgentCookie);
  return !token.empty() && tokens->Verify(token).has_value();
}

std::string CookieHeader(const std::string& name, const std::string& value, bool secure,
                         long max_age) {
  return name + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string CsrfToken(const httplib::Request& req, httplib::Response& res, bool secure) {
  std::string token = CookieValue(req, kCsrfCookie);
  const bool plausible =
      token.size() == 32 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (plausible) return token;
  token = RandomHex();
  res.set_header("Set-Cookie", CookieHeader(kCsrfCookie, token, secure, kCsrfSeconds));
  return token;
}

bool CsrfMatches(const httplib::Request& req) {
  const std::string cookie = CookieValue(req, kCsrfCookie);
  return !cookie.empty() && req.get_param_value("csrf") == cookie;
}

}  // namespace kb::http
