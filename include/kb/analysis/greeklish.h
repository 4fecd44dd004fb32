// Greeklish: Greek typed in Latin letters ("kwdikos prosvasis" for κωδικός
// πρόσβασης), as Greek customers do on keyboards and phones without a Greek
// layout. There is no one spelling: η is "i" or "h", ω "o" or "w", θ "th" or
// "8", χ "x", "h" or "ch", ου "ou" or "u", υ "y", "i" or "u", β "v" or "b",
// ει/οι/αι "ei"/"oi"/"ai" or "i"/"i"/"e" ...
//
// So both sides are reduced to one lossy key that those spellings share: a
// Greek word's key (from its folded form) equals the key of its common
// Greeklish spellings. Letters Greek pronounces alike share a key letter
// (η ι υ ει οι → i, ο ω → o, αι ε → e, β φ → v, χ ξ → x, δ ντ → d, μπ → b,
// γκ γγ → g) and doubled letters count once, so a key stands for several
// Greek words: it is a way to find candidates, which the index then confirms.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::analysis {

// True when the folded word is Latin letters a-z (and the digits Greeklish
// uses for letters, 8 and 3), with at least one letter.
bool IsLatinWord(std::string_view folded);

// The key of a folded Greek word (lower case, no accents, σ for ς, as the
// analyzer writes it); "" when it has a character that is not a Greek letter.
std::string GreeklishKeyOfGreek(std::string_view folded);

// The keys a folded Latin word may stand for (Latin letters and the digits
// Greeklish uses for letters: 8 for θ, 3 for ξ). Letters with two readings
// ("h": η or χ; "u": ου or υ; "b": μπ or β) give several keys, at most
// kMaxGreeklishKeys; none for a word with any other character.
inline constexpr size_t kMaxGreeklishKeys = 8;
std::vector<std::string> GreeklishKeysOfLatin(std::string_view folded);

// `key` without the common Greek inflectional endings, as keys (longest
// ending first; only what leaves at least three key letters): the key of a
// Greek stem ("kodikos", "kodiku" -> "kodik", as κωδικ). The key itself is
// not included.
std::vector<std::string> GreeklishKeyStems(std::string_view key);

}  // namespace kb::analysis
