// English: Snowball's english stemmer after accents are folded, a small
// stopword list, the words of Latin letters in a text of any language
// (brand names in a Hebrew query), the usual language of Latin letters, a
// real-word dictionary (hunspell-en-us) and WordNet's synonyms.
#include "profiles.h"

namespace kb::analysis {

LanguageProfile EnglishProfile() {
  LanguageProfile p;
  p.code = "en";
  p.script = "Latn";
  p.stemmer = StemmerKind::kSnowball;
  p.snowball = "english";
  // Kept small on purpose: only words that carry no meaning in a help-desk query.
  p.stopwords = {
      "a",     "an",   "the",   "and",    "or",    "of",   "to",    "in",    "on",    "for",
      "is",    "are",  "was",   "were",   "be",    "been", "how",   "can",   "do",    "does",
      "my",    "i",    "me",    "you",    "your",  "it",   "its",   "this",  "that",  "with",
      "at",    "by",   "from",  "as",     "if",    "what", "when",  "where", "which", "who",
      "why",   "will", "would", "should", "could", "am",   "has",   "have",  "had",   "there",
      "their", "then", "than",  "so",     "but",   "into", "about", "not",   "no",
  };
  p.enclitics = {"'s", "'re", "'ve", "'ll", "'d"};
  p.owns_script_words = true;
  p.dictionary = "en_US";
  p.letters = U"abcdefghijklmnopqrstuvwxyz";
  p.thesaurus = std::string(kThesaurusWordNet);
  p.detection.group = 3;
  return p;
}

}  // namespace kb::analysis
