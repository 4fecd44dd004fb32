#include "hebrew_stemmer.h"

#include <algorithm>

#include "kb/core/vector_util.h"
#include "unicode_util.h"

namespace kb::analysis {
namespace {

constexpr size_t kMinRemainder = 3;  // letters left after a prefix

char32_t UnfinalLetter(char32_t c) {
  switch (c) {
    case U'ך':
      return U'כ';
    case U'ם':
      return U'מ';
    case U'ן':
      return U'נ';
    case U'ף':
      return U'פ';
    case U'ץ':
      return U'צ';
    default:
      return c;
  }
}

// Suffix rules: at most one of ים / ות / ית→י, then a final ה, then a final א;
// then final letters become their ordinary forms, and a doubled ו or י one.
std::u32string NormalizeSuffix(std::u32string r) {
  if (EndsWith(r, U"ים") && r.size() >= 4) {
    r.resize(r.size() - 2);
  } else if (EndsWith(r, U"ות") && r.size() >= 5) {
    r.resize(r.size() - 2);
  } else if (EndsWith(r, U"ית") && r.size() >= 5) {
    r.resize(r.size() - 1);
  }
  if (EndsWith(r, U"ה") && r.size() >= 4) r.pop_back();
  if (EndsWith(r, U"א") && r.size() >= 4) r.pop_back();
  for (char32_t& c : r) c = UnfinalLetter(c);
  // A doubled ו or י after the first letter writes one consonant in full
  // spelling (פנייה and פניה, שוויון and שויון): one letter in the stem, so the
  // two spellings meet; kept when fewer than three letters would be left.
  std::u32string single;
  for (size_t i = 0; i < r.size(); ++i)
    if (i < 2 || r[i] != r[i - 1] || (r[i] != U'ו' && r[i] != U'י')) single.push_back(r[i]);
  return single.size() >= kMinRemainder ? single : r;
}

}  // namespace

// Clusters (ו)?(ש|כש|מש|לכש)?(ה|ב|כ|ל|מ|מה)?, non-empty.
HebrewStemmer::HebrewStemmer() {
  const std::u32string_view conj[] = {U"", U"ו"};
  const std::u32string_view rel[] = {U"", U"ש", U"כש", U"מש", U"לכש"};
  const std::u32string_view prep[] = {U"", U"ה", U"ב", U"כ", U"ל", U"מ", U"מה"};
  for (auto a : conj) {
    for (auto b : rel) {
      for (auto c : prep) {
        std::u32string p = std::u32string(a) + std::u32string(b) + std::u32string(c);
        if (!p.empty()) AppendIfAbsent(&prefixes_, std::move(p));
      }
    }
  }
  // Shorter prefixes first, so candidates run from the full word to the shortest remainder.
  std::stable_sort(
      prefixes_.begin(), prefixes_.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() < b.size(); });
}

std::vector<std::string> HebrewStemmer::Candidates(std::string_view word) const {
  std::u32string w = DecodeUtf8(word);
  std::vector<std::string> out;
  auto add = [&out](const std::u32string& cand) {
    if (cand.empty()) return;
    AppendIfAbsent(&out, ToUtf8(cand));
  };
  auto add_remainder = [&add](const std::u32string& r) {
    add(NormalizeSuffix(r));
    // A feminine noun before another noun writes its final ה as ת (מחיקת
    // החשבון, "the account's deletion", of מחיקה; הורדת התוכנה): the word
    // with ה is a candidate too, so the two forms meet. Not after ו or י,
    // whose ות and ית the suffix rules read.
    if (r.size() > kMinRemainder && EndsWith(r, U"ת") && !EndsWith(r, U"ות") && !EndsWith(r, U"ית"))
      add(NormalizeSuffix(r.substr(0, r.size() - 1) + U"ה"));
  };
  add_remainder(w);
  for (const std::u32string& p : prefixes_) {
    if (w.size() >= p.size() + kMinRemainder && StartsWith(w, p)) {
      add_remainder(w.substr(p.size()));
    }
  }
  return out;
}

}  // namespace kb::analysis
