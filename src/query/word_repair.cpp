#include "word_repair.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>

#include "kb/analysis/text.h"
#include "kb/core/utf8.h"
#include "kb/core/vector_util.h"
#include "stem_start.h"

namespace kb {
namespace {

// Each part of a split must have at least this many letters and be a word of
// a public article as it is (not only through a stem): looser rules split
// typos into a stem and a short word (ενεργιας -> ενεργι + ας).
constexpr size_t kMinSplitPart = 3;
// A part with a typo in it is tried only up to this many letters: its forms
// one edit away number ~55 a letter, each looked up.
constexpr size_t kMaxTypoPartLetters = 14;

// Byte offsets of the code point boundaries inside `s`.
std::vector<size_t> Boundaries(const std::string& s) {
  std::vector<size_t> at;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    at.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(p, i, n, c);
  }
  at.push_back(s.size());
  return at;
}

// Letters a stem candidate may have dropped from the start of the word and
// still vouch for it: one prefix letter (ה, ב, ו, ...).
constexpr size_t kMaxTrustedPrefix = 1;

// The exact form of `text` if it is one non-stopword that public articles contain as it is.
bool KnownWord(const std::string& text, std::string_view lang, Analyzer& analyzer,
               Vocabulary& vocabulary, std::string* exact) {
  std::vector<Token> tokens = analyzer.Analyze(text, lang);
  if (tokens.size() != 1 || tokens[0].stopword || !vocabulary.KnownWord(tokens[0].term))
    return false;
  *exact = std::move(tokens[0].term);
  return true;
}

// The most balanced split of `term` into two known words, as exact forms.
std::vector<std::string> SplitIntoKnownWords(const std::string& term, std::string_view lang,
                                             Analyzer& analyzer, Vocabulary& vocabulary) {
  const std::vector<size_t> at = Boundaries(term);
  const size_t letters = at.size() - 1;
  if (letters < 2 * kMinSplitPart) return {};
  // Try the middle first, then further out: the first hit is the most balanced.
  const size_t mid = letters / 2;
  for (size_t d = 0; d <= mid; ++d) {
    for (size_t cut : {mid - d, mid + d}) {
      if (cut < kMinSplitPart || letters - cut < kMinSplitPart || (d > 0 && cut == mid)) continue;
      std::string left, right;
      if (KnownWord(term.substr(0, at[cut]), lang, analyzer, vocabulary, &left) &&
          KnownWord(term.substr(at[cut]), lang, analyzer, vocabulary, &right))
        return {left, right};
    }
  }
  return {};
}

// The query's other words, which a correction should fit.
std::vector<Token> ContextOf(const std::vector<QueryWord>& words, const QueryWord& word) {
  std::vector<Token> context;
  for (const QueryWord& w : words)
    if (&w != &word && !w.phrase) context.push_back(AsToken(w));
  return context;
}

// True when every letter of `word` appears in `longer`, in order.
bool IsSubsequence(const std::string& word, const std::string& longer) {
  const std::u32string w = analysis::DecodeUtf8(word), l = analysis::DecodeUtf8(longer);
  size_t i = 0;
  for (size_t j = 0; i < w.size() && j < l.size(); ++j)
    if (w[i] == l[j]) ++i;
  return i == w.size();
}

// The first code point of `s`, as UTF-8.
std::string FirstLetter(const std::string& s) {
  const std::vector<size_t> at = Boundaries(s);
  return at.size() < 2 ? std::string() : s.substr(0, at[1]);
}

// What a correction is looked up in, for one query.
struct Lexicon {
  std::string_view lang;
  Analyzer& analyzer;
  Vocabulary& vocabulary;
  const SynonymExpander* synonyms;  // may be null
  std::vector<Token> context;       // the query's other words
  // Whether a typo may be repaired into two words (QueryFeatures::split_words).
  bool split_words = true;

