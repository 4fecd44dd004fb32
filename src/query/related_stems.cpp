#include "related_stems.h"

#include "kb/core/vector_util.h"

namespace kb {

void AddRelatedStems(Vocabulary& vocabulary,
                     const std::function<std::vector<std::string>(const std::string&)>& related,
                     double weight, QueryWord* word) {
  std::vector<std::string> tried = word->stems;
  for (const std::string& stem : word->stems) {
    for (std::string other : related(stem)) {
      if (!AppendIfAbsent(&tried, other)) continue;
      Token token;
      token.term = other;
      token.stems = {other};
      if (!vocabulary.Known(token)) continue;
      Alternative alternative;
      alternative.stems = {std::move(other)};
      alternative.weight = weight;
      word->alternatives.push_back(std::move(alternative));
    }
  }
}

}  // namespace kb
