#include "kb/articles/article_names.h"

#include "kb/core/utf8.h"

namespace kb {

bool HasArticleExtension(std::string_view name) {
  return name.size() > kArticleExtension.size() &&
         name.substr(name.size() - kArticleExtension.size()) == kArticleExtension;
}

bool IsHiddenName(std::string_view name) {
  return name.empty() || name[0] == '_' || name[0] == '.';
}

bool IsHiddenPath(std::string_view path) {
  for (size_t start = 0;;) {
    const size_t slash = path.find('/', start);
    if (IsHiddenName(path.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start)))
      return true;
    if (slash == std::string_view::npos) return false;
    start = slash + 1;
  }
}

Diagnosed<std::string> ArticleIdOfName(std::string_view name, const std::string& path) {
  std::string id(name.substr(0, name.size() - kArticleExtension.size()));
  if (IsValidUtf8(id)) return {std::move(id), {}};
  return {{}, Diagnostics(EscapeInvalidUtf8(path), 0, "file name is not valid UTF-8; skipped")};
}

Diagnostics ClaimArticleId(const std::string& id, const std::string& key, const std::string& path,
                           std::map<std::string, std::string>* first_by_key) {
  auto [first, inserted] = first_by_key->emplace(key, id);
  if (inserted) return {};
  return Diagnostics(path, 0, DuplicateIdMessage(id, first->second));
}

std::string DuplicateIdMessage(const std::string& id, const std::string& first) {
  return "duplicate article id '" + id + "' (same as '" + first + "')";
}

std::string_view StripBom(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return bytes;
}

std::string TooLargeMessage(int64_t size) {
  return "article too large (" + std::to_string(size) + " bytes, limit 4 MiB)";
}

}  // namespace kb
