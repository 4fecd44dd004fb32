// Real-word dictionaries for query spelling (hunspell, from Debian's
// hunspell-* / myspell-* packages). They tell a real word that no article
// contains ("office": leave it alone) from a typo ("speding"), and list the
// real words one edit away from a typo ("speeding", "spending"), whose stems
// may well be in the index when the typo's nearest index word is not.
//
// Hunspell's own suggest() takes 25-35 ms a word (measured on this machine),
// too slow for a search path; spell() takes microseconds. So the one-edit
// candidates are generated here and checked with spell().
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

// A language's real words. Implementations are thread-safe.
class WordList {
 public:
  virtual ~WordList() = default;
  // True when `folded` (case-folded, as the analyzer writes it) is a real word,
  // also when the dictionary has it capitalised only ("london").
  virtual bool IsWord(const std::string& folded) = 0;
  // The real words one edit (delete, transpose, replace, insert one letter)
  // away from `folded`, folded, without duplicates, in that order of edits;
  // none for words over 24 letters or with a character that is not one of
  // the language's letters.
  virtual std::vector<std::string> WordsOneEditAway(const std::string& folded) = 0;
};

// The letters of a language's folded words (as the analyzer writes them), which
// one-letter edits try (its language profile's); empty for languages kb has
// no list for.
std::u32string_view LettersOf(std::string_view lang);

// The letters a "did you mean" suggestion tries for `lang`: LettersOf, else
// the standard exemplar letters of ICU's locale data for it (the letters
// CLDR says its writing uses, at most kMaxExemplarLetters); empty for "" and
// languages ICU has none for. The view stays valid for the life of the
// process. Thread-safe.
std::u32string_view SuggestionLettersOf(std::string_view lang);
inline constexpr size_t kMaxExemplarLetters = 128;

// The forms one edit (delete, transpose, replace or insert one of `letters`)
// away from `folded`, without duplicates and without `folded` itself; none
// for words over 24 letters or with a character `letters` does not have.
std::vector<std::string> OneEditForms(const std::string& folded, std::u32string_view letters);

// The forms of `folded` with one letter left out or two neighbours swapped
// (OneEditForms' first two kinds, for any word and script), without
// duplicates and without `folded` itself.
std::vector<std::string> DropAndSwapForms(const std::string& folded);

// The forms of `folded` with its first one to kMaxStrippedPrefix letters
// left out, keeping at least kMinPrefixStem ("unlisted": nlisted, listed,
// isted), without duplicates. Not its last letters: endings are the
// stemmer's, and a word cut short is most often another word (really: real).
std::vector<std::string> PrefixStrippedForms(const std::string& folded);
inline constexpr size_t kMaxStrippedPrefix = 3;
inline constexpr size_t kMinPrefixStem = 3;

// The dictionary kb uses for `lang` (its language profile names it), loaded
// on first use and kept for the life of the process; null when kb has none
// for the language or it is not installed. Today: en (hunspell-en-us).
WordList* DictionaryFor(std::string_view lang);

}  // namespace kb
