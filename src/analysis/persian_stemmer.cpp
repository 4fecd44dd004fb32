#include "persian_stemmer.h"

#include "unicode_util.h"

namespace kb::analysis {
namespace {

struct Suffix {
  std::u32string_view text;
  size_t min_left;  // letters that must remain after removing it
};

// First match wins in each round; order matters (longest plural forms first).
constexpr Suffix kSuffixes[] = {
    {U"هایشان", 2}, {U"هایتان", 2}, {U"هایمان", 2}, {U"هایی", 2}, {U"های", 2},
    {U"ها", 2},     {U"ترین", 3},   {U"تر", 3},     {U"شان", 4},  {U"تان", 4},
    {U"مان", 4},    {U"ات", 3},     {U"ان", 3},     {U"یی", 2},   {U"ی", 3},
};
constexpr int kMaxRounds = 3;
constexpr size_t kMinWord = 3;

// Stems() relies on it: stripping suffixes never empties a word.
constexpr bool EverySuffixLeavesALetter() {
  for (const Suffix& s : kSuffixes)
    if (s.min_left == 0) return false;
  return true;
}
static_assert(EverySuffixLeavesALetter());

constexpr std::u32string_view kVerbPrefixes[] = {U"نمی", U"می"};
constexpr std::u32string_view kPersonalEndings[] = {U"یم", U"ید", U"ند", U"م", U"ی", U"د"};

// می‌خواهم written without ZWNJ: drop the prefix when a personal ending shows a verb.
bool StripVerbPrefix(std::u32string* w) {
  for (std::u32string_view p : kVerbPrefixes) {
    if (!StartsWith(*w, p) || w->size() < p.size() + kMinWord) continue;
    for (std::u32string_view e : kPersonalEndings) {
      if (EndsWith(*w, e)) {
        w->erase(0, p.size());
        return true;
      }
    }
    return false;
  }
  return false;
}

// The light verbs of compound verbs (پاک کردن "delete", وصل شدن "connect"):
// every conjugation stems to the infinitive, so پاک کنم meets پاک کنید and a
// synonym rule for پاک کردن. Bare present stems are left out where they are
// other words (ده "ten", زن "woman", دار, گیر "stuck").
struct LightVerb {
  std::u32string_view infinitive, past, present;
  bool bare_present;  // the present stem alone is the imperative
};
constexpr LightVerb kLightVerbs[] = {
    {U"کردن", U"کرد", U"کن", true},        {U"شدن", U"شد", U"شو", false},
    {U"دادن", U"داد", U"ده", false},       {U"زدن", U"زد", U"زن", false},
    {U"گرفتن", U"گرفت", U"گیر", false},    {U"داشتن", U"داشت", U"دار", false},
    {U"گذاشتن", U"گذاشت", U"گذار", false},
};
constexpr std::u32string_view kPastEndings[] = {U"", U"م", U"ی", U"یم", U"ید", U"ند", U"ه", U"ن"};
constexpr std::u32string_view kPresentEndings[] = {U"م", U"ی", U"د", U"یم", U"ید", U"ند"};
// Prefixes of present forms (می/نمی continuous, ب subjunctive and imperative,
// ن negative); only ن goes with the past.
constexpr std::u32string_view kPresentPrefixes[] = {U"نمی", U"می", U"ب", U"ن", U""};
constexpr std::u32string_view kPastPrefixes[] = {U"ن", U""};
// کند is also the adjective "slow".
constexpr std::u32string_view kNotLightVerbs[] = {U"کند"};

// The infinitive of a light-verb form, or empty.
std::u32string_view LightVerbInfinitive(std::u32string_view w) {
  for (std::u32string_view not_verb : kNotLightVerbs)
    if (w == not_verb) return {};
  for (const LightVerb& v : kLightVerbs) {
    for (std::u32string_view prefix : kPastPrefixes) {
      if (!StartsWith(w, prefix)) continue;
      for (std::u32string_view e : kPastEndings)
        if (IsStemPlusEnding(w.substr(prefix.size()), v.past, e)) return v.infinitive;
    }
    for (std::u32string_view prefix : kPresentPrefixes) {
      if (!StartsWith(w, prefix)) continue;
      const std::u32string_view rest = w.substr(prefix.size());
      if (rest == v.present && (v.bare_present || !prefix.empty())) return v.infinitive;
      for (std::u32string_view e : kPresentEndings)
        if (IsStemPlusEnding(rest, v.present, e)) return v.infinitive;
    }
  }
  return {};
}

// Words that look inflected but are not (میز "table", ایران...), plus domain words.
constexpr const char* kProtectedWords[] = {
    "میز",    "میوه",  "میدان", "میهمان",   "میلیون", "ایران", "است",
    "سازمان", "میزان", "میان",  "میکروفون", "پایان",  "زمان",  "خیابان",
    "جریان",  "ایمان", "درمان", "امکان",    "مکان",   "باران", "تهران",
    "تنها",  // "only": not a plural of تن
};

}  // namespace

PersianStemmer::PersianStemmer(const std::function<std::string(const char*)>& normalize) {
  for (const char* w : kProtectedWords) protect_.insert(DecodeUtf8(normalize(w)));
}

std::vector<std::string> PersianStemmer::Stems(std::string_view word) const {
  return Stems(DecodeUtf8(word));
}

std::vector<std::string> PersianStemmer::Stems(std::u32string w) const {
  if (const std::u32string_view verb = LightVerbInfinitive(w); !verb.empty()) return {ToUtf8(verb)};
  if (w.size() < kMinWord || IsProtected(w)) return {ToUtf8(w)};
  std::vector<std::string> stems;
  std::u32string verb = w;
  if (StripVerbPrefix(&verb)) stems.push_back(ToUtf8(verb));
  for (int round = 0; round < kMaxRounds && !IsProtected(w); ++round) {
    bool changed = false;
    for (const Suffix& s : kSuffixes) {
      if (EndsWith(w, s.text) && w.size() >= s.text.size() + s.min_left) {
        w.resize(w.size() - s.text.size());
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  std::string noun = ToUtf8(w);
  if (stems.empty() || stems[0] != noun) stems.push_back(std::move(noun));
  return stems;
}

}  // namespace kb::analysis
