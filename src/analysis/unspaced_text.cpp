#include "unspaced_text.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "unicode_util.h"

namespace kb::analysis {

UnspacedKind UnspacedKindOf(char32_t c) {
  if (c < kFirstUnspacedLetter || !IsLetter(c)) return UnspacedKind::kNone;
  switch (LetterScript(c)) {
    case USCRIPT_HAN:  // with Hiragana and Katakana (LetterScript)
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return UnspacedKind::kPairs;
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return UnspacedKind::kDictionary;
    default:
      return UnspacedKind::kNone;
  }
}

bool ContinuesUnspaced(char32_t c) {
  if (c < 0x0300) return false;
  if (IsMark(c)) return true;
  if (!IsLetter(c)) return false;
  const UScriptCode script = LetterScript(c);
  return script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

bool IsCharacterPairTerm(std::string_view term) {
  const auto* p = reinterpret_cast<const uint8_t*>(term.data());
  const int32_t len = static_cast<int32_t>(term.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || !IsLetter(static_cast<char32_t>(c))) continue;
    return UnspacedKindOf(static_cast<char32_t>(c)) == UnspacedKind::kPairs;
  }
  return false;
}

void SplitUnspaced(std::u32string_view text, size_t begin, size_t end, std::vector<Stretch>* out) {
  Stretch current{begin, begin, UnspacedKind::kNone};
  for (size_t i = begin; i < end; ++i) {
    const char32_t c = text[i];
    UnspacedKind kind = UnspacedKindOf(c);
    // A mark or script-less letter stays with the stretch it follows.
    if (kind == UnspacedKind::kNone && current.kind != UnspacedKind::kNone && i > current.begin &&
        ContinuesUnspaced(c))
      kind = current.kind;
    if (kind != current.kind && i > current.begin) {
      current.end = i;
      out->push_back(current);
      current.begin = i;
    }
    current.kind = kind;
  }
  current.end = end;
  if (current.end > current.begin) out->push_back(current);
}

WordSegmenter::WordSegmenter() = default;
WordSegmenter::~WordSegmenter() = default;

void WordSegmenter::Segment(std::u32string_view text, size_t begin, size_t end,
                            std::vector<WordSpan>* out) {
  if (end <= begin) return;
  if (!words_) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) words_.reset();
  }
  if (!words_) {
    out->push_back({begin, end, false});
    return;
  }
  // ICU works in UTF-16; remember where each code point starts.
  icu::UnicodeString utf16;
  std::vector<int32_t> unit_of;  // UTF-16 index of code point begin + k
  for (size_t i = begin; i < end; ++i) {
    unit_of.push_back(utf16.length());
    utf16.append(static_cast<UChar32>(text[i]));
  }
  unit_of.push_back(utf16.length());
  words_->setText(utf16);
  words_->first();
  size_t cp = 0;  // code point (relative to `begin`) of the last boundary
  for (int32_t to = words_->next(); to != icu::BreakIterator::DONE; to = words_->next()) {
    const size_t first = cp;
    while (cp < unit_of.size() - 1 && unit_of[cp] < to) ++cp;
    if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT && cp > first)
      out->push_back({begin + first, begin + cp, false});
  }
}

}  // namespace kb::analysis
