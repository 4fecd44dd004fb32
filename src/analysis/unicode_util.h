// Small Unicode helpers of the analysis part (char filter, splitter,
// stemmers); those other parts use too are in kb/analysis/text.h. Pure functions over code points;
// thread-safe.
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>
#include <string_view>

#include "kb/analysis/text.h"

namespace kb::analysis {

// Script of the common letters of the kb languages without an ICU lookup
// (hot path); USCRIPT_INVALID_CODE when `c` is not one of them.
inline UScriptCode FastLetterScript(char32_t c) {
  if (c >= 0x05D0 && c <= 0x05EA) return USCRIPT_HEBREW;
  if ((c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) || c == 0x067E || c == 0x0686 ||
      c == 0x0698 || c == 0x06A9 || c == 0x06AF || c == 0x06CC) {
    return USCRIPT_ARABIC;
  }
  if ((c >= 0x03AC && c <= 0x03CE) || (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2))
    return USCRIPT_GREEK;
  return USCRIPT_INVALID_CODE;
}

// Letters, marks, numbers and connector punctuation: Xapian's word characters.
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (FastLetterScript(c) != USCRIPT_INVALID_CODE) return true;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) &
          (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)) != 0;
}

inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (FastLetterScript(c) != USCRIPT_INVALID_CODE) return true;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_L_MASK) != 0;
}

inline bool IsMark(char32_t c) {
  if (c < 0x300 || FastLetterScript(c) != USCRIPT_INVALID_CODE) return false;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

inline bool IsDecimalDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

inline bool IsHebrewLetter(char32_t c) {
  return (c >= 0x05D0 && c <= 0x05F2) || (c >= 0xFB1D && c <= 0xFB4F && IsLetter(c));
}

// Script of a letter; Hiragana and Katakana count as Han so that Japanese
// text is not split at every kana/kanji change.
inline UScriptCode LetterScript(char32_t c) {
  if (c < 0x80) return USCRIPT_LATIN;
  UScriptCode fast = FastLetterScript(c);
  if (fast != USCRIPT_INVALID_CODE) return fast;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return USCRIPT_COMMON;
  if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) return USCRIPT_HAN;
  return s;
}

// Apostrophe-like characters: geresh after a Hebrew letter, or an in-word apostrophe.
inline bool IsApostropheLike(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == '`' || c == 0x00B4 ||
         c == 0x05F3;
}

// Double-quote-like characters: gershayim between Hebrew letters.
inline bool IsGershayimLike(char32_t c) {
  return c == '"' || c == 0x05F4 || c == 0x201C || c == 0x201D || c == 0x201E;
}

// Characters that end a word although they are format characters (ZWSP, bidi controls).
inline bool IsBoundaryFormat(char32_t c) {
  return c == 0x200B || c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x206F);
}

constexpr char32_t kZwnj = 0x200C;

}  // namespace kb::analysis
