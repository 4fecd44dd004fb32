// The naming rules of article files (CONTRACT §1), shared by the folder and
// the git sources: which names are articles, what their ids are, when two ids
// collide, and the messages for files that break the rules.
//
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/article.h"

namespace kb {

// Article files end in ".md"; an article's id is its path without it.
inline constexpr std::string_view kArticleExtension = ".md";

// True when `name` (a file name or a path) ends in ".md" after at least one character.
bool HasArticleExtension(std::string_view name);

// True for a file or folder name that is skipped: empty, or starting with '_' or '.'.
bool IsHiddenName(std::string_view name);
// True when any '/'-separated part of `path` is a hidden name (an empty part too).
bool IsHiddenPath(std::string_view path);

// The id of article file `name` (its path below the root, ending in ".md"),
// or the problem "file name is not valid UTF-8; skipped" at `path` when the
// id is not valid UTF-8.
Diagnosed<std::string> ArticleIdOfName(std::string_view name, const std::string& path);

// Claims `key` (the ArticleIdKey of `id`) for `id` in `first_by_key`: ok()
// when claimed; the problem "duplicate article id '<id>' (same as
// '<first>')" at `path` when an earlier id holds the key.
Diagnostics ClaimArticleId(const std::string& id, const std::string& key, const std::string& path,
                           std::map<std::string, std::string>* first_by_key);
std::string DuplicateIdMessage(const std::string& id, const std::string& first);

// `bytes` without a leading UTF-8 byte order mark.
std::string_view StripBom(std::string_view bytes);

// "article too large (<size> bytes, limit 4 MiB)".
std::string TooLargeMessage(int64_t size);

}  // namespace kb
