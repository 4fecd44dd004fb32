// Lists of articles beside search: related articles, the FAQ, autocomplete.
// Each takes the database (and analyzer) of the calling Searcher and applies
// the same visibility rule as search. Not thread-safe (Xapian objects).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/index/search.h"

namespace kb {

// Everything the caller may see: customers only public articles.
Xapian::Query VisibleTo(bool agent);

// The summary of a stored document (from its value slots).
ArticleSummary SummaryOf(const Xapian::Document& doc);

// More-like-this over the document's stems; `translation_root` is the id its
// translations share (its translation_of, or its own id).
std::vector<ArticleSummary> RelatedArticles(const Xapian::Database& db, Xapian::docid did,
                                            const std::string& id, const std::string& lang,
                                            const std::string& translation_root, bool agent,
                                            size_t limit);

std::vector<FaqCategory> FaqArticles(const Xapian::Database& db, const FaqRequest& request);

// `lang` is the resolved language ("" = any).
std::vector<ArticleSummary> SuggestTitles(const Xapian::Database& db, Analyzer& analyzer,
                                          const SuggestRequest& request, const std::string& lang);

}  // namespace kb
