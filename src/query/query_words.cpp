// UnderstandQuery: from what a customer typed to the words searched (see
// kb/query/query_words.h). No index types: the vocabulary, dictionary and
// thesaurus are interfaces.
#include "kb/query/query_words.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "compound_verbs.h"
#include "degree_forms.h"
#include "kb/analysis/language_profile.h"
#include "kb/core/vector_util.h"
#include "verbal_nouns.h"
#include "vowel_letters.h"
#include "word_repair.h"

namespace kb {
namespace {

// Thesaurus synonyms searched per word, and per query (a long query has
// words enough; this bounds the cost of a hostile one).
constexpr size_t kMaxThesaurusSynonyms = 8;
constexpr size_t kMaxThesaurusSynonymsPerQuery = 24;
// ... and weighed at this much of the word: a thesaurus does not know the
// help center's vocabulary the way its own rules do.
constexpr double kThesaurusWeight = 0.5;

bool IsQuote(std::string_view text, size_t i, size_t* len) {
  static constexpr std::string_view kQuotes[] = {"\"",       "\xE2\x80\x9C", "\xE2\x80\x9D",
                                                 "\xC2\xAB", "\xC2\xBB",     "\xE2\x80\x9E"};
  for (std::string_view q : kQuotes) {
    if (text.substr(i, q.size()) == q) {
      *len = q.size();
      return true;
    }
  }
  return false;
}

bool IsWordByte(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[i]);
  return c >= 0x80 || std::isalnum(c);
}

// Byte ranges of "quoted" parts. A '"' between two word characters is Hebrew
// gershayim (דו"ח), not a quote.
std::vector<std::pair<size_t, size_t>> QuotedRanges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> ranges;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    if (!IsQuote(text, i, &len)) {
      ++i;
      continue;
    }
    const bool inside_word =
        text[i] == '"' && i > 0 && IsWordByte(text, i - 1) && IsWordByte(text, i + 1);
    if (!inside_word) {
      if (open == std::string_view::npos) {
        open = i + len;
      } else {
        ranges.emplace_back(open, i);
        open = std::string_view::npos;
      }
    }
    i += len;
  }
  if (open != std::string_view::npos) ranges.emplace_back(open, text.size());
  return ranges;
}

enum class Stopwords { kDrop, kKeep };

// The synonym rules of `resources`, unless its features turn them off.
const SynonymExpander* RulesOf(const QueryResources& resources) {
  return resources.features.synonyms ? resources.synonyms : nullptr;
}

// Whether the unquoted token `i` is left out (kDrop: stopwords, when the
// `stopwords` switch is off).
bool Dropped(const std::vector<Token>& tokens, size_t i, Stopwords stopwords) {
  return stopwords == Stopwords::kDrop && tokens[i].stopword;
}

// Groups tokens into query words: tokens inside one quoted range form a phrase.
std::vector<QueryWord> GroupWords(const std::vector<Token>& tokens,
                                  const std::vector<std::pair<size_t, size_t>>& quoted,
                                  Stopwords stopwords, const QueryResources& resources) {
  const size_t max_term_bytes = resources.max_term_bytes;
  std::vector<QueryWord> words;
  int current_range = -1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.term.empty() || token.term.size() > max_term_bytes) continue;
    int range = -1;
    for (size_t r = 0; r < quoted.size(); ++r)
      if (token.begin >= quoted[r].first && token.begin < quoted[r].second) range = int(r);
    if (range >= 0) {
      if (range != current_range) {
        words.push_back(QueryWord{});
        words.back().begin = token.begin;
      }
      words.back().phrase = true;
      words.back().exact.push_back(token.term);
      words.back().end = token.end;
      current_range = range;
      continue;
    }
    current_range = -1;
    if (Dropped(tokens, i, stopwords)) continue;
    QueryWord word;
    word.stopword = token.stopword;
    word.exact = {token.term};
    word.stems = token.stems;
    word.extra = token.extra_terms;
    word.begin = token.begin;
    word.end = token.end;
    words.push_back(std::move(word));
  }
  // A one-word "phrase" is just a word.
  for (QueryWord& w : words)
    if (w.phrase && w.exact.size() == 1) w.phrase = false;
  return words;
}

bool Inside(size_t at, const std::vector<std::pair<size_t, size_t>>& ranges) {
  for (const auto& [begin, end] : ranges)
    if (at >= begin && at < end) return true;
  return false;
}

