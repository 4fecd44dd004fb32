#include "char_filter.h"

#include <unicode/translit.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <unordered_map>
#include <utility>

#include "unicode_util.h"

namespace kb::analysis {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// In-word format characters that are deleted (NFKC_Casefold removes most of
// them already; tatweel is a letter for ICU but decoration for us).
bool IsDeletedFormat(char32_t c) {
  return c == 0x00AD || c == 0x034F || c == 0x180E || c == 0x200D || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF || c == 0x0640;
}

char32_t PersianLetter(char32_t c) {
  switch (c) {
    case 0x064A:
    case 0x0649:
    case 0x06D2:
      return 0x06CC;  // ي ى ے → ی
    case 0x0643:
      return 0x06A9;  // ك → ک
    case 0x0629:
    case 0x06C1:
    case 0x06BE:
    case 0x06D5:
      return 0x0647;  // ة ہ ھ ە → ه
    default:
      return c;
  }
}

bool StripsMarks(UScriptCode s, bool latin) {
  return s == USCRIPT_HEBREW || s == USCRIPT_GREEK || s == USCRIPT_ARABIC ||
         (latin && s == USCRIPT_LATIN);
}

// Next code point at or after `i` that is not a combining mark, or 0.
char32_t NextNonMark(const UChar* s, int32_t i, int32_t len) {
  while (i < len) {
    UChar32 c;
    U16_NEXT(s, i, len, c);
    if (!IsMark(static_cast<char32_t>(c))) return static_cast<char32_t>(c);
  }
  return 0;
}

// State of the rewrite loop: what the last emitted letter was.
struct RewriteState {
  bool prev_letter = false;  // last emitted non-mark char is a letter
  UScriptCode prev_script = USCRIPT_COMMON;
  bool strip_base = false;  // marks after the last letter are dropped
};

void EmitLetter(char32_t c, UScriptCode script, RewriteState* st, std::u32string* out) {
  if (st->prev_letter && script != st->prev_script && script != USCRIPT_COMMON &&
      script != USCRIPT_INHERITED && st->prev_script != USCRIPT_COMMON) {
    out->push_back(U' ');  // script change between letters: בiPhone → ב iphone
  }
  out->push_back(c);
  st->prev_letter = true;
  if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) st->prev_script = script;
}

void EmitOther(char32_t c, RewriteState* st, std::u32string* out) {
  out->push_back(c);
  st->prev_letter = false;
}

// Hebrew ligatures and punctuation, Arabic decimal/thousands separators.
bool EmitSpecial(char32_t c, RewriteState* st, std::u32string* out) {
  const char32_t* letters = nullptr;
  switch (c) {
    case 0x05F0:
      letters = U"וו";
      break;
    case 0x05F1:
      letters = U"וי";
      break;
    case 0x05F2:
      letters = U"יי";
      break;
    case 0x05BE:
      EmitOther(U'-', st, out);
      return true;  // maqaf
    case 0x05C0:
    case 0x05C3:
      EmitOther(U' ', st, out);
      return true;  // paseq, sof pasuq
    case 0x066B:
      EmitOther(U'.', st, out);
      return true;
    case 0x066C:
      EmitOther(U',', st, out);
      return true;
    default:
      return false;
  }
  for (; *letters != 0; ++letters) EmitLetter(*letters, USCRIPT_HEBREW, st, out);
  st->strip_base = true;
  return true;
}

// Traditional Chinese characters to Simplified, so that 密碼 meets 密码 (a
// help center often has one of the two, and customers type either). ICU's
// "Traditional-Simplified" transform maps each of 2,853 characters of the
// CJK blocks to one character; it is tabulated once per process (~55 ms on
// first use) instead of running the transform on every text.
class SimplifiedHanTable {
 public:
  static const SimplifiedHanTable& Get() {
    static const SimplifiedHanTable table;  // thread-safe initialization
    return table;
  }
  char32_t Map(char32_t c) const {
    auto it = map_.find(c);
    return it == map_.end() ? c : it->second;
  }

 private:
  SimplifiedHanTable() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_simplified(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !to_simplified) return;  // no ICU transform data: no folding
    for (const auto& [first, last] :
         {std::pair<UChar32, UChar32>{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}}) {
      for (UChar32 c = first; c <= last; ++c) {
        icu::UnicodeString one(c);
        to_simplified->transliterate(one);
        if (one.countChar32() == 1 && one.char32At(0) != c)
          map_.emplace(static_cast<char32_t>(c), static_cast<char32_t>(one.char32At(0)));
      }
    }
  }
  std::unordered_map<char32_t, char32_t> map_;
};

}  // namespace

CharFilter::CharFilter() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) nfkc_cf_ = nullptr;
  status = U_ZERO_ERROR;
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) nfd_ = nullptr;
}

