// The one place where profiles are registered (kb/analysis/language_profile.h),
// and the lookups over them.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "../unicode_util.h"
#include "profiles.h"

namespace kb::analysis {
namespace {

// Every profile, in registry order: Hebrew, Greek and Persian first (their
// letters win DetectLanguage's ties in that order).
std::vector<LanguageProfile> Register() {
  std::vector<LanguageProfile> all = {HebrewProfile(), GreekProfile(), PersianProfile(),
                                      ArabicProfile(), EnglishProfile()};
  for (std::vector<LanguageProfile> table : {SnowballProfiles(), ScriptOnlyProfiles()})
    for (LanguageProfile& p : table) all.push_back(std::move(p));
  return all;
}

// What is derived from the profiles once.
struct Registry {
  std::vector<LanguageProfile> profiles = Register();
  std::vector<UScriptCode> scripts;  // per profile
  std::array<const LanguageProfile*, USCRIPT_CODE_LIMIT> owners{}, defaults{};
  std::array<std::vector<const LanguageProfile*>, USCRIPT_CODE_LIMIT> by_script;

  Registry() {
    for (const LanguageProfile& p : profiles) {
      const UScriptCode script = ScriptCode(p.script);
      scripts.push_back(script);
      if (script < 0 || script >= USCRIPT_CODE_LIMIT) continue;
      by_script[script].push_back(&p);
      if (p.owns_script_words && owners[script] == nullptr) owners[script] = &p;
      if (p.detection.group > 0 && defaults[script] == nullptr) defaults[script] = &p;
    }
  }
};

const Registry& TheRegistry() {
  static const Registry registry;  // constant once built (thread-safe initialization)
  return registry;
}

}  // namespace

UScriptCode ScriptCode(std::string_view iso15924) {
  const int32_t code = u_getPropertyValueEnum(UCHAR_SCRIPT, std::string(iso15924).c_str());
  return code < 0 ? USCRIPT_INVALID_CODE : static_cast<UScriptCode>(code);
}

namespace {

const LanguageProfile* ByScript(const std::array<const LanguageProfile*, USCRIPT_CODE_LIMIT>& by,
                                UScriptCode script) {
  return script < 0 || script >= USCRIPT_CODE_LIMIT ? nullptr : by[script];
}

}  // namespace

const std::vector<LanguageProfile>& AllProfiles() { return TheRegistry().profiles; }

const LanguageProfile* ProfileFor(std::string_view code) {
  for (const LanguageProfile& p : AllProfiles())
    if (p.code == code) return &p;
  return nullptr;
}

UScriptCode ScriptCodeOf(const LanguageProfile& profile) {
  const Registry& r = TheRegistry();
  const auto at = static_cast<size_t>(&profile - r.profiles.data());
  return at < r.scripts.size() ? r.scripts[at] : ScriptCode(profile.script);
}

const LanguageProfile* ScriptOwner(UScriptCode script) {
  return ByScript(TheRegistry().owners, script);
}

const std::vector<const LanguageProfile*>& ProfilesOfScript(UScriptCode script) {
  static const std::vector<const LanguageProfile*> kNone;
  return script < 0 || script >= USCRIPT_CODE_LIMIT ? kNone : TheRegistry().by_script[script];
}

const LanguageProfile* ScriptDefaultOf(UScriptCode script) {
  return ByScript(TheRegistry().defaults, script);
}

const LanguageProfile* ScriptDefault(std::string_view script) {
  return ScriptDefaultOf(ScriptCode(script));
}

std::vector<const LanguageProfile*> TransliteratedFrom(std::string_view script) {
  std::vector<const LanguageProfile*> out;
  for (const LanguageProfile& p : AllProfiles())
    if (p.transliteration != nullptr && p.transliteration->typed_in == script) out.push_back(&p);
  return out;
}

bool IsTypedIn(std::string_view lang, std::string_view script) {
  const LanguageProfile* p = ProfileFor(lang);
  return p != nullptr && p->transliteration != nullptr && p->transliteration->typed_in == script;
}

std::string_view ScriptOfWord(std::string_view folded) {
  if (folded.empty()) return {};
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(folded.size()), c);
  if (c < 0 || !IsLetter(static_cast<char32_t>(c))) return {};
  const char* name = uscript_getShortName(LetterScript(static_cast<char32_t>(c)));
  return name == nullptr ? std::string_view() : std::string_view(name);
}

}  // namespace kb::analysis
