// Text written without spaces between words (ANALYSIS.md §5.2: "ICU
// BreakIterator becomes necessary only if Thai, Lao, Khmer, Myanmar, or
// Chinese/Japanese ... are added").
//
// - Chinese, Japanese and Korean letters are cut into overlapping pairs of
//   characters (bigrams, as Lucene's CJKBigramFilter and Xapian's
//   FLAG_CJK_NGRAM do): "忘记了密码" has 忘记 记了 了密 密码, so a query for
//   密码 finds it without a dictionary of words, and a word split another way
//   than the dictionary would split it is found all the same. Korean writes
//   spaces between phrases but joins particles to words (이메일을 "email" +
//   object marker), which pairs also see through.
// - Thai, Lao, Khmer and Myanmar are cut into words by ICU's dictionary-based
//   word BreakIterator.
//
// Pure functions are thread-safe; a WordSegmenter is not (one per Analyzer).
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string_view>
#include <vector>

#include "kb/analysis/text.h"
#include "word_splitter.h"

namespace kb::analysis {

enum class UnspacedKind {
  kNone,        // a script written with spaces (or not a letter)
  kPairs,       // Han, Hiragana, Katakana, Hangul, Bopomofo: character pairs
  kDictionary,  // Thai, Lao, Khmer, Myanmar: dictionary words
};

// Every unspaced script starts at Thai (U+0E00) or later.
inline constexpr char32_t kFirstUnspacedLetter = 0x0E00;

// Kind of the letter `c` (kNone for non-letters).
UnspacedKind UnspacedKindOf(char32_t c);

// False when [begin, end) of `text` cannot hold an unspaced letter (Latin,
// Greek, Hebrew, Arabic...: most text), by one cheap scan.
inline bool MayHoldUnspaced(std::u32string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (text[i] >= kFirstUnspacedLetter) return true;
  return false;
}

// Whether `c` continues a stretch of unspaced letters although it has no
// script of its own: combining marks and letters of the Common or Inherited
// script, such as the Japanese prolonged sound mark ー in パスワード.
bool ContinuesUnspaced(char32_t c);

// A stretch of one kind inside a run of word characters, in code points of
// the text given to SplitUnspaced.
struct Stretch {
  size_t begin = 0, end = 0;
  UnspacedKind kind = UnspacedKind::kNone;
};

// Cuts [begin, end) of `text` into maximal stretches of one kind (text
// without unspaced letters: one kNone stretch; MayHoldUnspaced tells cheaply).
void SplitUnspaced(std::u32string_view text, size_t begin, size_t end, std::vector<Stretch>* out);

// Dictionary words of a kDictionary stretch (ICU's word BreakIterator).
class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Appends to *out the spans (code points of `text`) of the words inside
  // [begin, end); whatever ICU cannot segment comes back as one span.
  void Segment(std::u32string_view text, size_t begin, size_t end, std::vector<WordSpan>* out);

 private:
  std::unique_ptr<icu::BreakIterator> words_;  // built on first use: most texts never need it
};

}  // namespace kb::analysis
