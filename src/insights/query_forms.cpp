#include "query_forms.h"

#include <algorithm>
#include <vector>

namespace kb {
namespace {

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

QueryForms FormsOf(Analyzer& analyzer, std::string_view query, std::string_view lang) {
  QueryForms forms;
  forms.normalized = CollapseSpaces(analyzer.Normalize(query, lang));
  std::vector<std::string> words;
  for (const Token& token : analyzer.Analyze(query, lang)) {
    if (token.stopword) continue;
    words.push_back(token.stems.empty() ? token.term : token.stems.front());
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (const std::string& w : words) forms.analysed += (forms.analysed.empty() ? "" : " ") + w;
  if (forms.analysed.empty()) forms.analysed = forms.normalized;
  return forms;
}

}  // namespace kb
