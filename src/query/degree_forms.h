// English adjectives against their comparative and superlative: "slow",
// "slower", "slowest" are one word to a customer, but the English stemmer
// (Porter2) leaves "slower" and "slowest" whole, so "tor browser really slow"
// misses the article titled "Is Tor Browser slower than other browsers?".
// A query word's other degrees are searched too, at a lower weight, when the
// dictionary says they are words and an article has them.
//
// The dictionary tells an adjective from a noun in -er: an adjective has
// both degrees ("slower" and "slowest" are words), an agent noun only one
// ("printer" is, "printest" is not), so "print" never finds "printer".
// Not thread-safe (WordList, Vocabulary, Analyzer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/query/dictionary.h"
#include "kb/query/query_words.h"
#include "kb/query/vocabulary.h"

namespace kb {

// The other degrees of the English word `folded` that `dictionary` knows:
// for a positive ("slow") its comparative and superlative ("slower",
// "slowest"), for a comparative or superlative its positive and the other
// one; spelling rules as in "later", "easier", "bigger". Empty unless the
// positive, the comparative and the superlative are all words.
std::vector<std::string> EnglishDegreeForms(const std::string& folded, WordList& dictionary);

// Adds to each word of an English (`lang` "en") query its other degrees
// that an article has (`vocabulary`), each an alternative weighed half the word.
void AddDegreeForms(std::string_view lang, WordList& dictionary, Vocabulary& vocabulary,
                    Analyzer& analyzer, std::vector<QueryWord>* words);

}  // namespace kb
