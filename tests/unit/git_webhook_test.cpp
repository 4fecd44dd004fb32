// Webhook signature verification as GitHub, Gitea and GitLab send it.
#include "kb/publish/git_webhook.h"

#include <doctest/doctest.h>

namespace {

// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
constexpr const char* kRfcKey = "Jefe";
constexpr const char* kRfcData = "what do ya want for nothing?";
constexpr const char* kRfcHex = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

const std::string kSecret = "s3cret";
const std::string kBody = R"({"ref":"refs/heads/main","after":"abc"})";

kb::StatusCode Verify(const kb::GitWebhookHeaders& headers, const std::string& body = kBody,
                      const std::string& secret = kSecret) {
  return kb::VerifyGitWebhook(headers, body, secret).code();
}

}  // namespace

TEST_SUITE_BEGIN("git_webhook");

TEST_CASE("HMAC-SHA256 matches the RFC 4231 vector") {
  CHECK(kb::HmacSha256Hex(kRfcKey, kRfcData) == kRfcHex);
}

TEST_CASE("GitHub, Gitea and GitLab headers that match are accepted") {
  const std::string hex = kb::HmacSha256Hex(kSecret, kBody);
  CHECK(Verify({"sha256=" + hex, "", ""}) == kb::StatusCode::kOk);
  CHECK(Verify({"", hex, ""}) == kb::StatusCode::kOk);
  CHECK(Verify({"", "", kSecret}) == kb::StatusCode::kOk);
  CHECK(Verify({"sha256=" + hex, hex, ""}) == kb::StatusCode::kOk);  // Gitea sends both
}

TEST_CASE("upper-case hex is accepted") {
  std::string hex = kb::HmacSha256Hex(kSecret, kBody);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(Verify({"sha256=" + hex, "", ""}) == kb::StatusCode::kOk);
}

TEST_CASE("wrong, malformed or missing signatures are unauthorized") {
  const std::string hex = kb::HmacSha256Hex(kSecret, kBody);
  const std::string other = kb::HmacSha256Hex("other", kBody);
  struct Case {
    const char* name;
    kb::GitWebhookHeaders headers;
  };
  const Case cases[] = {
      {"none", {"", "", ""}},
      {"github wrong key", {"sha256=" + other, "", ""}},
      {"github no prefix", {hex, "", ""}},
      {"github sha1 prefix", {"sha1=" + hex, "", ""}},
      {"github truncated", {"sha256=" + hex.substr(0, 63), "", ""}},
      {"gitea wrong key", {"", other, ""}},
      {"gitlab wrong token", {"", "", "s3cres"}},
      {"gitlab token prefix", {"", "", "s3cre"}},
      {"one good one bad", {"sha256=" + hex, other, ""}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Verify(c.headers) == kb::StatusCode::kUnauthorized);
  }
}

TEST_CASE("a signature over another body is unauthorized") {
  const std::string hex = kb::HmacSha256Hex(kSecret, kBody);
  CHECK(Verify({"sha256=" + hex, "", ""}, kBody + " ") == kb::StatusCode::kUnauthorized);
}

TEST_CASE("without a configured secret nothing is accepted") {
  CHECK(Verify({"", "", ""}, kBody, "") == kb::StatusCode::kUnauthorized);
  CHECK(Verify({"sha256=" + kb::HmacSha256Hex("", kBody), "", ""}, kBody, "") ==
        kb::StatusCode::kUnauthorized);
}

TEST_SUITE_END();