  bool IsKeyWord(const std::string& term) const {
    return synonyms && synonyms->IsKeyWord(std::string(lang), term);
  }
};

// Of `candidates` (folded words one edit from `term`), the one that public
// articles contain (as written or through a stem), or a synonym rule has as
// its key, and that ranks first by:
// (1) it only adds a letter the typist left out: the commonest slip, and
// Hebrew writes the vowel letters ו/י or leaves them out (מכרים / מוכרים);
// (2) articles have it together with one of the query's other words
// (להחזר and להחזיר are both one edit from להחיר; the query decides);
// (3) articles have it at all; (4) articles have it as written (מחיקת over
// מחיקה, a rule's key, for מחיקט). "" when none qualifies.
std::string BestCandidate(const std::string& term, const std::vector<std::string>& candidates,
                          Lexicon& lexicon) {
  std::string best;
  using Score = std::tuple<bool, unsigned, unsigned, bool>;
  Score best_score{false, 0, 0, false};
  const size_t letters = CountCodePoints(term);
  for (const std::string& candidate : candidates) {
    std::vector<Token> tokens = lexicon.analyzer.Analyze(candidate, lexicon.lang);
    if (tokens.size() != 1 || tokens[0].stopword) continue;
    const bool known = lexicon.vocabulary.Known(tokens[0]);
    if (!known && !lexicon.IsKeyWord(tokens[0].term)) continue;
    const bool fills_gap = CountCodePoints(candidate) > letters && IsSubsequence(term, candidate);
    const Score score{fills_gap,
                      known ? lexicon.vocabulary.FrequencyWith(tokens[0], lexicon.context) : 0,
                      known ? lexicon.vocabulary.Frequency(tokens[0]) : 0,
                      lexicon.vocabulary.KnownWord(tokens[0].term)};
    if (best.empty() || score > best_score) best = candidate, best_score = score;
  }
  return best;
}

// Of the real words one edit away from `term`, the best (articles contain it
// as written or through a stem: "speding" -> "speeding", found as "speed").
std::string NearestKnownRealWord(const std::string& term, WordList& dictionary, Lexicon& lexicon) {
  return BestCandidate(term, dictionary.WordsOneEditAway(term), lexicon);
}

// A joined word with a typo in one of its parts, which articles write as two
// words next to each other ("nonprofti": non profit, as "non-profit";
// "پیامراسن": پیام رسان): cut where one side is a word of a public article as
// written and the other is one edit from one, most balanced cut first. The
// two words must stand together in an article: alone, many pairs qualify
// ("torrentign" -> torrent + sign). Empty when none does.
std::vector<std::string> SplitWithTypo(const std::string& term, Lexicon& lexicon) {
  const std::vector<size_t> at = Boundaries(term);
  const size_t letters = at.size() - 1;
  // The part with the typo may have lost a letter.
  if (letters + 1 < 2 * kMinSplitPart) return {};
  // A part long enough that analyses to itself as one non-stopword.
  auto one_word = [&lexicon](const std::string& part) {
    if (CountCodePoints(part) < kMinSplitPart) return false;
    const std::vector<Token> tokens = lexicon.analyzer.Analyze(part, lexicon.lang);
    return tokens.size() == 1 && !tokens[0].stopword && tokens[0].term == part;
  };
  // Known words first: a look-up rules out most parts without analysing them.
  auto known = [&](const std::string& part) {
    return lexicon.vocabulary.KnownWord(part) && one_word(part);
  };
  const std::u32string_view alphabet = LettersOf(lexicon.lang);
  const size_t mid = letters / 2;
  for (size_t d = 0; d <= mid; ++d) {
    for (size_t cut : {mid - d, mid + d}) {
      if (cut < 2 || letters - cut < 2 || (d > 0 && cut == mid)) continue;
      const std::string left = term.substr(0, at[cut]), right = term.substr(at[cut]);
      const bool left_known = letters - cut <= kMaxTypoPartLetters && known(left);
      const bool right_known = !left_known && cut <= kMaxTypoPartLetters && known(right);
      if (!left_known && !right_known) continue;
      const std::vector<std::string> forms = OneEditForms(left_known ? right : left, alphabet);
      for (const std::string& form : lexicon.vocabulary.KnownWords(forms)) {
        if (!one_word(form)) continue;
        std::vector<std::string> split = left_known ? std::vector<std::string>{left, form}
                                                    : std::vector<std::string>{form, right};
        if (lexicon.vocabulary.KnownPhrase(split)) return split;
      }
    }
  }
  return {};
}

// Of `forms` (one edit from `term`), the best that public articles have as
// written or that a synonym rule has as its key; "" when none is.
std::string BestWrittenForm(const std::string& term, const std::vector<std::string>& forms,
                            Lexicon& lexicon) {
  std::vector<std::string> written = lexicon.vocabulary.KnownWords(forms);
  for (const std::string& form : forms)
    if (lexicon.IsKeyWord(form)) AppendIfAbsent(&written, form);
  return written.empty() ? std::string() : BestCandidate(term, written, lexicon);
}

// Words shorter than this are left to Xapian's suggestion: without a
// dictionary a short real word cannot be told from a typo, and one letter
// away from it are many other words (بست -> بسته).
constexpr size_t kMinIndexEditLetters = 4;
// Longer words are only matched against forms articles have as written: a
// word's one-edit forms number ~55 a letter, each analysed for its stems
// (4-6 ms for a word of about 10 letters on a 10,000-article index).
constexpr size_t kMaxStemPassLetters = 14;

// Of the words one edit away from `term` that public articles contain as
// written (or that a synonym rule has as its key), the best; when there is
// none, the two words of SplitWithTypo (in `*split`, returning ""); else the
// best that articles contain through a stem (`*through_stem`:
// such a form need not be a word, εξοικονομης for εξοικονομηση, so it is
// searched but not shown as "did you mean"). Xapian's own
// suggestion finds candidates through shared trigrams, which a short word
// with an edit in the middle barely has (מופן: it offers מוכן, not מוצפן),
// and ranks them by frequency alone.
std::string NearestIndexWord(const std::string& term, Lexicon& lexicon, bool* through_stem,
                             std::vector<std::string>* split) {
  *through_stem = false;
  if (CountCodePoints(term) < kMinIndexEditLetters) return std::string();
  const std::vector<std::string> forms = OneEditForms(term, LettersOf(lexicon.lang));
  const std::string written = BestWrittenForm(term, forms, lexicon);
  if (!written.empty()) return written;
  // Then a form that articles write as two words (both written as such: a
  // stronger sign than a form they have only through a stem).
  if (lexicon.split_words) *split = SplitWithTypo(term, lexicon);
  if (!split->empty()) return std::string();
  // Inflected languages write most forms in few articles: then a form that
  // articles have through a stem (περιορισμοι, as περιορισμούς) will do.
  // Each form is analysed for that: only for words of common length. The
  // evidence is weaker, so the first letter must stay: typists seldom get
  // it wrong, and a new first letter makes another word (σερνεται "crawls"
  // is no typo of περνεται).
  if (CountCodePoints(term) > kMaxStemPassLetters) return std::string();
  std::vector<std::string> same_start;
  const std::string first = FirstLetter(term);
  for (const std::string& form : forms)
    if (analysis::StartsWith(form, first)) same_start.push_back(form);
  std::string best = BestCandidate(term, same_start, lexicon);
  *through_stem = !best.empty();
  return best;
}

// Words this short (in letters) are only corrected by adding letters that the
// typist left out (נצג -> נציג): a replaced or dropped letter turns a short
// real word into another one (پول -> پل, رمز -> روز, تب -> تا).
constexpr size_t kShortWord = 3;

// Whether `suggestion` (analyzed: `tokens`) may stand in for the unknown word
// `term`: it must have a non-stopword, and a short word may only gain letters.
bool AcceptableCorrection(const std::string& term, const std::string& suggestion,
                          const std::vector<Token>& tokens) {
  if (std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.stopword; }))
    return false;
  const size_t letters = CountCodePoints(term);
  return letters > kShortWord ||
         (CountCodePoints(suggestion) > letters && IsSubsequence(term, suggestion));
}

