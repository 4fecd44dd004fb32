// Where a link or image of an article leads, resolved the one way both
// `kb check` (kb/publish/check.h) and the portal's pages (kb/portal) read it:
//   - empty, "#frag", "scheme:…" and "//host…": elsewhere (not checked);
//   - "/kb/ID": the article ID; any other "/…": the site's own (not checked);
//   - a relative path ending in ".md": the article at that path relative to
//     the linking article's folder ("../account/reset-password.md");
//   - any other relative path: the file there ("images/router.png").
// Percent escapes are decoded and "?query"/"#fragment" set aside before
// resolving; "." and ".." are applied, and a path that climbs above the
// articles root is kOutside. Pure functions; thread-safe.
#pragma once

#include <string>

namespace kb {

enum class LinkKind { kElsewhere, kSite, kArticle, kFile, kOutside };

struct LinkTarget {
  LinkKind kind = LinkKind::kElsewhere;
  std::string path;      // kArticle: the article id; kFile: the path from the articles root
  std::string fragment;  // "#…" as written (kArticle), else ""
};

// `target` as written in article `from_id` (cmark's destination).
LinkTarget ResolveLinkTarget(const std::string& from_id, const std::string& target);

}  // namespace kb
