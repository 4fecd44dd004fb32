// Related words searched at a lower weight: a query word's stems map to the
// stems of words related to it (a Hebrew or Greek verb's noun, a Persian
// compound verb's noun), of which those some public article has become
// alternatives.
// Shared by verbal_nouns.cpp and compound_verbs.cpp. Not thread-safe
// (Vocabulary).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kb/query/query_words.h"
#include "kb/query/vocabulary.h"

namespace kb {

// For each stem of `word`, each of `related(stem)` that is not one of the
// word's stems and that `vocabulary` knows is added to the word as an
// alternative (stems only) of `weight`, once per call. A synonym rule's
// alternative with the same stem stays beside it (measured that way).
void AddRelatedStems(Vocabulary& vocabulary,
                     const std::function<std::vector<std::string>(const std::string&)>& related,
                     double weight, QueryWord* word);

}  // namespace kb
