// ParseArticle with extra detail for the loader (where keys were found).
//
// Pure function, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "articles/front_matter.h"
#include "kb/article.h"

namespace kb {

// Same contract as ParseArticle; also fills `lines` on success.
bool ParseArticleWithLines(std::string_view id, std::string_view path, std::string_view bytes,
                           Article* out, FrontMatterLines* lines,
                           std::vector<ArticleError>* errors);

// The default category of article `id`: its parent folder's name, or
// "general" for an article directly under the root.
std::string DefaultCategory(std::string_view id);

}  // namespace kb
