// kb::VerifyGitWebhook: is a push notification really from the git host?
//
// The three formats git hosts send with a shared secret:
//   GitHub  X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>
//   Gitea   X-Gitea-Signature: <hex HMAC-SHA256 of the raw body>
//   GitLab  X-Gitlab-Token: <the secret itself> (GitLab signs nothing)
// Every comparison is constant-time (CRYPTO_memcmp). Pure functions,
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "kb/core/status.h"

namespace kb {

// The request headers that matter; an absent header is std::nullopt-like "".
struct GitWebhookHeaders {
  std::string hub_signature_256;  // X-Hub-Signature-256
  std::string gitea_signature;    // X-Gitea-Signature
  std::string gitlab_token;       // X-Gitlab-Token
};

// OK when at least one of the headers is present and every present header
// matches `secret` over `body`. Unauthorized (with a reason that reveals
// nothing about the secret) when none is present, one does not match or is
// malformed, or `secret` is empty.
Status VerifyGitWebhook(const GitWebhookHeaders& headers, std::string_view body,
                        std::string_view secret);

// Lower-case hex HMAC-SHA256 of `body` with `key` (what GitHub and Gitea send).
std::string HmacSha256Hex(std::string_view key, std::string_view body);

}  // namespace kb
