// Language codes known to the analyzer: which Snowball stemmer (libstemmer)
// a code uses and which script that stemmer handles. Hebrew, Greek and
// Persian have their own stemmers in the analyzer and no entry here.
// Pure functions; thread-safe.
#pragma once

#include <unicode/uscript.h>

#include <string>
#include <string_view>

namespace kb::analysis {

struct LanguageInfo {
  std::string code;                     // normalized: lowercase, region dropped ("pt-BR" -> "pt")
  const char* snowball = nullptr;       // Snowball stemmer name (snowball_stemmer.h), or nullptr
  UScriptCode script = USCRIPT_COMMON;  // script `snowball` stems (COMMON without a stemmer)
};

// Info for `lang` ("" or unknown: code only, no stemmer).
LanguageInfo ResolveLanguage(std::string_view lang);

// True for a Latin-script language with its own Snowball stemmer other than English.
inline bool IsOtherLatinSnowball(const LanguageInfo& info) {
  return info.snowball != nullptr && info.script == USCRIPT_LATIN && info.code != "en";
}

}  // namespace kb::analysis
