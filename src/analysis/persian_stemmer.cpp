#include "analysis/persian_stemmer.h"

#include "analysis/unicode_util.h"

namespace kb::analysis {
namespace {

struct Suffix {
  std::u32string_view text;
  size_t min_left;  // letters that must remain after removing it
};

// First match wins in each round; order matters (longest plural forms first).
constexpr Suffix kSuffixes[] = {
    {U"هایشان", 2}, {U"هایتان", 2}, {U"هایمان", 2}, {U"هایی", 2}, {U"های", 2}, {U"ها", 2},
    {U"ترین", 3},   {U"تر", 3},     {U"شان", 4},    {U"تان", 4},  {U"مان", 4}, {U"ات", 3},
    {U"ان", 3},     {U"یی", 2},     {U"ی", 3},
};
constexpr int kMaxRounds = 3;
constexpr size_t kMinWord = 3;

constexpr std::u32string_view kVerbPrefixes[] = {U"نمی", U"می"};
// "my" (م, colloquial object form مو): what customers write about their own
// account, password, order. Not ت/ش: too many nouns end in them (-یت, -ش:
// محدودیت, سفارش), and stripping those measurably hurt ranking.
constexpr std::u32string_view kClitics[] = {U"مو", U"م"};
constexpr std::u32string_view kPersonalEndings[] = {U"یم", U"ید", U"ند", U"م", U"ی", U"د"};

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

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

// Colloquial (spoken Tehrani) verb forms after می/نمی and the formal form
// articles use, including common chat spellings (میخام for میخوام).
constexpr std::pair<std::u32string_view, std::u32string_view> kColloquialVerbs[] = {
    {U"خوام", U"خواهم"}, {U"خوای", U"خواهی"}, {U"خواد", U"خواهد"}, {U"خوایم", U"خواهیم"},
    {U"خواین", U"خواهید"}, {U"خواید", U"خواهید"}, {U"خوان", U"خواهند"},
    {U"خام", U"خواهم"}, {U"خاد", U"خواهد"}, {U"خان", U"خواهند"},
    {U"تونم", U"توانم"}, {U"تونی", U"توانی"}, {U"تونه", U"تواند"}, {U"تونیم", U"توانیم"},
    {U"تونین", U"توانید"}, {U"تونن", U"توانند"},
    {U"شه", U"شود"}, {U"شن", U"شوند"},
    {U"کنه", U"کند"}, {U"کنن", U"کنند"}, {U"کنین", U"کنید"},
    {U"ره", U"رود"}, {U"رن", U"روند"},
    {U"ده", U"دهد"}, {U"دن", U"دهند"},
    {U"گه", U"گوید"}, {U"گن", U"گویند"},
    {U"زنه", U"زند"}, {U"یاد", U"اید"}, {U"یان", U"ایند"},
};

}  // namespace

std::vector<std::string> PersianStemmer::FormalVerbStems(std::string_view word) const {
  const std::u32string w = DecodeUtf8(word);
  for (std::u32string_view prefix : kVerbPrefixes) {
    if (!StartsWith(w, prefix)) continue;
    const std::u32string_view rest = std::u32string_view(w).substr(prefix.size());
    for (const auto& [colloquial, formal] : kColloquialVerbs)
      if (rest == colloquial) return Stems(ToUtf8(std::u32string(formal)));
    return {};
  }
  return {};
}

const std::initializer_list<const char*>& PersianStemmer::ProtectedWords() {
  // Words that look inflected but are not (میز "table", ایران...), plus domain words.
  static const std::initializer_list<const char*> kWords = {
      "میز", "میوه", "میدان", "میهمان", "میلیون", "ایران", "است", "سازمان",
      "میزان", "میان", "میکروفون", "پایان", "زمان",
      "خیابان", "جریان", "ایمان", "درمان", "امکان", "مکان", "باران", "تهران",
      "تنها",  // "only": not a plural of تن
  };
  return kWords;
}

std::u32string PersianStemmer::ToU32(const std::string& s) { return DecodeUtf8(s); }

std::vector<std::string> PersianStemmer::Stems(std::string_view word) const {
  std::u32string w = DecodeUtf8(word);
  if (w.size() < kMinWord || IsProtected(w)) return {std::string(word)};
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
  std::string noun = w.empty() ? std::string(word) : ToUtf8(w);
  if (stems.empty() || stems[0] != noun) stems.push_back(std::move(noun));
  return stems;
}

std::vector<std::string> PersianStemmer::ClitiqueStrippedStems(std::string_view word) const {
  const std::u32string w = DecodeUtf8(word);
  if (IsProtected(w)) return {};
  // A verb with a joined می/نمی ends in a personal ending, not in "my".
  for (std::u32string_view prefix : kVerbPrefixes)
    if (StartsWith(w, prefix)) return {};
  for (std::u32string_view clitic : kClitics) {
    if (EndsWith(w, clitic) && w.size() >= clitic.size() + kMinWord)
      return Stems(ToUtf8(w.substr(0, w.size() - clitic.size())));
  }
  return {};
}

}  // namespace kb::analysis
