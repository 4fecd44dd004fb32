// Small text helpers shared by the article and synonym parsers: trimming,
// positions in a file, characters YAML forbids, language tags, article id
// references.
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

// The 1-based line and byte column of byte `offset` of `text`.
struct TextPosition {
  int line = 1;
  size_t column = 1;
};
TextPosition PositionOf(std::string_view text, size_t offset);

// Byte offset of the first ASCII control character that YAML forbids in a
// document (every C0 control but tab, LF and CR, and DEL: YAML 1.2 §5.1),
// or npos.
// yaml-cpp reads them without complaint, and a NUL in a plain scalar turns
// the byte after it into a stray 0x85, so the fields would not be UTF-8.
size_t FindYamlForbiddenChar(std::string_view yaml);

// "control character U+0000 at column 7 is not allowed in YAML" for the
// character FindYamlForbiddenChar found at `offset` of `yaml`.
std::string YamlForbiddenCharMessage(std::string_view yaml, size_t offset);

// Checks that `tag` is a BCP-47 language tag (primary subtag of 2-3 ASCII
// letters, then '-' or '_' separated subtags of 1-8 letters/digits) and stores
// its primary subtag, lower-cased, in `primary`. False for anything else.
bool PrimaryLanguageSubtag(std::string_view tag, std::string* primary);

// An article id as written by an editor, made canonical: trimmed, leading
// '/' and a trailing ".md" removed ("/en/a/b.md" -> "en/a/b").
std::string NormalizeArticleIdRef(std::string_view ref);

}  // namespace kb
