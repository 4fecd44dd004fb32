// How a word is written in Xapian's spelling table. Xapian indexes every
// spelling word under byte fragments (its first two and last two bytes, its
// first and last byte, every three bytes in a row) and finds candidate
// corrections through them. Hebrew, Greek and Persian letters take two bytes
// in UTF-8, so their fragments are half letters: a ten-letter word gives
// about twenty, and the fragments a script's lead byte makes with each letter
// are shared by most of its words, whose long lists every commit reads and
// writes again (docs/performance.md, seventh round: a quarter of a rebuild).
// A word written only in one of those scripts' letters is therefore stored
// with one byte a letter (0x80 + the letter's place in its script's table)
// and a last byte naming the script (0xF5 Hebrew, 0xF6 Greek, 0xF7
// Arabic-script); no UTF-8 text ends in those bytes, so every other word is
// stored as it is, and the two never meet. Xapian measures edit distance over
// the stored characters (an invalid byte counts as one), so one letter is one
// character, as before.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// The spelling table's key of `word` (folded UTF-8, as the index's exact forms).
std::string SpellingKey(std::string_view word);

// The word of a spelling table key: SpellingKey's inverse.
std::string WordOfSpellingKey(std::string_view key);

}  // namespace kb