void CharFilter::Apply(std::string_view text, const CharFilterOptions& opts, std::u32string* out) {
  out->clear();
  if (IsAscii(text)) {  // fast path: NFKC and marks do nothing, folding is tolower
    out->reserve(text.size());
    for (char ch : text) {
      char32_t c = static_cast<unsigned char>(ch);
      out->push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return;
  }
  Decode(text);
  if (nfkc_cf_ != nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf_->normalize(decoded_, normalized_, status);
    if (U_FAILURE(status)) normalized_ = decoded_;
  } else {
    normalized_ = decoded_;
  }
  Rewrite(opts, out);
}

// UTF-8 → UTF-16, dropping bad bytes; ZWNJ, ZWSP and bidi controls become
// spaces before NFKC_Casefold would delete them (they separate words).
void CharFilter::Decode(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  UChar* buf = decoded_.getBuffer(len + 1);  // UTF-16 never needs more units than UTF-8 bytes
  int32_t n = 0;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) continue;
    if (c == static_cast<UChar32>(kZwnj) || IsBoundaryFormat(static_cast<char32_t>(c))) c = ' ';
    U16_APPEND_UNSAFE(buf, n, c);
  }
  decoded_.releaseBuffer(n);
}

char32_t CharFilter::StripDecomposition(char32_t c) {
  if (c < 0xC0 || nfd_ == nullptr) return c;
  if (!nfd_->getDecomposition(static_cast<UChar32>(c), decomposition_)) return c;
  return static_cast<char32_t>(decomposition_.char32At(0));
}

void CharFilter::Rewrite(const CharFilterOptions& opts, std::u32string* out) {
  const UChar* s = normalized_.getBuffer();
  int32_t len = normalized_.length();
  out->reserve(static_cast<size_t>(len));
  RewriteState st;
  for (int32_t i = 0; i < len;) {
    UChar32 ic;
    U16_NEXT(s, i, len, ic);
    auto c = static_cast<char32_t>(ic);
    if (c < 0x80 && !IsApostropheLike(c) && !IsGershayimLike(c)) {
      if (c >= 'a' && c <= 'z') {
        EmitLetter(c, USCRIPT_LATIN, &st, out);
        st.strip_base = opts.strip_latin_marks;
      } else {
        EmitOther(c, &st, out);
      }
      continue;
    }
    UScriptCode fast = FastLetterScript(c);
    if (fast != USCRIPT_INVALID_CODE) {  // common he/fa/el letter: no ICU lookups
      if ((c >= 0x0622 && c <= 0x0626) || (c >= 0x03AC && c <= 0x03B0) ||
          (c >= 0x03CA && c <= 0x03CE)) {
        c = StripDecomposition(c);  // آ أ ؤ إ ئ, ά έ ή ί ΰ, ϊ ϋ ό ύ ώ
      }
      if (opts.persian_letters && fast == USCRIPT_ARABIC) c = PersianLetter(c);
      EmitLetter(c, fast, &st, out);
      st.strip_base = true;
      continue;
    }
    if (IsDeletedFormat(c)) continue;
    if (IsMark(c)) {
      if (!st.strip_base) out->push_back(c);  // kept marks are transparent for script splits
      continue;
    }
    bool after_hebrew = st.prev_letter && st.prev_script == USCRIPT_HEBREW;
    if (IsApostropheLike(c) && after_hebrew) continue;  // geresh: צ׳ק → צק
    if (IsGershayimLike(c) && after_hebrew && IsHebrewLetter(NextNonMark(s, i, len))) continue;
    if (EmitSpecial(c, &st, out)) continue;
    int8_t type = u_charType(static_cast<UChar32>(c));
    if (type == U_DECIMAL_DIGIT_NUMBER) {
      int32_t v = u_charDigitValue(static_cast<UChar32>(c));
      EmitOther(v >= 0 ? static_cast<char32_t>(U'0' + v) : c, &st, out);
      continue;
    }
    if ((U_MASK(type) & U_GC_L_MASK) == 0) {
      EmitOther(c, &st, out);
      continue;
    }
    UScriptCode script = LetterScript(c);
    bool strip = StripsMarks(script, opts.strip_latin_marks);
    if (strip) c = StripDecomposition(c);
    if (opts.persian_letters && script == USCRIPT_ARABIC) c = PersianLetter(c);
    if (c == 0x0451) c = 0x0435;  // Russian ё: as often written е (ёлка, елка)
    if (script == USCRIPT_HAN && c >= 0x3400) c = SimplifiedHanTable::Get().Map(c);
    EmitLetter(c, script, &st, out);
    st.strip_base = strip;
  }
}

void CharFilter::FoldLatinMarks(std::string* word) {
  if (IsAscii(*word)) return;
  std::u32string cps = DecodeUtf8(*word);
  std::string out;
  out.reserve(word->size());
  bool strip = false;
  for (char32_t c : cps) {
    if (IsMark(c)) {
      if (!strip) AppendUtf8(c, &out);
      continue;
    }
    strip = false;
    if (IsLetter(c) && LetterScript(c) == USCRIPT_LATIN) {
      c = StripDecomposition(c);
      strip = true;
    }
    AppendUtf8(c, &out);
  }
  *word = std::move(out);
}

}  // namespace kb::analysis
