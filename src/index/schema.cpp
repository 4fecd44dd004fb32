#include "schema.h"

#include <cctype>

#include "kb/articles/article.h"
#include "kb/core/sha256.h"

namespace kb::schema {

namespace {
std::string HashedIfLong(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (term.size() + value.size() <= kMaxTermBytes) return term.append(value);
  return term.append("#").append(Sha256Hex(value));
}
}  // namespace

std::string IdTerm(std::string_view id) { return HashedIfLong(kId, id); }
std::string TranslationOfTerm(std::string_view id) { return HashedIfLong(kTranslationOf, id); }

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  for (char c : value)
    term.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  return term;
}

std::string SampleBucketTerm(unsigned bucket) {
  return std::string(kSample) + std::to_string(bucket % kSampleBuckets);
}

std::string SampleTerm(std::string_view id) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a: stable across builds and machines
  for (char c : id) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return SampleBucketTerm(static_cast<unsigned>(hash % kSampleBuckets));
}

std::vector<std::string> TitleTerms(const std::vector<std::string>& exact,
                                    const std::vector<std::string>& stems) {
  std::vector<std::string> terms;
  terms.reserve(exact.size() + stems.size());
  for (const std::string& form : exact) terms.push_back(Term(kTitle, form));
  for (const std::string& stem : stems) terms.push_back(Term(kTitleStem, stem));
  return terms;
}

}  // namespace kb::schema
