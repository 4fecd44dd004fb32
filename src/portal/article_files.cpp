// Files beside the articles: /kb/en/account/images/reset.png. Served only from
// the folders of articles the caller may see, only known media types, never
// from outside the articles folder (".." segments, hidden or "_" names and
// symlinks that leave it are refused).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kb/core/utf8.h"
#include "pages.h"

namespace kb::portal {
namespace {

constexpr uintmax_t kMaxFileBytes = 20u << 20;

const std::pair<const char*, const char*> kMediaTypes[] = {
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".svg", "image/svg+xml"},
    {".pdf", "application/pdf"},
    {".txt", "text/plain; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".mp4", "video/mp4"},
    {".webm", "video/webm"},
};

const char* MediaType(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return nullptr;
  std::string extension = path.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [ext, type] : kMediaTypes) {
    if (extension == ext) return type;
  }
  return nullptr;
}

// No empty, ".", ".." or hidden/underscore segment: the path names itself.
bool PlainPath(const std::string& path) {
  if (!IsValidUtf8(path)) return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part.empty() || part[0] == '.' || part[0] == '_') return false;
    start = end + 1;
  }
  return true;
}

// True when `path` lies in the folder (or a subfolder) of an article the caller may see.
bool BesideVisibleArticle(const PortalState& state, const PageRequest& request,
                          const std::string& path) {
  FaqRequest all;
  all.faq_only = false;
  all.agent = request.agent;
  auto categories = state.searchers->With([&](Searcher& s) { return s.Faq(all); });
  if (!categories.ok()) return false;
  for (const FaqCategory& category : *categories) {
    for (const ArticleSummary& article : category.articles) {
      const size_t slash = article.id.rfind('/');
      const std::string folder = slash == std::string::npos ? "" : article.id.substr(0, slash + 1);
      if (path.compare(0, folder.size(), folder) == 0) return true;
    }
  }
  return false;
}

}  // namespace

bool Portal::LooksLikeFile(const std::string& path) { return MediaType(path) != nullptr; }

Page ArticleFilePage(const PortalState& state, const PageRequest& request,
                     const std::string& path) {
  const char* type = MediaType(path);
  const std::string& root = state.options.articles_dir;
  if (root.empty() || !type || !PlainPath(path) || !BesideVisibleArticle(state, request, path))
    return NotFoundPage(state, request);
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  const fs::path file = fs::canonical(fs::path(root) / fs::u8path(path), ec);
  const std::string inside = canonical_root.string() + "/";
  if (ec || file.string().compare(0, inside.size(), inside) != 0 || !fs::is_regular_file(file) ||
      fs::file_size(file, ec) > kMaxFileBytes)
    return NotFoundPage(state, request);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return NotFoundPage(state, request);
  Page page;
  page.content_type = type;
  page.body = bytes.str();
  return page;
}

}  // namespace kb::portal
