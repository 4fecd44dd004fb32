// Markdown body -> safe HTML and plain text sections, with cmark (CommonMark).
// cmark stays inside src/articles (parsing set up in markdown_parse.h).
//
// Pure function, thread-safe (each call has its own cmark parser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/article.h"

namespace kb {

struct RenderedBody {
  std::string html;               // raw HTML omitted, unsafe link/image URLs dropped
  std::vector<Section> sections;  // lead text (if any), then one per heading
};

// Renders `markdown` (valid UTF-8; invalid bytes would be replaced by U+FFFD).
// Plain text keeps the text of paragraphs, lists, quotes, code and inline
// code, link text (not URLs) and image alt text; blocks are separated by
// blank lines and line breaks by whitespace so words are never glued.
RenderedBody RenderMarkdown(std::string_view markdown);

}  // namespace kb
