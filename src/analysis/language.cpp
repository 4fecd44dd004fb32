// Language codes, and the query's language by script, from the profiles.
#include "language.h"

#include <map>
#include <set>

#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "profiles/profiles.h"
#include "unicode_util.h"

namespace kb {
namespace analysis {

std::string LanguageCode(std::string_view lang) {
  std::string code;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    code.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return code;
}

namespace {

// Letters of a text per script's usual language, and the languages whose marks it has.
struct LetterCounts {
  std::map<const LanguageProfile*, size_t> letters;
  std::set<const LanguageProfile*> marked;
};

LetterCounts CountLetters(std::string_view text) {
  LetterCounts counts;
  for (char32_t c : DecodeUtf8(text)) {
    if (!IsLetter(c)) continue;
    const UScriptCode script = LetterScript(c);
    const LanguageProfile* usual = ScriptDefaultOf(script);
    if (usual == nullptr) continue;
    ++counts.letters[usual];
    for (const LanguageProfile* p : ProfilesOfScript(script))
      if (p->detection.marks != nullptr && p->detection.marks(c)) counts.marked.insert(p);
  }
  return counts;
}

// The usual language of the script that wins: group 1 first (ties to the
// profile registered first), then group 2 (ties to the smaller code).
const LanguageProfile* WinningScript(const LetterCounts& counts) {
  const LanguageProfile* best = nullptr;
  size_t most = 0;
  for (const LanguageProfile& p : AllProfiles()) {
    auto it = counts.letters.find(&p);
    if (p.detection.group == 1 && it != counts.letters.end() && it->second > most) {
      best = &p;
      most = it->second;
    }
  }
  if (best != nullptr) return best;
  for (const auto& [p, letters] : counts.letters) {
    if (p->detection.group != 2) continue;
    if (letters > most || (letters == most && best != nullptr && p->code < best->code)) {
      best = p;
      most = letters;
    }
  }
  return best;
}

// The language of a text whose letters name `usual`: one whose marks it has,
// else one named when indexed (unless the text has `usual`'s marks), else `usual`.
std::string OfScript(const LanguageProfile& usual, const LetterCounts& counts,
                     const LanguageIndexed& indexed) {
  const auto& same = ProfilesOfScript(ScriptCodeOf(usual));
  for (const LanguageProfile* p : same)
    if (p != &usual && p->detection.marks != nullptr && counts.marked.count(p)) return p->code;
  if (usual.detection.marks == nullptr || !counts.marked.count(&usual))
    for (const LanguageProfile* p : same)
      if (p->detection.when_indexed && indexed && indexed(p->code)) return p->code;
  return usual.code;
}

std::string Detect(std::string_view text, std::string_view latin_default,
                   const LanguageIndexed& indexed) {
  const LetterCounts counts = CountLetters(text);
  if (const LanguageProfile* best = WinningScript(counts)) return OfScript(*best, counts, indexed);
  for (const auto& [p, letters] : counts.letters)
    if (p->detection.group == 3 && letters > 0)
      return latin_default.empty() ? p->code : std::string(latin_default);
  return "";
}

}  // namespace
}  // namespace analysis

std::string DetectLanguage(std::string_view text, const LanguageIndexed& indexed) {
  return analysis::Detect(text, {}, indexed);
}

std::string DetectLanguage(std::string_view text, std::string_view latin_default,
                           bool others_indexed) {
  return analysis::Detect(text, latin_default,
                          [others_indexed](std::string_view) { return others_indexed; });
}

std::vector<std::string> SameScriptLanguages(std::string_view lang) {
  std::vector<std::string> out;
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  if (profile == nullptr) return out;
  for (const analysis::LanguageProfile* p :
       analysis::ProfilesOfScript(analysis::ScriptCodeOf(*profile)))
    if (p != profile && p->detection.same_script_fallback) out.push_back(p->code);
  return out;
}

}  // namespace kb