// True when one of the words is the other with letters added at one end.
bool DiffersByAffix(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return false;
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 ||
         longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0;
}

// Makes `word` also match a correction's words (exact forms and stems).
void SearchAlso(const std::vector<Token>& correction, QueryWord* word) {
  for (const Token& t : correction) {
    word->exact.push_back(t.term);
    word->stems.insert(word->stems.end(), t.stems.begin(), t.stems.end());
  }
}

// For a known word: true when it is known only through stem candidates that
// strip two or more of its first letters, not as written nor through its
// other stems (משללוח, known as לוח "board"). Most known words keep every
// stem, and need no second look-up.
bool KnownOnlyThroughStrippedStems(const QueryWord& word, Vocabulary& vocabulary) {
  if (CountCodePoints(word.exact[0]) < kMinIndexEditLetters) return false;
  Token trusted = AsToken(word);
  KeepStemsKeepingStart(&trusted, kMaxTrustedPrefix);
  return trusted.stems.size() < word.stems.size() && !vocabulary.Known(trusted);
}

// A likely typo (KnownOnlyThroughStrippedStems): a word articles have as
// written one edit away is searched too, but not shown: the word as typed
// may be right.
void SearchNearbyWrittenForm(Lexicon& lexicon, QueryWord* word) {
  // Only drops and swaps, the slips that make a word longer than meant or
  // scramble it (משללוח): a few dozen forms where every edit would be a
  // thousand, on a path that correct rare forms take too.
  const std::string nearby =
      BestWrittenForm(word->exact[0], DropAndSwapForms(word->exact[0]), lexicon);
  SearchAlso(lexicon.analyzer.Analyze(nearby, lexicon.lang), word);
}

}  // namespace

