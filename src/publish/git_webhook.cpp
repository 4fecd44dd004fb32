// Webhook signatures of GitHub, Gitea and GitLab (OpenSSL). See kb/git_webhook.h.
#include "kb/publish/git_webhook.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>

#include "kb/core/sha256.h"

namespace kb {
namespace {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // The length is not secret (a hex digest always has 64 characters).
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status CheckHex(std::string_view given, std::string_view body, std::string_view secret,
                const char* header) {
  if (ConstantTimeEquals(Lower(given), HmacSha256Hex(secret, body))) return Status::OK();
  return Status::Unauthorized(std::string(header) + " does not match the payload");
}

}  // namespace

std::string HmacSha256Hex(std::string_view key, std::string_view body) {
  Sha256Digest digest{};
  unsigned int size = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest.data(),
           &size) == nullptr ||
      size != digest.size())
    return "";
  return HexEncode(digest);
}

Status VerifyGitWebhook(const GitWebhookHeaders& headers, std::string_view body,
                        std::string_view secret) {
  if (secret.empty()) return Status::Unauthorized("no webhook secret is configured");
  const bool any = !headers.hub_signature_256.empty() || !headers.gitea_signature.empty() ||
                   !headers.gitlab_token.empty();
  if (!any)
    return Status::Unauthorized(
        "missing signature (X-Hub-Signature-256, X-Gitea-Signature or X-Gitlab-Token)");
  if (!headers.hub_signature_256.empty()) {
    constexpr std::string_view kPrefix = "sha256=";
    const std::string_view value = headers.hub_signature_256;
    if (value.substr(0, kPrefix.size()) != kPrefix)
      return Status::Unauthorized("X-Hub-Signature-256 must be sha256=<hex>");
    if (Status s = CheckHex(value.substr(kPrefix.size()), body, secret, "X-Hub-Signature-256");
        !s.ok())
      return s;
  }
  if (!headers.gitea_signature.empty()) {
    if (Status s = CheckHex(headers.gitea_signature, body, secret, "X-Gitea-Signature"); !s.ok())
      return s;
  }
  if (!headers.gitlab_token.empty() && !ConstantTimeEquals(headers.gitlab_token, secret))
    return Status::Unauthorized("X-Gitlab-Token does not match");
  return Status::OK();
}

}  // namespace kb
