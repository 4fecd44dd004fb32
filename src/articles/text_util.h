// Small text helpers shared by the article parser: trimming, language tags,
// article id references.
//
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// `s` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view s);

// `line` without its trailing CR, spaces and tabs (for `---` delimiter lines).
std::string_view TrimLineEnd(std::string_view line);

// Checks that `tag` is a BCP-47 language tag (primary subtag of 2-3 ASCII
// letters, then '-' or '_' separated subtags of 1-8 letters/digits) and stores
// its primary subtag, lower-cased, in `primary`. False for anything else.
bool PrimaryLanguageSubtag(std::string_view tag, std::string* primary);

// An article id as written by an editor, made canonical: trimmed, leading
// '/' and a trailing ".md" removed ("/en/a/b.md" -> "en/a/b").
std::string NormalizeArticleIdRef(std::string_view ref);

}  // namespace kb
