// LoadArticles: list, read and parse a whole articles root, then check the
// links between articles (translation_of).
#include <set>
#include <string>

#include "articles/article_parser.h"
#include "kb/article.h"

namespace kb {
namespace {

struct ParsedArticle {
  Article article;
  FrontMatterLines lines;
};

// translation_of must name another article that exists under the root. The
// check uses every listed file, not only those that parsed, so a broken
// target is reported once (as itself), not again by each translation.
void CheckTranslationLinks(const std::vector<ParsedArticle>& parsed,
                           const std::set<std::string>& listed_ids,
                           std::vector<ArticleError>* errors) {
  for (const ParsedArticle& p : parsed) {
    const Article& a = p.article;
    if (a.translation_of.empty()) continue;
    if (a.translation_of == a.id) {
      errors->push_back({a.path, p.lines.translation_of,
                         "translation_of '" + a.translation_of + "' names the article itself"});
    } else if (listed_ids.count(a.translation_of) == 0) {
      errors->push_back({a.path, p.lines.translation_of,
                         "translation_of '" + a.translation_of + "' is not an existing article id"});
    }
  }
}

}  // namespace

LoadedArticles LoadArticles(const std::string& root) {
  LoadedArticles loaded;
  const std::vector<ArticleFile> files = ListArticleFiles(root, &loaded.errors);
  std::set<std::string> listed_ids;
  std::vector<ParsedArticle> parsed;
  parsed.reserve(files.size());
  std::string bytes;
  for (const ArticleFile& file : files) {
    listed_ids.insert(file.id);
    if (!ReadArticleFile(file, &bytes, &loaded.errors)) continue;
    ParsedArticle p;
    p.article.updated = file.mtime;
    if (ParseArticleWithLines(file.id, file.path, bytes, &p.article, &p.lines, &loaded.errors)) {
      parsed.push_back(std::move(p));
    }
  }
  CheckTranslationLinks(parsed, listed_ids, &loaded.errors);
  loaded.articles.reserve(parsed.size());
  for (ParsedArticle& p : parsed) loaded.articles.push_back(std::move(p.article));
  return loaded;  // files are sorted by id, so the articles are too
}

}  // namespace kb
