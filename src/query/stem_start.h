// Whether a stem candidate keeps the start of its word. Hebrew candidates
// strip up to three prefix letters (משלוח -> מ+ש+לוח), and such a candidate
// is often another word (לוח "board"); Snowball stems never drop the start.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "kb/analysis/analysis.h"

namespace kb {

// True when `stem` (a candidate of the folded word `term`) begins where
// `term` does, or after at most `max_dropped` of its first letters: its
// first two letters are found there.
bool StemKeepsStart(std::string_view term, std::string_view stem, size_t max_dropped);

// Drops the stems of `token` that do not keep the start of its term (above).
void KeepStemsKeepingStart(Token* token, size_t max_dropped);

}  // namespace kb
