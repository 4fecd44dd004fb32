// Hebrew and Greek verbs against their nouns. Plene spelling writes the
// vowels of a verbal noun with the letters ו and י that its verb leaves out:
// לבטל (to cancel) and ביטול (cancellation), לשדרג and שדרוג, לעדכן and
// עדכון.
// A query word's stems therefore also search, at a low weight, the verbal
// noun of a verb stem (CCC: CיCוC, CCCC: CCCוC) and the verb stem of a noun
// (the word without its inner ו and י), when a public article has them; and
// the other patterns of the commonest verbs: pa'al (למחוק, נעול: מחוק, נעול
// CCוC; מחק CCC; the noun מחיקה, נעילה CCיC) and hif'il (להוריד הCCיC; the
// noun הורדה הCCC). Greek verbs whose stem Snowball leaves apart from their
// noun's meet it the same way: θερμαίνει (θερμαιν) and θέρμανση (θερμανσ),
// επιβραδύνει (επιβραδυν) and επιβράδυνση (επιβραδυνσ).
// Measured on dev, dev2 and dev2 at scale (docs/ranking-experiments.md).
// Not thread-safe (Vocabulary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/query/query_words.h"
#include "kb/query/vocabulary.h"

namespace kb {

// The related stems of a Hebrew stem (folded, final letters unfinaled, as the
// Hebrew stemmer gives them): its verb stem when it has inner ו or י, else
// its pi'el and pa'al verbal nouns (three letters) or its quadriliteral noun
// and, after ה, its hif'il verb (four letters); a four-letter CCוC or CCיC
// stem also the other one, and a hif'il verb הCCיC its noun הCCC. Empty for
// other words; no result shorter than three letters.
std::vector<std::string> HebrewVerbalNounStems(std::string_view stem);

// The related stem of a Greek stem (folded, as the Greek stemmer gives it) of
// five letters or more: -ανσ and -αιν each give the other, -υνσ gives -υν and
// -υν -υνσ. Empty for other stems. (The nouns in -ηση, -εση of verbs in -ώ
// and the verbs' stems were measured too and did not pay on dev2 and at scale.)
std::vector<std::string> GreekVerbalNounStems(std::string_view stem);

// Adds to each word of a Hebrew or Greek (`lang` "he", "el") query the
// related stems of its stems that `vocabulary` knows, each an alternative
// (stems only) weighed a quarter of the word.
void AddVerbalNounForms(std::string_view lang, Vocabulary& vocabulary,
                        std::vector<QueryWord>* words);

}  // namespace kb
