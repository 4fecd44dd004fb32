// Loanwords and plene spelling written with other vowel letters. Hebrew and
// Persian write some vowels with letters (Hebrew ו and י, Persian ا, و and
// ی) and leave others out, and foreign words have no fixed spelling:
// پروکسی and پراکسی ("proxy"), תוכנה and תכנה. A query word therefore also
// searches, at a lower weight, the words articles have that differ from it
// by one such letter inside the word (left out, added or another). Unlike
// typo repair, it runs for words the index knows: both spellings are words.
// Not thread-safe (Vocabulary, Analyzer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/query/query_words.h"
#include "kb/query/vocabulary.h"

namespace kb {

// The spellings of the folded word `folded` of `lang` ("he", "fa") one vowel
// letter apart inside it (not its first or last letter): each such letter
// left out or replaced by another, and each added between two letters that
// are not that letter; none under four letters. Empty for other languages
// and words over 24 letters.
std::vector<std::string> VowelLetterVariants(std::string_view folded, std::string_view lang);

// Adds to each word of a Hebrew or Persian query its variants (above) that a
// public article has, at most four, each an alternative weighed half the word.
void AddVowelLetterVariants(std::string_view lang, Vocabulary& vocabulary, Analyzer& analyzer,
                            std::vector<QueryWord>* words);

}  // namespace kb
