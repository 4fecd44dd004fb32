// Synonyms that editors manage in the articles repo (`_synonyms.yml` at the
// root), plus the built-in help-desk ones ANALYSIS.md lists.
//
// File format (one block per language; comments allowed):
//
//   en:
//     - [email, e-mail]            # equivalent: any of them also finds the others
//     - [log in, sign in, login]   # entries may be phrases
//     - nuvo+ => nuvo plus         # one-way: typing the left also searches the right
//     - plus, prime => nuvo plus   # several left sides
//   he:
//     - [סיסמה, ססמה]
//
// Plain values; the functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/article.h"

namespace kb {

// Typing any of `from` (in language `lang`) also searches each of `to`.
// An equivalence group is the rule from = to = the group.
struct SynonymRule {
  std::string lang;
  std::vector<std::string> from;
  std::vector<std::string> to;
  int line = 0;  // line in the synonyms file (0 for built-in rules)
};

// Parses a synonyms file. On success returns its rules (none for an empty
// file); otherwise no rules and one `path:line: message` problem per problem
// found (invalid UTF-8, bad YAML, a key that is not a language code, an entry
// that is neither a list of two or more texts nor "a => b", empty texts).
Diagnosed<std::vector<SynonymRule>> ParseSynonyms(std::string_view path, std::string_view bytes);

// The built-in general help-desk synonyms (ANALYSIS.md §6.5, extended to the
// help-desk vocabulary of en, he, fa and el): src/articles/helpdesk_synonyms.yml.
std::vector<SynonymRule> BuiltInSynonyms();

// JSON round trip (how the rules are stored in the index metadata).
std::string EncodeSynonyms(const std::vector<SynonymRule>& rules);
std::vector<SynonymRule> DecodeSynonyms(std::string_view json);  // bad JSON: no rules

}  // namespace kb
