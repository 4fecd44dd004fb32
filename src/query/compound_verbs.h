// Persian compound verbs against their nouns. A compound verb is a word and
// a light verb (یاد گرفتن "to learn", جلوی چیزی را گرفتن "to prevent"); its
// noun joins the word to the light verb's present stem (یادگیری, جلوگیری).
// A query that says the verb, in writing or colloquially (جلوی تور رو
// میگیره), therefore also searches, at a low weight, each earlier word
// joined to the light verb's stem, when a public article has that noun.
// Measured on dev, dev2 and dev2 at scale (docs/ranking-experiments.md).
// Not thread-safe (Vocabulary).
#pragma once

#include <string_view>
#include <vector>

#include "kb/query/query_words.h"
#include "kb/query/vocabulary.h"

namespace kb {

// The present stem a Persian light verb's noun is made of when `word` (folded,
// as the analyzer writes it) is a form of گرفتن, دادن or زدن: "گیر" for
// میگیرم, بگیرید, گرفت, میگیره (colloquial); empty for other words, the bare
// stems (گیر "stuck") among them.
std::u32string_view PersianLightVerbNounStem(std::string_view word);

// Adds to each word before a light verb of a Persian (`lang` "fa") query its
// stems joined to the verb's noun stem that `vocabulary` knows, each an
// alternative (stems only) weighed a quarter of the word.
void AddCompoundVerbNouns(std::string_view lang, Vocabulary& vocabulary,
                          std::vector<QueryWord>* words);

}  // namespace kb
