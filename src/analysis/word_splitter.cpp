#include "word_splitter.h"

#include "unicode_util.h"

namespace kb::analysis {
namespace {

constexpr size_t kMaxSuffixWordLength = 3;  // "c++", "c#", "f#": Xapian's short-word suffix rule

// Hyphen-minus, hyphen, non-breaking hyphen, Hebrew maqaf.
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x05BE; }

bool IsInWordFormat(char32_t c) {
  return c >= 0x80 && c != kZwnj && !IsBoundaryFormat(c) &&
         u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR;
}

class Splitter {
 public:
  Splitter(std::u32string_view text, SplitMode mode)
      : t_(text), original_(mode == SplitMode::kOriginal) {}

  void Run(std::vector<WordSpan>* out) {
    size_t i = 0;
    while (i < t_.size()) {
      if (!IsWordChar(t_[i])) {
        ++i;
        continue;
      }
      WordSpan w;
      w.begin = i;
      i = ScanWord(i, &w);
      out->push_back(w);
    }
  }

 private:
  bool InWord(size_t i) const {
    if (i >= t_.size()) return false;
    return IsWordChar(t_[i]) || (original_ && IsInWordFormat(t_[i]));
  }
  bool DigitAt(size_t i) const { return i < t_.size() && IsDecimalDigit(t_[i]); }
  bool LetterAt(size_t i) const { return i < t_.size() && IsLetter(t_[i]); }
  bool HebrewLetterAfter(size_t i) const {
    while (i < t_.size() && IsMark(t_[i])) ++i;
    return i < t_.size() && IsHebrewLetter(t_[i]);
  }

  // Scans the word starting at `i`; fills w->end/joined_next and returns the resume index.
  size_t ScanWord(size_t i, WordSpan* w) {
    bool last_hebrew = false;  // the last letter of the word is Hebrew
    while (i < t_.size()) {
      char32_t c = t_[i];
      if (InWord(i)) {
        if (IsLetter(c)) last_hebrew = IsHebrewLetter(c);
        ++i;
        continue;
      }
      bool prev_word = InWord(i - 1);
      bool next_word = InWord(i + 1);
      if (original_ && c == kZwnj) {
        w->end = i;
        w->joined_next = next_word;
        return i + 1;
      }
      // A hyphen between letters joins a compound that others write as one
      // word or two (add-ons, addons, add ons; e-mail; דו-שלבי).
      if (original_ && IsHyphen(c) && LetterAt(i - 1) && LetterAt(i + 1)) {
        w->end = i;
        w->joined_next = true;
        return i + 1;
      }
      if (IsApostropheLike(c) && prev_word && (next_word || (original_ && last_hebrew))) {
        ++i;
        continue;
      }
      if (original_ && IsGershayimLike(c) && last_hebrew && HebrewLetterAfter(i + 1)) {
        ++i;
        continue;
      }
      if ((c == '&' || c == 0x00B7 || c == 0x2027) && prev_word && next_word) {
        ++i;
        continue;
      }
      if ((c == '.' || c == ',' || c == 0x066B || c == 0x066C) && DigitAt(i - 1) &&
          DigitAt(i + 1)) {
        ++i;
        continue;
      }
      if ((c == '+' || c == '#') && i - w->begin <= kMaxSuffixWordLength) {
        size_t k = i;
        while (k < t_.size() && k - i < 3 && (t_[k] == '+' || t_[k] == '#')) ++k;
        if (!InWord(k)) i = k;
      }
      break;
    }
    w->end = i;
    return i;
  }

  std::u32string_view t_;
  bool original_;
};

}  // namespace

void SplitWords(std::u32string_view text, SplitMode mode, std::vector<WordSpan>* out) {
  Splitter(text, mode).Run(out);
}

}  // namespace kb::analysis
