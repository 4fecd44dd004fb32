#include "kb/query/dictionary.h"

#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/uset.h>

#include <filesystem>
#include <hunspell.hxx>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "kb/analysis/language_profile.h"
#include "kb/analysis/text.h"

namespace kb {
namespace {

constexpr const char* kDirectories[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts"};

// Longer words are not checked edit by edit: ~50 candidates a letter.
constexpr size_t kMaxLetters = 24;

using analysis::DecodeUtf8;
using analysis::ToUtf8;

class HunspellWordList : public WordList {
 public:
  HunspellWordList(const std::string& aff, const std::string& dic, std::u32string_view letters)
      : hunspell_(aff.c_str(), dic.c_str()), letters_(letters) {}

  bool IsWord(const std::string& folded) override {
    if (folded.empty()) return false;  // hunspell accepts the empty word
    std::lock_guard<std::mutex> lock(mutex_);
    return SpellLocked(folded);
  }

  std::vector<std::string> WordsOneEditAway(const std::string& folded) override {
    std::vector<std::string> words;
    const std::vector<std::string> forms = OneEditForms(folded, letters_);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& form : forms)
      if (SpellLocked(form)) words.push_back(form);
    return words;
  }

 private:
  bool SpellLocked(const std::string& folded) {
    if (hunspell_.spell(folded)) return true;
    // Proper nouns and names are capitalised in the dictionary.
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(folded);
    if (s.isEmpty()) return false;
    icu::UnicodeString capitalised = s.tempSubString(0, 1);
    capitalised.toUpper().append(s.tempSubString(1));
    std::string utf8;
    capitalised.toUTF8String(utf8);
    return utf8 != folded && hunspell_.spell(utf8);
  }

  std::mutex mutex_;
  Hunspell hunspell_;
  const std::u32string_view letters_;
};

// The language's dictionary (its profile's), if installed.
std::unique_ptr<WordList> Load(const analysis::LanguageProfile& profile) {
  for (const char* dir : kDirectories) {
    const std::string base = std::string(dir) + "/" + profile.dictionary;
    std::error_code ec;
    if (std::filesystem::exists(base + ".aff", ec) && std::filesystem::exists(base + ".dic", ec))
      return std::make_unique<HunspellWordList>(base + ".aff", base + ".dic", profile.letters);
  }
  return nullptr;
}

}  // namespace

namespace {

// The letters of `lang`'s standard exemplar set in ICU's locale data (CLDR:
// the letters its writing uses, lower case), single code points only.
std::u32string ExemplarLetters(const std::string& lang) {
  std::u32string letters;
  UErrorCode status = U_ZERO_ERROR;
  ULocaleData* data = ulocdata_open(lang.c_str(), &status);
  if (U_FAILURE(status)) return letters;
  // A language ICU does not know opens the root locale, whose letters are not its.
  const bool unknown = status == U_USING_DEFAULT_WARNING;
  status = U_ZERO_ERROR;
  USet* set =
      unknown ? nullptr : ulocdata_getExemplarSet(data, nullptr, 0, ULOCDATA_ES_STANDARD, &status);
  if (U_SUCCESS(status) && set != nullptr) {
    for (int32_t i = 0; i < uset_getItemCount(set); ++i) {
      UChar32 start = 0, end = 0;
      UErrorCode item_status = U_ZERO_ERROR;
      if (uset_getItem(set, i, &start, &end, nullptr, 0, &item_status) != 0) continue;  // a string
      for (UChar32 c = start; c <= end && letters.size() < kMaxExemplarLetters; ++c)
        letters.push_back(static_cast<char32_t>(c));
    }
  }
  if (set != nullptr) uset_close(set);
  ulocdata_close(data);
  return letters;
}

}  // namespace

std::u32string_view LettersOf(std::string_view lang) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  return profile != nullptr ? std::u32string_view(profile->letters) : std::u32string_view();
}

std::u32string_view SuggestionLettersOf(std::string_view lang) {
  const std::u32string_view listed = LettersOf(lang);
  if (!listed.empty() || lang.empty()) return listed;
  // Looked up in ICU once per language and kept.
  static std::mutex mutex;
  static std::map<std::string, std::u32string, std::less<>> known;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = known.find(lang);
  if (it == known.end())
    it = known.emplace(std::string(lang), ExemplarLetters(std::string(lang))).first;
  return it->second;
}

namespace {

// The forms of `w` with one letter left out, then those with two neighbours
// swapped.
std::vector<std::u32string> DropsAndSwaps(const std::u32string& w) {
  std::vector<std::u32string> candidates;
  for (size_t i = 0; i < w.size(); ++i) candidates.push_back(w.substr(0, i) + w.substr(i + 1));
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    std::u32string t = w;
    std::swap(t[i], t[i + 1]);
    candidates.push_back(t);
  }
  return candidates;
}

// `candidates` as UTF-8, in order, without duplicates, empty forms or `w`.
std::vector<std::string> UniqueForms(const std::u32string& w,
                                     const std::vector<std::u32string>& candidates) {
  std::vector<std::string> forms;
  std::set<std::u32string> seen{w};
  for (const std::u32string& c : candidates)
    if (!c.empty() && seen.insert(c).second) forms.push_back(ToUtf8(c));
  return forms;
}

}  // namespace

std::vector<std::string> DropAndSwapForms(const std::string& folded) {
  const std::u32string w = DecodeUtf8(folded);
  return UniqueForms(w, DropsAndSwaps(w));
}

std::vector<std::string> OneEditForms(const std::string& folded, std::u32string_view letters) {
  const std::u32string w = DecodeUtf8(folded);
  if (w.empty() || w.size() > kMaxLetters) return {};
  // A word with a character the language's letters do not have (another
  // script, digits) has no word one letter away.
  for (char32_t c : w)
    if (letters.find(c) == std::u32string_view::npos) return {};
  std::vector<std::u32string> candidates = DropsAndSwaps(w);
  for (size_t i = 0; i < w.size(); ++i)
    for (char32_t c : letters)
      if (c != w[i]) candidates.push_back(w.substr(0, i) + c + w.substr(i + 1));
  for (size_t i = 0; i <= w.size(); ++i)
    for (char32_t c : letters) candidates.push_back(w.substr(0, i) + c + w.substr(i));
  return UniqueForms(w, candidates);
}

std::vector<std::string> PrefixStrippedForms(const std::string& folded) {
  const std::u32string w = DecodeUtf8(folded);
  std::vector<std::u32string> candidates;
  for (size_t k = 1; k <= kMaxStrippedPrefix && w.size() >= k + kMinPrefixStem; ++k)
    candidates.push_back(w.substr(k));
  return UniqueForms(w, candidates);
}

WordList* DictionaryFor(std::string_view lang) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  if (profile == nullptr || profile->dictionary.empty()) return nullptr;
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<WordList>, std::less<>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = loaded.find(lang); it != loaded.end()) return it->second.get();
  return loaded.emplace(std::string(lang), Load(*profile)).first->second.get();
}

}  // namespace kb
