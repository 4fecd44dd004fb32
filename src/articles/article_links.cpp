// ExtractLinks: the inline links, images and link reference definitions of an
// article file, with their lines. A line-based scan (not a full CommonMark
// parse): enough for a linter, and it keeps exact line numbers.
#include <regex>

#include "articles/text_util.h"
#include "kb/articles/markdown_links.h"

namespace kb {
namespace {

bool IsFence(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

bool IsDelimiter(std::string_view line) { return TrimLineEnd(line) == "---"; }

// The line without `code spans`, whose content is never a link.
std::string WithoutCodeSpans(std::string_view line) {
  std::string out;
  bool code = false;
  for (char c : line) {
    if (c == '`') {
      code = !code;
      continue;
    }
    if (!code) out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<MarkdownLink> ExtractLinks(std::string_view bytes) {
  static const std::regex kInline(
      R"((!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+("[^"]*"|'[^']*'))?\s*\))");
  static const std::regex kReference(R"(^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?)");
  std::vector<MarkdownLink> links;
  int line_no = 0;
  bool front_matter = false, fenced = false;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line_no == 1 && IsDelimiter(line)) {
      front_matter = true;
      continue;
    }
    if (front_matter) {
      if (IsDelimiter(line)) front_matter = false;
      continue;
    }
    if (IsFence(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const std::string text = WithoutCodeSpans(line);
    for (std::sregex_iterator it(text.begin(), text.end(), kInline), e; it != e; ++it)
      links.push_back({line_no, (*it)[1].length() > 0, (*it)[2].str()});
    std::smatch ref;
    if (std::regex_search(text, ref, kReference)) links.push_back({line_no, false, ref[1].str()});
  }
  return links;
}

}  // namespace kb
