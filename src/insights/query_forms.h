// The two forms of a query the reports group by: the normalized query
// (the analyzer's char filter, whitespace collapsed: "Reset  PASSWORD" ->
// "reset password") and its analysed form (the stems of its words without
// stopwords, sorted and unique: "resetting my passwords" -> "password reset"),
// so that variants of one question fall into one content gap.
// Not thread-safe: it uses the caller's Analyzer.
#pragma once

#include <string>
#include <string_view>

#include "kb/analysis/analysis.h"

namespace kb {

struct QueryForms {
  std::string normalized;
  std::string analysed;  // the normalized query when no word is left
};

QueryForms FormsOf(Analyzer& analyzer, std::string_view query, std::string_view lang);

}  // namespace kb
