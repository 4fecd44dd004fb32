// A kb::Vocabulary for query-understanding tests: knows a fixed set of exact
// words (and, if given, stems and phrases), suggests from a fixed map and reads
// the listed Latin words as Greeklish. Not thread-safe; one per test.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kb/query/vocabulary.h"

namespace kb::test {

class FakeVocabulary : public kb::Vocabulary {
 public:
  FakeVocabulary(std::set<std::string> words, std::map<std::string, std::string> suggestions)
      : words_(std::move(words)), suggestions_(std::move(suggestions)) {}
  bool Known(const kb::Token& token) override {
    if (words_.count(token.term)) return true;
    for (const std::string& s : token.stems)
      if (stems.count(s)) return true;
    return false;
  }
  bool KnownWord(const std::string& term) override { return words_.count(term) > 0; }
  std::string Suggest(const std::string& term) override {
    auto it = suggestions_.find(term);
    return it == suggestions_.end() ? std::string() : it->second;
  }
  bool KnownPhrase(const std::vector<std::string>& words) override {
    return phrases.count(words) > 0;
  }
  kb::GreekForms GreeklishForms(const std::string& word) override {
    auto it = greeklish.find(word);
    return it == greeklish.end() ? kb::GreekForms{} : it->second;
  }

  std::set<std::string> stems;                      // stems some article has
  std::set<std::vector<std::string>> phrases;       // word sequences some article has
  std::map<std::string, kb::GreekForms> greeklish;  // Latin word -> the Greek it stands for

 private:
  std::set<std::string> words_;
  std::map<std::string, std::string> suggestions_;
};

}  // namespace kb::test
