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

// Byte offset in valid UTF-8 `yaml` of the first character that YAML forbids
// in a document (YAML 1.2 §5.1: every C0 control but tab, LF and CR; DEL;
// every C1 control but NEL; U+FFFE and U+FFFF), or npos.
// yaml-cpp reads them without complaint, and a NUL in a plain scalar turns
// the byte after it into a stray 0x85, so the fields would not be UTF-8. C1
// controls are what text decoded with the wrong code page looks like (a
// Windows-1252 quote read as Latin-1 is U+0092), so an editor learns of it.
size_t FindYamlForbiddenChar(std::string_view yaml);

// "control character U+0000 at column 7 is not allowed in YAML" (or
// "noncharacter U+FFFE ...") for the character FindYamlForbiddenChar found at
// `offset` of `yaml`; the column counts bytes, as the UTF-8 errors do.
std::string YamlForbiddenCharMessage(std::string_view yaml, size_t offset);

// An article id as written by an editor, made canonical: trimmed, leading
// '/' and a trailing ".md" removed ("/en/a/b.md" -> "en/a/b").
std::string NormalizeArticleIdRef(std::string_view ref);

}  // namespace kb
