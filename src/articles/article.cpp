#include "kb/articles/article.h"

#include <cstdio>
#include <string>

#include "kb/articles/article_names.h"
#include "kb/articles/front_matter.h"
#include "kb/core/utf8.h"
#include "markdown.h"
#include "text_util.h"

namespace kb {
namespace {

// The first invalid UTF-8 byte with its file line and byte column.
Diagnostics CheckUtf8(std::string_view path, std::string_view bytes) {
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return {};
  const TextPosition at = PositionOf(bytes, bad);
  char message[80];
  std::snprintf(message, sizeof message, "invalid UTF-8 (byte 0x%02X at column %zu)",
                static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])), at.column);
  return Diagnostics(std::string(path), at.line, message);
}

}  // namespace

const char* AudienceName(Audience audience) {
  return audience == Audience::kInternal ? "internal" : "public";
}

std::string Article::PlainText() const {
  std::string text;
  const auto add = [&text](const std::string& part) {
    if (part.empty()) return;
    if (!text.empty()) text += "\n\n";
    text += part;
  };
  for (const Section& section : sections) {
    add(section.heading);
    add(section.text);
  }
  return text;
}

// The parent folder's name, or "general" for an article directly under the root.
static std::string DefaultCategory(std::string_view id) {
  const size_t slash = id.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return "general";
  const std::string_view parent = id.substr(0, slash);
  const size_t start = parent.rfind('/');
  return std::string(start == std::string_view::npos ? parent : parent.substr(start + 1));
}

Diagnosed<Article> ParseArticle(std::string_view id, std::string_view path,
                                std::string_view bytes) {
  Diagnosed<Article> parsed;
  parsed.diagnostics = CheckUtf8(path, bytes);
  if (!parsed.ok()) return parsed;
  const std::string_view text = StripBom(bytes);

  Diagnosed<FrontMatterSplit> split = SplitFrontMatter(text, path);
  if (!split.ok()) return {{}, std::move(split.diagnostics)};

  Article& article = parsed.value;
  article.id = std::string(id);
  article.path = std::string(path);
  article.category = DefaultCategory(id);
  parsed.diagnostics = ParseFrontMatter(split.value, path, &article);
  if (!parsed.ok()) return parsed;

  RenderedBody body = RenderMarkdown(split.value.body);
  article.html = std::move(body.html);
  article.sections = std::move(body.sections);
  return parsed;
}

Diagnostics CheckTranslationOf(const Article& article, const std::set<std::string>& ids) {
  return CheckTranslationOf(article, [&ids](const std::string& id) { return ids.count(id) > 0; });
}

Diagnostics CheckTranslationOf(const Article& article,
                               const std::function<bool(const std::string&)>& is_article) {
  if (article.translation_of.empty()) return {};
  if (article.translation_of == article.id)
    return Diagnostics(article.path, article.translation_of_line,
                       "translation_of '" + article.translation_of + "' names the article itself");
  if (!is_article(article.translation_of))
    return Diagnostics(
        article.path, article.translation_of_line,
        "translation_of '" + article.translation_of + "' is not an existing article id");
  return {};
}

}  // namespace kb
