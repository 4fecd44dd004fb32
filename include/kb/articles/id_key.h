// Collision key of article ids: two ids that differ only in Unicode case or
// normalization form name the same article on case-insensitive or
// normalizing file systems and in URLs, so they must not both exist.
// ICU stays inside id_key.cpp.
//
// Pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// NFC(case-fold(NFC(id))) as UTF-8. Returns `id` unchanged when ICU cannot
// normalize it (invalid UTF-8 is reported elsewhere).
std::string ArticleIdKey(std::string_view id);

}  // namespace kb
