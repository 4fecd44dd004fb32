// libFuzzer target: the files an editor pushes. The bytes are read as an
// article (front matter, YAML, Markdown) and as `_synonyms.yml`. ParseArticle must either accept it
// or report errors that name a line inside the file, never crash; an accepted article's HTML and
// section texts are valid UTF-8, and its HTML has no raw HTML and no script
// URL (markdown.h). Synonym rules are read likewise, and survive the JSON
// round trip that stores them in the index.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "kb/articles/article.h"
#include "kb/articles/synonyms.h"
#include "kb/core/utf8.h"

namespace {

using kb::fuzz::Fail;

// Errors of a file of `lines` lines: each with a message, in valid UTF-8, on
// one of its lines (0: the whole file).
void CheckErrors(const kb::Diagnostics& errors, int lines) {
  for (const kb::ArticleError& error : errors) {
    if (error.message.empty()) Fail("an error without a message");
    if (error.line < 0 || error.line > lines) Fail("an error line outside the file");
    if (!kb::IsValidUtf8(error.ToString())) {
      std::fprintf(stderr, "message: %s\n", error.ToString().c_str());
      Fail("an error message that is not UTF-8");
    }
  }
}

void CheckSynonyms(std::string_view bytes, int lines) {
  const kb::Diagnosed<std::vector<kb::SynonymRule>> parsed =
      kb::ParseSynonyms("_synonyms.yml", bytes);
  const std::vector<kb::SynonymRule>& rules = parsed.value;
  if (!parsed.ok() && !rules.empty()) Fail("ParseSynonyms returned rules with its errors");
  CheckErrors(parsed.diagnostics, lines);
  for (const kb::SynonymRule& rule : rules)
    for (const auto* side : {&rule.from, &rule.to})
      for (const std::string& text : *side)
        if (text.empty() || !kb::IsValidUtf8(text)) Fail("a synonym that is empty or not UTF-8");
  const std::vector<kb::SynonymRule> decoded = kb::DecodeSynonyms(kb::EncodeSynonyms(rules));
  if (decoded.size() != rules.size()) Fail("synonym rules lost in the JSON round trip");
  for (size_t i = 0; i < rules.size(); ++i)
    if (decoded[i].lang != rules[i].lang || decoded[i].from != rules[i].from ||
        decoded[i].to != rules[i].to)
      Fail("a synonym rule changed in the JSON round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const kb::Diagnosed<kb::Article> parsed =
      kb::ParseArticle("en/fuzz/article", "articles/en/fuzz/article.md", bytes);
  const kb::Article& article = parsed.value;
  const bool ok = parsed.ok();
  const int lines = 1 + static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
  CheckErrors(parsed.diagnostics, lines);
  if (ok) {
    for (const std::string* field :
         {&article.title, &article.lang, &article.category, &article.translation_of})
      if (!kb::IsValidUtf8(*field)) Fail("a front matter field that is not UTF-8");
    for (const std::string& tag : article.tags)
      if (!kb::IsValidUtf8(tag)) Fail("a tag that is not UTF-8");
    if (!kb::IsValidUtf8(article.html)) Fail("rendered HTML is not UTF-8");
    std::string html = article.html;
    std::transform(html.begin(), html.end(), html.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const char* unsafe :
         {"<script", "<iframe", "=\"javascript:", "=\"vbscript:", "href=\"data:"})
      if (html.find(unsafe) != std::string::npos) Fail("unsafe HTML in a rendered article");
    for (const kb::Section& section : article.sections)
      if (!kb::IsValidUtf8(section.heading) || !kb::IsValidUtf8(section.text))
        Fail("section text is not UTF-8");
  }
  CheckSynonyms(bytes, lines);
  return 0;
}
