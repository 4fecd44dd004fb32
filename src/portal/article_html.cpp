#include "article_html.h"

#include "kb/articles/link_target.h"
#include "kb/core/html.h"

namespace kb::portal {
namespace {

// cmark writes attribute values HTML-escaped; only &amp; can appear in a URL.
std::string UnescapeAmp(std::string s) {
  for (size_t at = s.find("&amp;"); at != std::string::npos; at = s.find("&amp;", at + 1))
    s.replace(at, 5, "&");
  return s;
}

}  // namespace

std::string RewriteArticleLinks(const std::string& html, const std::string& id,
                                const std::string& url_prefix) {
  static constexpr std::string_view kHref = "<a href=\"";
  std::string out;
  size_t done = 0;
  for (size_t at = html.find(kHref); at != std::string::npos; at = html.find(kHref, done)) {
    const size_t begin = at + kHref.size();
    const size_t end = html.find('"', begin);
    if (end == std::string::npos) break;
    out.append(html, done, begin - done);
    const std::string written = html.substr(begin, end - begin);
    const LinkTarget target = ResolveLinkTarget(id, UnescapeAmp(written));
    if (target.kind == LinkKind::kArticle && !target.path.empty()) {
      AppendEscapedHtml(url_prefix + "/kb/" + target.path + target.fragment, &out);
    } else {
      out += written;
    }
    done = end;
  }
  out.append(html, done, std::string::npos);
  return out;
}

}  // namespace kb::portal
