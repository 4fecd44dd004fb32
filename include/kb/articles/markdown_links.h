// kb::ExtractLinks: the links and images a reader of an article file can
// follow, with the file line each one starts on — what `kb check`
// (kb/publish/check.h) verifies.
//
// The body after the front matter is parsed by cmark like the renderer parses
// it, so code spans, fenced and indented code and HTML blocks hold no links.
// Reference-style links (`[a][ref]`, `[ref]`) are reported where they are
// used, with their definition's URL; a definition that no link uses is no
// link a reader can follow and is not reported. Autolinks (`<https://x>`,
// `<a@b.org>` as `mailto:a@b.org`) are reported: they are links, and always
// absolute, which the linter does not check.
//
// Lines: a link is on the line of its `[` (or `<`) even when its text goes on
// over several lines. cmark keeps no trace of a newline inside a code span, a
// link destination or a link title; a link earlier in the same paragraph is
// then reported that many lines late.
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
  // The destination as cmark reads it: without <> or title, backslash escapes
  // and entities decoded, percent escapes kept; "" for `[a]()`.
  std::string target;
};

// The links and images of the Markdown article file `file_bytes` (a leading
// byte order mark and the front matter skipped; a file without front matter
// is all body), in document order, an image inside a link after the link.
// Never fails.
std::vector<MarkdownLink> ExtractLinks(std::string_view file_bytes);

}  // namespace kb
