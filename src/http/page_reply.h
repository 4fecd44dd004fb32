// Writing a portal page (kb/portal/portal.h) as an HTTP answer: its status
// (api_error.h's mapping), the security headers every page gets (a
// Content-Security-Policy without inline script or style, nosniff, no
// framing, a referrer policy), and caching: pages carry an ETag of the
// published index version and their body, and a matching If-None-Match is
// answered 304. Thread-safe.
#pragma once

#include <httplib.h>

#include "kb/portal/portal.h"

namespace kb::http {

// HTTP's own answers that are no kb::Status.
inline constexpr int kNoContent = 204;
inline constexpr int kSeeOther = 303;
inline constexpr int kNotModified = 304;

void SetSecurityHeaders(httplib::Response& res);
void ReplyPage(const httplib::Request& req, httplib::Response& res, const portal::Page& page);
// A static asset, cacheable for an hour (revalidated by ETag).
void ReplyAsset(const httplib::Request& req, httplib::Response& res, const portal::Asset& asset);
// 303 to `location` (after a form POST).
void ReplySeeOther(httplib::Response& res, const std::string& location);

}  // namespace kb::http