std::string RepairUnknownWords(std::string_view text, std::string_view lang,
                               const QueryResources& resources, std::vector<QueryWord>* words) {
  Analyzer& analyzer = *resources.analyzer;
  Vocabulary& vocabulary = *resources.vocabulary;
  const QueryFeatures& features = resources.features;
  WordList* dictionary = features.dictionary ? resources.dictionary : nullptr;
  const SynonymExpander* synonyms = features.synonyms ? resources.synonyms : nullptr;
  std::string repaired;
  size_t copied = 0, attempts = 0;
  for (QueryWord& word : *words) {
    // A word with a synonym rule is a word kb knows, not a typo.
    if (word.phrase || word.greeklish || !word.alternatives.empty() ||
        !IsSpellableWord(word.exact[0]))
      continue;
    Lexicon lexicon{lang, analyzer, vocabulary, synonyms, {}, features.split_words};
    if (vocabulary.Known(AsToken(word))) {
      if (!features.stripped_typos || !KnownOnlyThroughStrippedStems(word, vocabulary)) continue;
      if (++attempts > kMaxRepairs) break;
      lexicon.context = ContextOf(*words, word);
      SearchNearbyWrittenForm(lexicon, &word);
      continue;
    }
    if (++attempts > kMaxRepairs) break;
    std::string replacement, suggestion;
    bool through_stem = false;
    if (features.split_words)
      word.split = SplitIntoKnownWords(word.exact[0], lang, analyzer, vocabulary);
    if (word.split.empty()) {
      if (dictionary && dictionary->IsWord(word.exact[0])) {
        // A real word that no article uses ("office") is not a typo. Only a
        // relative that differs by a prefix or suffix ("unlisted" -> "listed")
        // may stand in for it.
        suggestion = vocabulary.Suggest(word.exact[0]);
        if (!DiffersByAffix(word.exact[0], suggestion)) continue;
      } else {
        lexicon.context = ContextOf(*words, word);
        if (dictionary) suggestion = NearestKnownRealWord(word.exact[0], *dictionary, lexicon);
        if (suggestion.empty())
          suggestion = NearestIndexWord(word.exact[0], lexicon, &through_stem, &word.split);
      }
      if (suggestion.empty() && word.split.empty()) suggestion = vocabulary.Suggest(word.exact[0]);
    }
    if (!word.split.empty()) {
      replacement = word.split[0] + " " + word.split[1];
    } else {
      if (suggestion.empty() || suggestion == word.exact[0]) continue;
      const std::vector<Token> tokens = analyzer.Analyze(suggestion, lang);
      if (!AcceptableCorrection(word.exact[0], suggestion, tokens)) continue;
      SearchAlso(tokens, &word);
      if (through_stem) continue;  // searched, not shown
      replacement = DisplayForm(suggestion);
    }
    repaired.append(text.substr(copied, word.begin - copied)).append(replacement);
    copied = word.end;
  }
  if (copied == 0) return std::string();
  return repaired.append(text.substr(copied));
}

}  // namespace kb
