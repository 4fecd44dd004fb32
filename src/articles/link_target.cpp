#include "kb/articles/link_target.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kb {
namespace {

bool HasScheme(const std::string& t) {
  const size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  return std::all_of(t.begin(), t.begin() + static_cast<long>(colon), [](unsigned char c) {
    return std::isalnum(c) || c == '+' || c == '.' || c == '-';
  });
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// `target` relative to the folder of article `id`, normalized; false if it leaves the root.
bool Resolve(const std::string& id, const std::string& target, std::string* out) {
  std::vector<std::string> parts;
  const size_t slash = id.rfind('/');
  const std::string joined = (slash == std::string::npos ? "" : id.substr(0, slash + 1)) + target;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string part = joined.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else {
      parts.push_back(part);
    }
  }
  out->clear();
  for (const auto& p : parts) *out += (out->empty() ? "" : "/") + p;
  return !out->empty();
}

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() > end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

LinkTarget ResolveLinkTarget(const std::string& from_id, const std::string& target) {
  LinkTarget out;
  if (target.empty() || target[0] == '#' || HasScheme(target) || target.rfind("//", 0) == 0)
    return out;
  const size_t hash = target.find('#');
  if (hash != std::string::npos) out.fragment = target.substr(hash);
  const std::string path = PercentDecode(target.substr(0, target.find_first_of("#?")));
  if (path.rfind("/kb/", 0) == 0) {
    out.kind = LinkKind::kArticle;
    out.path = path.substr(4);
    while (!out.path.empty() && out.path.back() == '/') out.path.pop_back();
    return out;
  }
  if (path.empty() || path[0] == '/') {
    out.kind = LinkKind::kSite;
    return out;
  }
  if (!Resolve(from_id, path, &out.path)) {
    out.kind = LinkKind::kOutside;
    out.path.clear();
    return out;
  }
  if (EndsWith(out.path, ".md")) {
    out.kind = LinkKind::kArticle;
    out.path.resize(out.path.size() - 3);
  } else {
    out.kind = LinkKind::kFile;
  }
  return out;
}

}  // namespace kb
