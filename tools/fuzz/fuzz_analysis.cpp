// libFuzzer target: the analyzer (char filter, tokenizer, stemmers, unspaced
// text, language detection) on arbitrary bytes. Besides crashes and sanitizer
// reports it checks the contract of include/kb/analysis.h: Normalize gives
// valid UTF-8 and is idempotent, spans inside the input, non-empty valid
// UTF-8 terms, positions in order, index and query analysis agreeing, and the
// same output twice.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "kb/analysis/analysis.h"
#include "kb/core/utf8.h"

namespace {

// The languages whose analysis differs, and "" (per-word dispatch by script).
constexpr const char* kLanguages[] = {"",   "en", "he", "fa", "el", "ar", "de", "ru",
                                      "tr", "zh", "ja", "ko", "th", "fr", "xx"};

using kb::fuzz::Fail;

void CheckTokens(const std::vector<kb::Token>& tokens, std::string_view text) {
  uint32_t last_position = 0;
  for (const kb::Token& token : tokens) {
    if (token.term.empty() || !kb::IsValidUtf8(token.term)) Fail("term empty or not UTF-8");
    if (token.begin > token.end || token.end > text.size()) Fail("span outside the input");
    if (token.position < last_position) Fail("positions out of order");
    last_position = token.position;
    for (const auto* list : {&token.stems, &token.extra_terms})
      for (const std::string& term : *list)
        if (term.empty() || !kb::IsValidUtf8(term)) Fail("stem or extra term empty or not UTF-8");
  }
}

std::string Describe(const kb::Token& token) {
  std::string out = token.term + " @" + std::to_string(token.position) + " [" +
                    std::to_string(token.begin) + "," + std::to_string(token.end) + ") stems:";
  for (const std::string& stem : token.stems) out += " " + stem;
  return out;
}

// Names the first token that differs, so a crash report says what broke.
bool SameTerms(const std::vector<kb::Token>& a, const std::vector<kb::Token>& b) {
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    // A query may take a word as a stopword that the index stems (a Latin
    // word in a Greek query that reads as a Greeklish stopword: "na", "se").
    if (i < a.size() && i < b.size() && a[i].term == b[i].term && a[i].begin == b[i].begin &&
        a[i].end == b[i].end && a[i].position == b[i].position &&
        (a[i].stems == b[i].stems || b[i].stopword))
      continue;
    std::fprintf(stderr, "token %zu: %s | %s\n", i,
                 i < a.size() ? Describe(a[i]).c_str() : "(none)",
                 i < b.size() ? Describe(b[i]).c_str() : "(none)");
    return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<kb::Analyzer> analyzer = kb::NewAnalyzer();
  if (size == 0) return 0;
  std::string_view lang = kLanguages[data[0] % (sizeof kLanguages / sizeof *kLanguages)];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const std::string normalized = analyzer->Normalize(text, lang);
  if (!kb::IsValidUtf8(normalized)) Fail("Normalize gave invalid UTF-8");
  if (analyzer->Normalize(normalized, lang) != normalized) Fail("Normalize is not idempotent");
  auto tokens = analyzer->Analyze(text, lang);
  CheckTokens(tokens, text);
  auto query_tokens = analyzer->AnalyzeQuery(text, lang);
  CheckTokens(query_tokens, text);
  if (!SameTerms(tokens, query_tokens)) Fail("Analyze and AnalyzeQuery disagree");
  if (!SameTerms(tokens, analyzer->Analyze(text, lang))) Fail("Analyze is not deterministic");

  std::string detected = kb::DetectLanguage(text, "en", data[0] & 1);
  kb::SameScriptLanguages(detected);
  return 0;
}
