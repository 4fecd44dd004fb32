#include "compound_verbs.h"

#include "kb/analysis/text.h"
#include "kb/core/vector_util.h"
#include "related_stems.h"

namespace kb {
namespace {

// As the Hebrew verbal nouns (verbal_nouns.cpp): a related word, not the word.
constexpr double kCompoundNounWeight = 0.25;

// The light verbs whose nouns are written joined: the noun ends in the present
// stem and ی, which the Persian stemmer drops (جلوگیری: جلوگیر).
struct LightVerb {
  std::u32string_view past, present;
};
constexpr LightVerb kLightVerbs[] = {{U"گرفت", U"گیر"}, {U"داد", U"ده"}, {U"زد", U"زن"}};

// Person endings, written and colloquial (میگیره for می‌گیرد, میگیرن for
// می‌گیرند); the past also its participle (گرفته).
constexpr std::u32string_view kPresentEndings[] = {U"",   U"م",  U"ی", U"د", U"یم",
                                                   U"ید", U"ند", U"ه", U"ن"};
constexpr std::u32string_view kPastEndings[] = {U"", U"م", U"ی", U"یم", U"ید", U"ند", U"ه", U"ن"};
// A present form needs one of these (the bare stem is another word); a past
// form may have the negative ن.
constexpr std::u32string_view kPresentPrefixes[] = {U"نمی", U"می", U"ب", U"ن"};
constexpr std::u32string_view kPastPrefixes[] = {U"ن", U""};

// Whether `w` is one of `prefixes`, then `stem`, then one of `endings`.
template <size_t P, size_t E>
bool IsFormOf(std::u32string_view w, const std::u32string_view (&prefixes)[P],
              std::u32string_view stem, const std::u32string_view (&endings)[E]) {
  for (std::u32string_view prefix : prefixes) {
    if (!analysis::StartsWith(w, prefix)) continue;
    for (std::u32string_view ending : endings)
      if (analysis::IsStemPlusEnding(w.substr(prefix.size()), stem, ending)) return true;
  }
  return false;
}

}  // namespace

std::u32string_view PersianLightVerbNounStem(std::string_view word) {
  const std::u32string w = analysis::DecodeUtf8(word);
  for (const LightVerb& verb : kLightVerbs)
    if (IsFormOf(w, kPresentPrefixes, verb.present, kPresentEndings) ||
        IsFormOf(w, kPastPrefixes, verb.past, kPastEndings))
      return verb.present;
  return {};
}

void AddCompoundVerbNouns(std::string_view lang, Vocabulary& vocabulary,
                          std::vector<QueryWord>* words) {
  if (lang != "fa") return;
  // The noun stems of the light verbs after each word, each once.
  std::vector<std::string> later;
  for (size_t i = words->size(); i-- > 0;) {
    QueryWord& word = (*words)[i];
    if (!word.phrase && !word.stopword && !later.empty()) {
      AddRelatedStems(
          vocabulary,
          [&](const std::string& stem) {
            std::vector<std::string> nouns;
            for (const std::string& light_stem : later) nouns.push_back(stem + light_stem);
            return nouns;
          },
          kCompoundNounWeight, &word);
    }
    if (word.phrase || word.exact.empty()) continue;
    const std::u32string_view light_stem = PersianLightVerbNounStem(word.exact.front());
    if (!light_stem.empty()) AppendIfAbsent(&later, analysis::ToUtf8(light_stem));
  }
}

}  // namespace kb
