#include "query/compound_verbs.h"

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fake_vocabulary.h"
#include "kb/analysis/analysis.h"
#include "kb/analysis/text.h"

namespace {

std::string NounStem(const std::string& word) {
  return kb::analysis::ToUtf8(kb::PersianLightVerbNounStem(word));
}

// The stems of each word's compound-noun alternatives, as UnderstandQuery
// gives them for `query` with a vocabulary whose articles have `stems`.
std::vector<std::vector<std::string>> CompoundNouns(const std::string& query,
                                                    const std::string& lang,
                                                    const std::set<std::string>& stems,
                                                    bool with_rule = true) {
  static std::unique_ptr<kb::Analyzer> analyzer = kb::NewAnalyzer();
  kb::test::FakeVocabulary vocabulary({}, {});
  vocabulary.stems = stems;
  kb::QueryResources resources{analyzer.get(), &vocabulary};
  resources.features.typo_repair = false;
  resources.features.vowel_letters = false;
  resources.features.compound_verbs = with_rule;
  std::vector<std::vector<std::string>> out;
  for (const kb::QueryWord& word : kb::UnderstandQuery(query, lang, resources).words) {
    out.emplace_back();
    for (const kb::Alternative& alternative : word.alternatives)
      if (alternative.weight < 1)
        out.back().insert(out.back().end(), alternative.stems.begin(), alternative.stems.end());
  }
  return out;
}

using Words = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("compound verbs: the forms of گرفتن, دادن and زدن, written and colloquial") {
  for (const char* form :
       {"میگیرم", "بگیرید", "نمیگیرد", "گرفت", "گرفتم", "نگرفتند", "گرفته", "میگیره", "بگیرن"})
    CHECK(NounStem(form) == "گیر");
  CHECK(NounStem("میدهد") == "ده");
  CHECK(NounStem("بده") == "ده");
  CHECK(NounStem("میزنه") == "زن");
  // The bare present stem is another word (گیر "stuck"), as are the nouns
  // and other verbs.
  for (const char* other : {"گیر", "گیری", "جلوگیری", "گرفتار", "میگردم", "تور", "take", ""})
    CHECK(NounStem(other).empty());
}

TEST_CASE("compound verbs: the words before a light verb also search their joined noun") {
  const std::set<std::string> stems = {"جلوگیر", "یادگیر", "تورگیر"};
  // "The antivirus prevents Tor": جلوی (stem جلو) also searches جلوگیری;
  // تور too would, were its noun in an article; the verb itself does not.
  CHECK(CompoundNouns("آنتی ویروس جلوی تور رو میگیره", "fa", stems) ==
        Words{{}, {}, {"جلوگیر"}, {"تورگیر"}, {}, {}});
  CHECK(CompoundNouns("چطور یاد بگیرم", "fa", stems) == Words{{}, {"یادگیر"}, {}});
  // Two forms of one light verb: the noun once.
  CHECK(CompoundNouns("یاد بگیرم بگیرم", "fa", stems) == Words{{"یادگیر"}, {}, {}});
  // Only nouns some article has; only before the verb; only in Persian;
  // only with the switch.
  CHECK(CompoundNouns("چطور یاد بگیرم", "fa", {}) == Words{{}, {}, {}});
  CHECK(CompoundNouns("میگیرم یاد", "fa", stems) == Words{{}, {}});
  CHECK(CompoundNouns("یاد میگیرم", "en", stems) == Words{{}, {}});
  CHECK(CompoundNouns("چطور یاد بگیرم", "fa", stems, false) == Words{{}, {}, {}});
}
