// Front matter of an article file: finding the `---` block and reading its
// YAML fields into an Article (CONTRACT.md §1). yaml-cpp stays inside
// front_matter.cpp.
//
// Pure functions, thread-safe. Problems are returned as Diagnostics with
// file line numbers; nothing throws.
#pragma once

#include <string_view>
#include <vector>

#include "kb/articles/article.h"

namespace kb {

// The two parts of an article file around its front matter block.
struct FrontMatterSplit {
  std::string_view yaml;    // text between the `---` lines
  std::string_view body;    // everything after the closing `---` line
  int yaml_first_line = 2;  // file line of the first YAML line
};

// Splits `text` (BOM already removed) into front matter and body. The first
// line must be `---` and a later line must be `---` (trailing blanks and CR
// are tolerated). Returns the split (views into `text`), or one problem at
// line 1 when the block is missing or not closed.
Diagnosed<FrontMatterSplit> SplitFrontMatter(std::string_view text, std::string_view path);

// Parses `split.yaml` and sets title, lang, category (only when given), tags,
// audience, faq, draft, order and translation_of (with translation_of_line,
// the file line of that key) of `article`. Keys starting with `x-` are the
// editors' own and are skipped; any other key is an error naming the nearest
// known key. Returns ok() diagnostics when the front matter is valid;
// otherwise every problem found (each on the line of the offending key), and
// `article` may be partly set.
Diagnostics ParseFrontMatter(const FrontMatterSplit& split, std::string_view path,
                             Article* article);

}  // namespace kb
