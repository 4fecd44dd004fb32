#include "markdown_parse.h"

namespace kb {
namespace {

// CMARK_OPT_DEFAULT is cmark's safe mode: raw HTML and javascript:/vbscript:/
// file:/data: (except images) URLs never reach the rendered output. cmark
// records source positions whatever the options; CMARK_OPT_SOURCEPOS says we
// rely on them (it only changes rendering, and the renderer has its own options).
constexpr int kParseOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS;

}  // namespace

MarkdownTree ParseMarkdown(std::string_view markdown) {
  return MarkdownTree(cmark_parse_document(markdown.data(), markdown.size(), kParseOptions));
}

}  // namespace kb
