// BCP-47 language tags as kb reads them everywhere (front matter, synonym
// files, HTTP parameters): a primary subtag of 2-3 ASCII letters, then
// subtags of 1-8 ASCII letters or digits. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kb {

// What may separate subtags: editors' files also write "pt_BR"; HTTP takes
// the standard '-' only.
enum class TagSeparators { kHyphen, kHyphenOrUnderscore };

// The primary subtag of `tag`, lower-cased ("pt-BR" -> "pt", "EN" -> "en"),
// or nullopt when `tag` is not such a tag.
std::optional<std::string> PrimaryLanguageSubtag(std::string_view tag, TagSeparators separators);

}  // namespace kb
