// The profiles of the languages kb knows (kb/analysis/language_profile.h),
// one function per file, and what the analysis part derives from them once
// (ICU script codes, which language owns a script's words). Private to
// the analysis part. Pure; thread-safe.
#pragma once

#include <unicode/uscript.h>

#include <string_view>
#include <vector>

#include "kb/analysis/language_profile.h"

namespace kb::analysis {

// One file each (he.cpp, el.cpp, fa.cpp, ar.cpp, en.cpp).
LanguageProfile HebrewProfile();
LanguageProfile GreekProfile();
LanguageProfile PersianProfile();
LanguageProfile ArabicProfile();
LanguageProfile EnglishProfile();
// tables.cpp: the languages with a Snowball stemmer and nothing else of
// their own, and those kb knows only by their script.
std::vector<LanguageProfile> SnowballProfiles();
std::vector<LanguageProfile> ScriptOnlyProfiles();

// The ICU script of an ISO 15924 code ("Latn"); USCRIPT_INVALID_CODE for none.
UScriptCode ScriptCode(std::string_view iso15924);

// The ICU script of a profile's ISO 15924 `script` (USCRIPT_INVALID_CODE for none).
UScriptCode ScriptCodeOf(const LanguageProfile& profile);

// The profile whose words a word of `script` is in any text
// (LanguageProfile::owns_script_words), or null.
const LanguageProfile* ScriptOwner(UScriptCode script);

// The profiles written in `script`, in registry order.
const std::vector<const LanguageProfile*>& ProfilesOfScript(UScriptCode script);

// The language DetectLanguage names for letters of `script`
// (Detection::group > 0), or null.
const LanguageProfile* ScriptDefaultOf(UScriptCode script);

}  // namespace kb::analysis
