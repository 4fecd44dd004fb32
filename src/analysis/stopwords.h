// Built-in stopword lists (written for kb; no third-party list copied). The
// entries are raw text: the Analyzer runs each through the char filter at
// construction so they compare equal to analyzed terms.
// Thread-safe (constant data).
#pragma once

#include <initializer_list>

namespace kb::analysis {

const std::initializer_list<const char*>& HebrewStopwords();
const std::initializer_list<const char*>& PersianStopwords();
const std::initializer_list<const char*>& GreekStopwords();
const std::initializer_list<const char*>& EnglishStopwords();

}  // namespace kb::analysis
