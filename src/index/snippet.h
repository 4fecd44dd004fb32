// Snippets that highlight what matched (issue 3 §4): the original words whose
// analyzed form matches a query word are wrapped in <mark>; everything else is
// HTML-escaped text. Offsets come from the analyzer, so a customer typing
// "κωδικος" sees "<mark>κωδικού</mark>". Not thread-safe (uses the analyzer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"
#include "query_builder.h"

namespace kb {

struct SnippetOptions {
  size_t window_words = 28;  // words in the passage shown
  // Once a passage matched, stop analysing passages after this many bytes:
  // a very long article (a manual, a log pasted in) costs no more than one of
  // this size, at the price of a better passage further down.
  size_t max_analyzed_bytes = 16 * 1024;
};

// The best window of `passages` (in document order, e.g. one per section) for
// `words`: the most distinct query words, then the most matches; escaped, with
// matches marked and "…" where text was cut. Passages are analyzed one at a
// time and the search stops at the first window that has every query word, or
// after `max_analyzed_bytes` once a passage matched, so long articles cost
// little. With no match it is the start of the first passage.
std::string MakeSnippet(const std::vector<std::string>& passages, std::string_view lang,
                        const std::vector<QueryWord>& words, Analyzer& analyzer,
                        const SnippetOptions& options = {});

// Snippets without re-analysis: at index time the passages and their tokens
// (Analyze(passage, lang) for each) are encoded once; at search time
// MakeStoredSnippet gives what MakeSnippet would for the same passages and
// words, with no analyzer, or nothing when `stored` is not such an encoding.
// Thread-safe.
std::string EncodeSnippetPassages(const std::vector<std::string>& passages,
                                  const std::vector<std::vector<Token>>& tokens);
std::optional<std::string> MakeStoredSnippet(std::string_view stored,
                                             const std::vector<QueryWord>& words,
                                             const SnippetOptions& options = {});

}  // namespace kb
