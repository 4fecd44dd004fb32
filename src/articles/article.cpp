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

// Reports the first invalid UTF-8 byte with its file line and byte column.
bool CheckUtf8(std::string_view path, std::string_view bytes, std::vector<ArticleError>* errors) {
  const size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return true;
  const TextPosition at = PositionOf(bytes, bad);
  char message[80];
  std::snprintf(message, sizeof message, "invalid UTF-8 (byte 0x%02X at column %zu)",
                static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])), at.column);
  errors->push_back({std::string(path), at.line, message});
  return false;
}

}  // namespace

const char* AudienceName(Audience audience) {
  return audience == Audience::kInternal ? "internal" : "public";
}

std::string ArticleError::ToString() const {
  if (line <= 0) return path + ": " + message;
  return path + ":" + std::to_string(line) + ": " + message;
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

bool ParseArticle(std::string_view id, std::string_view path, std::string_view bytes, Article* out,
                  std::vector<ArticleError>* errors) {
  if (!CheckUtf8(path, bytes, errors)) return false;
  const std::string_view text = StripBom(bytes);

  FrontMatterSplit split;
  if (!SplitFrontMatter(text, path, &split, errors)) return false;

  Article article;
  article.id = std::string(id);
  article.path = std::string(path);
  article.category = DefaultCategory(id);
  article.updated = out->updated;  // the caller's value is kept
  if (!ParseFrontMatter(split, path, &article, errors)) return false;

  RenderedBody body = RenderMarkdown(split.body);
  article.html = std::move(body.html);
  article.sections = std::move(body.sections);
  *out = std::move(article);
  return true;
}

void CheckTranslationOf(const Article& article, const std::set<std::string>& ids,
                        std::vector<ArticleError>* errors) {
  CheckTranslationOf(
      article, [&ids](const std::string& id) { return ids.count(id) > 0; }, errors);
}

void CheckTranslationOf(const Article& article,
                        const std::function<bool(const std::string&)>& is_article,
                        std::vector<ArticleError>* errors) {
  if (article.translation_of.empty()) return;
  if (article.translation_of == article.id) {
    errors->push_back({article.path, article.translation_of_line,
                       "translation_of '" + article.translation_of + "' names the article itself"});
  } else if (!is_article(article.translation_of)) {
    errors->push_back(
        {article.path, article.translation_of_line,
         "translation_of '" + article.translation_of + "' is not an existing article id"});
  }
}

}  // namespace kb
