#include "kb/query/synonym_expander.h"

#include <algorithm>

#include "stem_start.h"

namespace kb {
namespace {

// By exact form or a shared stem.
bool SameWord(const Token& query, const Token& key) {
  if (query.term == key.term) return true;
  for (const std::string& s : query.stems)
    if (std::find(key.stems.begin(), key.stems.end(), s) != key.stems.end()) return true;
  return false;
}

std::vector<std::string> Terms(const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  for (const Token& t : tokens) terms.push_back(t.term);
  return terms;
}

}  // namespace

Alternative AlternativeOf(const std::vector<Token>& tokens) {
  Alternative alt;
  alt.exact = Terms(tokens);
  if (tokens.size() == 1) alt.stems = tokens[0].stems;
  return alt;
}

SynonymExpander::SynonymExpander(const std::vector<SynonymRule>& rules, Analyzer& analyzer) {
  for (const SynonymRule& rule : rules) {
    std::vector<std::vector<Token>> to;
    for (const std::string& text : rule.to) {
      std::vector<Token> tokens = analyzer.Analyze(text, rule.lang);
      if (!tokens.empty()) to.push_back(std::move(tokens));
    }
    for (const std::string& text : rule.from) {
      Key key{rule.lang, analyzer.Analyze(text, rule.lang), {}};
      if (key.tokens.empty()) continue;
      // A rule's key is written as a base word: its Hebrew candidates that
      // strip letters off its start (משלוח -> לוח "board", כניסה -> ניסה
      // "tried") are other words, and would apply the rule to them.
      for (Token& token : key.tokens) KeepStemsKeepingStart(&token, 0);
      const std::vector<std::string> key_terms = Terms(key.tokens);
      for (const auto& alt : to)
        if (Terms(alt) != key_terms) key.alternatives.push_back(AlternativeOf(alt));
      if (key.alternatives.empty()) continue;
      if (key.tokens.size() == 1) key_words_.emplace(rule.lang, key.tokens[0].term);
      keys_.push_back(std::move(key));
    }
  }
  // Longest keys first, so "log in" wins over "log".
  std::stable_sort(keys_.begin(), keys_.end(),
                   [](const Key& a, const Key& b) { return a.tokens.size() > b.tokens.size(); });
}

bool SynonymExpander::IsKeyWord(const std::string& lang, const std::string& term) const {
  return key_words_.count({lang, term}) > 0;
}

std::vector<SynonymMatch> SynonymExpander::Match(const std::vector<Token>& tokens,
                                                 const std::string& lang) const {
  std::vector<SynonymMatch> matches;
  for (size_t i = 0; i < tokens.size();) {
    const Key* found = nullptr;
    for (const Key& key : keys_) {
      if (key.lang != lang || i + key.tokens.size() > tokens.size()) continue;
      bool all = true;
      for (size_t k = 0; k < key.tokens.size() && all; ++k) {
        const Token& q = tokens[i + k];
        all =
            SameWord(q, key.tokens[k]) && (k == 0 || q.position == tokens[i + k - 1].position + 1);
      }
      if (all) {
        found = &key;
        break;
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    matches.push_back({i, i + found->tokens.size() - 1, found->alternatives});
    i += found->tokens.size();
  }
  return matches;
}

}  // namespace kb
