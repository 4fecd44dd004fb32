// Word splitting with Xapian-like rules (ANALYSIS.md §5): words are runs of
// letters, marks, digits and '_'; an apostrophe or '&' between word chars,
// '.' or ',' between digits, and up to three '+'/'#' after a short word
// ("c++") stay inside a word; everything else (space, '-', maqaf, quotes...)
// separates words.
//
// Two modes: kOriginal splits the raw source text into runs whose byte spans
// become token offsets (format characters stay inside a run, Hebrew geresh
// and gershayim stay inside a Hebrew word, ZWNJ ends a run but marks it as
// joined to the next); kFiltered splits char-filtered text into tokens.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kb::analysis {

struct WordSpan {
  size_t begin = 0;          // index of the first code point
  size_t end = 0;            // one past the last code point
  bool joined_next = false;  // kOriginal only: a ZWNJ or a hyphen joins this run to the next
};

enum class SplitMode { kOriginal, kFiltered };

// Appends the words of `text` to *out (not cleared).
void SplitWords(std::u32string_view text, SplitMode mode, std::vector<WordSpan>* out);

}  // namespace kb::analysis
