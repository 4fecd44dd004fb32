// kb::ExtractLinks: the links and images of an article file, with the file
// line each one starts on — what `kb check` (kb/publish/check.h) verifies.
//
// Pure function, thread-safe; the result is a plain value owned by the caller.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

struct MarkdownLink {
  int line = 0;  // file line, counting the front matter
  bool image = false;
  std::string target;  // as written, without <> or title
};

// The links and images of the Markdown article file `file_bytes` (front
// matter and fenced code skipped), in file order. Never fails.
std::vector<MarkdownLink> ExtractLinks(std::string_view file_bytes);

}  // namespace kb
