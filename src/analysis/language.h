// Language tags as the analyzer reads them. What each language does is its
// profile's (kb/analysis/language_profile.h); DetectLanguage and
// SameScriptLanguages (kb/analysis/analysis.h) read the profiles too.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kb::analysis {

// The profile code of a language tag: lowercase, region dropped ("pt-BR" -> "pt").
std::string LanguageCode(std::string_view lang);

}  // namespace kb::analysis
