// The optimal string alignment distance (Levenshtein plus adjacent
// transpositions) between two byte strings, bounded. Used for "did you mean"
// on short ASCII keys: Greeklish table keys, front-matter keys. Pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace kb {

// Edits (insert, delete, substitute, swap two neighbours; each one byte) that
// turn `a` into `b`, or `limit` + 1 when that is more than `limit`, found
// without finishing the table.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit);

}  // namespace kb
