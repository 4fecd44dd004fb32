#include "page_reply.h"

#include <ctime>

#include "api_error.h"
#include "kb/core/sha256.h"
#include "kb/core/utc_time.h"

namespace kb::http {
namespace {

std::string EntityTag(const std::string& version, const std::string& body) {
  return "\"" + version + "-" + Sha256Hex(body).substr(0, 16) + "\"";
}

// True (and the 304 written) when the client already has this representation.
bool AnswerNotModified(const httplib::Request& req, httplib::Response& res,
                       const std::string& etag) {
  res.set_header("ETag", etag);
  const std::string wanted = req.get_header_value("If-None-Match");
  if (wanted.empty() || wanted.find(etag) == std::string::npos) return false;
  res.status = kNotModified;
  return true;
}

// RFC 9110 §5.6.7 IMF-fixdate.
std::string HttpDate(int64_t seconds) { return FormatUtc(seconds, "%a, %d %b %Y %H:%M:%S GMT"); }

// -1 when `text` is not an IMF-fixdate.
int64_t ParseHttpDate(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return -1;
  return static_cast<int64_t>(timegm(&tm));
}

// True (and the 304 written) when If-Modified-Since is not older than the
// publish; If-None-Match, when sent, decides instead (RFC 9110 §13.1.3).
bool AnswerNotModifiedSince(const httplib::Request& req, httplib::Response& res,
                            int64_t published_at) {
  res.set_header("Last-Modified", HttpDate(published_at));
  if (req.has_header("If-None-Match")) return false;
  const int64_t since = ParseHttpDate(req.get_header_value("If-Modified-Since"));
  if (since < 0 || since < published_at) return false;
  res.status = kNotModified;
  return true;
}

}  // namespace

void SetSecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: "
                 "data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                 "frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
  res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

void ReplyPage(const httplib::Request& req, httplib::Response& res, const portal::Page& page) {
  SetSecurityHeaders(res);
  res.set_header("Vary", "Accept-Language, Cookie");
  res.set_header("Cache-Control", "no-cache");  // revalidate: a publish changes pages
  if (!page.lang.empty()) res.set_header("Content-Language", page.lang);
  res.status = HttpStatusFor(page.status.code());
  if (page.status.ok() && !page.version.empty() &&
      AnswerNotModified(req, res, EntityTag(page.version, page.body)))
    return;
  if (page.status.ok() && page.published_at > 0 &&
      AnswerNotModifiedSince(req, res, page.published_at))
    return;
  res.set_content(page.body, page.content_type.c_str());
}

void ReplyAsset(const httplib::Request& req, httplib::Response& res, const portal::Asset& asset) {
  SetSecurityHeaders(res);
  res.set_header("Cache-Control", "public, max-age=3600");
  res.status = HttpStatusFor(StatusCode::kOk);
  if (AnswerNotModified(req, res, EntityTag("asset", asset.body))) return;
  res.set_content(asset.body, asset.content_type.c_str());
}

void ReplySeeOther(httplib::Response& res, const std::string& location) {
  SetSecurityHeaders(res);
  res.status = kSeeOther;
  res.set_header("Location", location);
}

}  // namespace kb::http
