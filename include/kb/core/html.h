// HTML escaping: the one escaper kb uses for every text that ends up in HTML
// (snippets, templates). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// Escapes & < > " ' so the result is safe as HTML text and in quoted attributes.
std::string EscapeHtml(std::string_view text);
// Appends the escaped text to `out`.
void AppendEscapedHtml(std::string_view text, std::string* out);

}  // namespace kb
