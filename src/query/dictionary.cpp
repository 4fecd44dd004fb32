#include "kb/query/dictionary.h"

#include <unicode/unistr.h>

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

std::u32string_view LettersOf(std::string_view lang) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  return profile != nullptr ? std::u32string_view(profile->letters) : std::u32string_view();
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