// Synonym matches outside quotes. A match of several words is searched as a
// phrase (added to `quoted`); its alternatives are attached after grouping.
std::vector<SynonymMatch> MatchSynonyms(const SynonymExpander& synonyms,
                                        const std::vector<Token>& tokens, std::string_view lang,
                                        std::vector<std::pair<size_t, size_t>>* quoted) {
  std::vector<SynonymMatch> matches;
  const std::vector<std::pair<size_t, size_t>> typed = *quoted;  // the user's own quotes
  for (SynonymMatch& m : synonyms.Match(tokens, std::string(lang))) {
    if (Inside(tokens[m.first].begin, typed)) continue;
    if (m.last > m.first) quoted->emplace_back(tokens[m.first].begin, tokens[m.last].end);
    matches.push_back(std::move(m));
  }
  return matches;
}

void AttachAlternatives(const std::vector<SynonymMatch>& matches, const std::vector<Token>& tokens,
                        const QueryFeatures& features, std::vector<QueryWord>* words) {
  for (const SynonymMatch& m : matches) {
    for (QueryWord& word : *words) {
      if (word.begin != tokens[m.first].begin) continue;
      word.alternatives.insert(word.alternatives.end(), m.alternatives.begin(),
                               m.alternatives.end());
      if (!word.phrase || !features.loose_words) continue;
      for (size_t k = m.first; k <= m.last; ++k) {
        const Token& t = tokens[k];
        if (t.stopword) continue;
        word.loose_words.push_back(Alternative{{t.term}, t.stems});
      }
    }
  }
}

// Thesaurus synonyms as alternatives of the words that no synonym rule
// covers (an editor's rule or a built-in one wins), for the word as typed and
// as corrected.
void AddThesaurusAlternatives(Thesaurus& thesaurus, std::string_view lang, Analyzer& analyzer,
                              std::vector<QueryWord>* words) {
  size_t budget = kMaxThesaurusSynonymsPerQuery;
  for (QueryWord& word : *words) {
    if (budget == 0) return;
    if (word.phrase || word.stopword || !word.alternatives.empty()) continue;
    for (const std::string& form : word.exact) {
      if (!IsSpellableWord(form)) continue;
      for (const std::string& synonym :
           thesaurus.Synonyms(form, std::min(kMaxThesaurusSynonyms, budget))) {
        --budget;
        const std::vector<Token> tokens = analyzer.Analyze(synonym, lang);
        if (tokens.empty()) continue;
        Alternative alt = AlternativeOf(tokens);
        if (alt.exact == word.exact) continue;
        alt.weight = kThesaurusWeight;
        word.alternatives.push_back(std::move(alt));
      }
    }
  }
}

// In a query of a language typed in Latin letters (Greek), a Latin word that
// no article has (brand names such as "Tor" or "Bluetooth" are searched as
// typed) may be transliterated (Greeklish): it also
// searches the Greek words and stems it can stand for ("kwdikos" -> κωδικος,
// κωδικ), or with a typo (up to kMaxRepairs words a query), as its own forms,
// so they rank, come near each other and are highlighted like the word typed
// in Greek, and it is not "corrected".
void AddGreeklishForms(std::string_view lang, Vocabulary& vocabulary,
                       std::vector<QueryWord>* words) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  if (profile == nullptr || profile->transliteration == nullptr) return;
  const analysis::Transliteration& typed = *profile->transliteration;
  size_t typos = 0;  // words looked up as Greeklish with a typo, at most kMaxRepairs
  for (QueryWord& word : *words) {
    if (word.phrase || word.greeklish || !word.alternatives.empty()) continue;
    if (!typed.is_typed_word(word.exact[0]) || vocabulary.Known(AsToken(word))) continue;
    GreekForms greek = vocabulary.GreeklishForms(word.exact[0]);
    if (greek.empty() && ++typos <= kMaxRepairs)
      greek = vocabulary.GreeklishFormsWithTypo(word.exact[0]);
    if (greek.empty()) continue;
    word.greeklish = true;
    word.extra.insert(word.extra.end(), greek.exact.begin(), greek.exact.end());
    word.stems.insert(word.stems.end(), greek.stems.begin(), greek.stems.end());
  }
}

