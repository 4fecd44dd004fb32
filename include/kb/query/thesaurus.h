// English synonyms from WordNet 3.0 (Princeton; Debian wordnet-base, read
// through libwordnet from wordnet-dev): for a query word, the other words of
// its most common sense as a noun, a verb, an adjective and an adverb
// ("person" -> individual, someone, somebody). Customers describe a problem
// in their words and articles in theirs; taking the first sense only keeps
// the expansion to what the word usually means. Measured on the dev set:
// en nDCG@10 +0.015 (docs/analysis.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

// A language's synonyms. Implementations are thread-safe.
class Thesaurus {
 public:
  virtual ~Thesaurus() = default;
  // Synonyms of `folded` (a case-folded word, any inflection: "persons"
  // finds "person"), as lower-case words or phrases, without the word itself
  // and without duplicates; at most `limit`.
  virtual std::vector<std::string> Synonyms(const std::string& folded, size_t limit) = 0;
};

// The thesaurus kb uses for `lang` (its language profile names it), opened on first use and kept
// for the life of the process; null when kb has none for the language or it is not installed.
// Today: en (WordNet).
Thesaurus* ThesaurusFor(std::string_view lang);

}  // namespace kb
