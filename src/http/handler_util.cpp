#include "handler_util.h"

#include <algorithm>
#include <cctype>

#include "api_error.h"

namespace kb::http {

void ReplyError(httplib::Response& res, const Status& status) {
  res.status = HttpStatusFor(status.code());
  res.set_content(ErrorJson(status), kJsonContentType);
}

void ReplyJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), kJsonContentType);
}

void ReplyText(httplib::Response& res, std::string body, const char* content_type) {
  res.status = 200;
  res.set_content(std::move(body), content_type);
}

Result<bool> IsAgent(const httplib::Request& req, const AgentTokens* tokens) {
  if (!req.has_header("Authorization")) return false;
  // The field is a singleton (RFC 9110 §11.6.2): of two credentials, kb would
  // pick one and a proxy in front of it perhaps the other.
  if (req.get_header_value_count("Authorization") > 1)
    return Status::Unauthorized("more than one Authorization header");
  const std::string header = req.get_header_value("Authorization");
  // The scheme is case-insensitive (RFC 9110 §11.1): "bearer" is "Bearer".
  constexpr std::string_view kBearer = "bearer ";
  const bool bearer =
      header.size() >= kBearer.size() &&
      std::equal(kBearer.begin(), kBearer.end(), header.begin(), [](char want, char got) {
        return want == std::tolower(static_cast<unsigned char>(got));
      });
  if (!bearer) return Status::Unauthorized("Authorization must be 'Bearer TOKEN'");
  if (!tokens || !tokens->Verify(header.substr(kBearer.size())))
    return Status::Unauthorized("invalid agent token");
  return true;
}

Status RequireAgent(const httplib::Request& req, const AgentTokens* tokens) {
  auto agent = IsAgent(req, tokens);
  if (!agent.ok()) return agent.status();
  return *agent ? Status::OK() : AgentsOnly();
}

Status AgentsOnly() {
  return Status::Unauthorized("agents only: send Authorization: Bearer TOKEN");
}

}  // namespace kb::http
