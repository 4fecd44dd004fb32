// libFuzzer target: an article file as an editor may push it (front matter,
// YAML, Markdown). ParseArticle must either accept it or report errors that
// name a line inside the file, never crash; an accepted article's HTML and
// section texts are valid UTF-8, and its HTML has no raw HTML and no script
// URL (markdown.h).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "articles/markdown.h"
#include "kb/article.h"
#include "kb/utf8.h"

namespace {

void Fail(const char* what) {
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kb::Article article;
  std::vector<kb::ArticleError> errors;
  bool ok = kb::ParseArticle("en/fuzz/article", "articles/en/fuzz/article.md", bytes, &article, &errors);
  if (ok != errors.empty()) Fail("ParseArticle's result and its errors disagree");
  const int lines = 1 + static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
  for (const kb::ArticleError& error : errors) {
    if (error.message.empty()) Fail("an error without a message");
    if (error.line < 0 || error.line > lines) Fail("an error line outside the file");
    if (!kb::IsValidUtf8(error.ToString())) {
      std::fprintf(stderr, "message: %s\n", error.ToString().c_str());
      Fail("an error message that is not UTF-8");
    }
  }
  if (ok && kb::IsValidUtf8(bytes)) {
    kb::RenderedBody body = kb::RenderMarkdown(bytes);
    if (!kb::IsValidUtf8(body.html)) Fail("rendered HTML is not UTF-8");
    std::string html = body.html;
    std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* unsafe : {"<script", "<iframe", "=\"javascript:", "=\"vbscript:", "href=\"data:"})
      if (html.find(unsafe) != std::string::npos) Fail("unsafe HTML in a rendered article");
    for (const kb::Section& section : body.sections)
      if (!kb::IsValidUtf8(section.text)) Fail("section text is not UTF-8");
  }
  return 0;
}
