// LoadArticles: list, read and parse a whole articles root, then check the
// links between articles (translation_of).
#include <set>
#include <string>

#include "kb/article.h"

namespace kb {

void CheckTranslationOf(const Article& article, const std::set<std::string>& ids,
                        std::vector<ArticleError>* errors) {
  CheckTranslationOf(article, [&ids](const std::string& id) { return ids.count(id) > 0; }, errors);
}

void CheckTranslationOf(const Article& article, const std::function<bool(const std::string&)>& is_article,
                        std::vector<ArticleError>* errors) {
  if (article.translation_of.empty()) return;
  if (article.translation_of == article.id) {
    errors->push_back({article.path, article.translation_of_line,
                       "translation_of '" + article.translation_of + "' names the article itself"});
  } else if (!is_article(article.translation_of)) {
    errors->push_back({article.path, article.translation_of_line,
                       "translation_of '" + article.translation_of + "' is not an existing article id"});
  }
}

LoadedArticles LoadArticles(const std::string& root) {
  LoadedArticles loaded;
  const std::vector<ArticleFile> files = ListArticleFiles(root, &loaded.errors);
  std::set<std::string> ids;
  for (const ArticleFile& file : files) ids.insert(file.id);
  std::string bytes;
  for (const ArticleFile& file : files) {
    if (!ReadArticleFile(file, &bytes, &loaded.errors)) continue;
    Article article;
    article.updated = file.mtime;
    if (!ParseArticle(file.id, file.path, bytes, &article, &loaded.errors)) continue;
    CheckTranslationOf(article, ids, &loaded.errors);
    loaded.articles.push_back(std::move(article));
  }
  return loaded;  // files are sorted by id, so the articles are too
}

}  // namespace kb
