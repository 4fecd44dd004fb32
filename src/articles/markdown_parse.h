// ParseMarkdown: the one place kb sets up cmark's CommonMark parser, shared
// by the renderer (markdown.cpp) and the link scan (article_links.cpp).
//
// Private to src/articles: it hands out cmark's own tree, and cmark stays in
// the articles part. The tree is owned by the returned pointer. Pure function,
// thread-safe (each call has its own parser).
#pragma once

#include <cmark.h>

#include <memory>
#include <string_view>

namespace kb {

struct MarkdownNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct MarkdownIterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using MarkdownTree = std::unique_ptr<cmark_node, MarkdownNodeDeleter>;
using MarkdownIter = std::unique_ptr<cmark_iter, MarkdownIterDeleter>;

// The document node of `markdown`, parsed in cmark's default (safe) mode with
// invalid UTF-8 replaced by U+FFFD. Every block carries its source lines,
// counted from 1 at the start of `markdown`. Null only when cmark cannot
// allocate memory.
MarkdownTree ParseMarkdown(std::string_view markdown);

}  // namespace kb
