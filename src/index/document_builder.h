// Turns an Article into the Xapian document the schema (schema.h) describes.
// Not thread-safe only in that `analyzer` is not: use one analyzer per thread.
#pragma once

#include <xapian.h>

#include "kb/analysis/analysis.h"
#include "kb/articles/article.h"

namespace kb {

Xapian::Document BuildDocument(const Article& article, Analyzer& analyzer);

// The document data JSON (schema.h) for an article.
std::string EncodeDocumentData(const Article& article);

}  // namespace kb
