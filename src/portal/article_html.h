// Article HTML as the portal serves it: links that editors wrote between
// article files ("../account/reset-password.md", "/kb/en/billing/refunds")
// become the portal's /kb/ URLs, resolved as `kb check` resolves them
// (kb/articles/link_target.h). Pure function over cmark's safe output;
// thread-safe.
#pragma once

#include <string>

namespace kb::portal {

// `html` (cmark's output for article `id`) with every href to an article
// rewritten to `url_prefix` + "/kb/" + id + fragment; other links unchanged.
std::string RewriteArticleLinks(const std::string& html, const std::string& id,
                                const std::string& url_prefix);

}  // namespace kb::portal