// Query words, at most kMaxQueryWords. Stopwords are kept (marked) for the
// query builder, which ranks by them; with the `stopwords` switch off they
// are dropped unless there is nothing else.
std::vector<QueryWord> QueryWords(const std::vector<Token>& tokens,
                                  const std::vector<std::pair<size_t, size_t>>& quoted,
                                  const QueryResources& resources) {
  std::vector<QueryWord> words =
      GroupWords(tokens, quoted, resources.features.stopwords ? Stopwords::kKeep : Stopwords::kDrop,
                 resources);
  if (words.empty()) words = GroupWords(tokens, quoted, Stopwords::kKeep, resources);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  return words;
}

// Query words with the alternatives of the synonym rules they match (a match
// of several words becomes a phrase).
std::vector<QueryWord> WordsWithSynonyms(const std::vector<Token>& tokens,
                                         std::vector<std::pair<size_t, size_t>> quoted,
                                         std::string_view lang, const QueryResources& resources) {
  std::vector<SynonymMatch> matches;
  if (const SynonymExpander* rules = RulesOf(resources))
    matches = MatchSynonyms(*rules, tokens, lang, &quoted);
  std::vector<QueryWord> words = QueryWords(tokens, quoted, resources);
  AttachAlternatives(matches, tokens, resources.features, &words);
  return words;
}

// Gives each repaired word's token the stems of its correction, so that
// synonym rules see the corrected word.
void LendRepairs(const std::vector<QueryWord>& repaired, std::vector<Token>* tokens) {
  for (const QueryWord& word : repaired) {
    if (word.phrase || word.exact.size() < 2) continue;
    for (Token& token : *tokens)
      if (token.begin == word.begin)
        for (const std::string& s : word.stems) AppendIfAbsent(&token.stems, s);
  }
}

// Puts the repairs (corrected exact forms, splits) back on the final words.
void TakeRepairs(const std::vector<QueryWord>& repaired, std::vector<QueryWord>* words) {
  for (const QueryWord& from : repaired) {
    if (from.phrase || (from.exact.size() < 2 && from.split.empty())) continue;
    for (QueryWord& word : *words) {
      if (word.phrase || word.begin != from.begin) continue;
      word.exact = from.exact;
      word.split = from.split;
    }
  }
}

}  // namespace

Token AsToken(const QueryWord& word) {
  Token token;
  token.term = word.exact[0];
  token.stems = word.stems;
  token.extra_terms = word.extra;
  return token;
}

UnderstoodQuery UnderstandQuery(std::string_view text, std::string_view lang,
                                const QueryResources& resources) {
  UnderstoodQuery built;
  const QueryFeatures& features = resources.features;
  Analyzer& analyzer = *resources.analyzer;
  std::vector<Token> tokens = analyzer.AnalyzeQuery(text, lang);
  const auto quoted = QuotedRanges(text);
  built.words = WordsWithSynonyms(tokens, quoted, lang, resources);
  Vocabulary* greeklish = features.greeklish ? resources.vocabulary : nullptr;
  if (greeklish) AddGreeklishForms(lang, *greeklish, &built.words);
  // Unknown words are repaired (words a rule covers as typed, رمز -> گذرواژه,
  // are not), and then a corrected word meets the synonym rules as if typed
  // ("speding up" -> "speeding up" -> "faster"): the words are grouped again.
  if (resources.vocabulary && features.typo_repair) {
    built.suggestion = RepairUnknownWords(text, lang, resources, &built.words);
    if (!built.suggestion.empty()) {
      LendRepairs(built.words, &tokens);
      const std::vector<QueryWord> repaired = std::move(built.words);
      built.words = WordsWithSynonyms(tokens, quoted, lang, resources);
      TakeRepairs(repaired, &built.words);
      if (greeklish) AddGreeklishForms(lang, *greeklish, &built.words);
    }
  }
  if (built.words.empty()) return built;
  if (resources.thesaurus && features.thesaurus)
    AddThesaurusAlternatives(*resources.thesaurus, lang, analyzer, &built.words);
  if (resources.vocabulary && features.verbal_nouns)
    AddVerbalNounForms(lang, *resources.vocabulary, &built.words);
  if (resources.vocabulary && features.compound_verbs)
    AddCompoundVerbNouns(lang, *resources.vocabulary, &built.words);
  if (resources.vocabulary && resources.dictionary && features.degree_forms)
    AddDegreeForms(lang, *resources.dictionary, *resources.vocabulary, analyzer, &built.words);
  if (resources.vocabulary && features.vowel_letters)
    AddVowelLetterVariants(lang, *resources.vocabulary, analyzer, &built.words);
  return built;
}

}  // namespace kb
