#include "kb/query/thesaurus.h"

#include <wn.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

#include "kb/analysis/language_profile.h"
#include "kb/core/vector_util.h"

namespace kb {
namespace {

// Longer inputs are not words WordNet has; bounds the work for hostile queries.
constexpr size_t kMaxWordBytes = 64;

// libwordnet keeps global state and static buffers: one lock for all calls.
std::mutex& WordNetMutex() {
  static std::mutex mutex;
  return mutex;
}

// Words looked up are remembered (a lookup reads WordNet's files: ~0.4 ms);
// the memory is emptied when it reaches this many words.
constexpr size_t kMaxCachedWords = 20000;
constexpr size_t kMaxSynonyms = 32;

class WordNet : public Thesaurus {
 public:
  std::vector<std::string> Synonyms(const std::string& folded, size_t limit) override {
    if (folded.empty() || folded.size() > kMaxWordBytes) return {};
    // WordNet's words are ASCII; its C code is not meant for other bytes.
    if (!std::all_of(folded.begin(), folded.end(), [](unsigned char c) {
          return c < 0x80 && (std::isalnum(c) || c == '-' || c == '\'' || c == '.');
        }))
      return {};
    std::lock_guard<std::mutex> lock(WordNetMutex());
    auto it = cache_.find(folded);
    if (it == cache_.end()) {
      if (cache_.size() >= kMaxCachedWords) cache_.clear();
      it = cache_.emplace(folded, LookUp(folded)).first;
    }
    std::vector<std::string> out = it->second;
    if (out.size() > limit) out.resize(limit);
    return out;
  }

 private:
  static std::vector<std::string> LookUp(const std::string& folded) {
    std::vector<std::string> out;
    const size_t limit = kMaxSynonyms;
    for (int pos = NOUN; pos <= ADV && out.size() < limit; ++pos) {
      std::string word = folded;  // libwordnet takes char*, and may change it
      const char* base = morphstr(word.data(), pos);
      std::string lemma = base ? base : folded;
      SynsetPtr synset = findtheinfo_ds(lemma.data(), pos, SYNS, /*first sense*/ 1);
      if (!synset) continue;
      for (int i = 0; i < synset->wcount && out.size() < limit; ++i) {
        std::string w = synset->words[i];
        std::replace(w.begin(), w.end(), '_', ' ');
        std::transform(w.begin(), w.end(), w.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        // Adjectives carry a syntactic marker: "big(a)".
        if (const size_t paren = w.find('('); paren != std::string::npos) w.resize(paren);
        if (w.empty() || w == folded || w == lemma) continue;
        AppendIfAbsent(&out, std::move(w));
      }
      free_syns(synset);
    }
    return out;
  }

  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace

Thesaurus* ThesaurusFor(std::string_view lang) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  if (profile == nullptr || profile->thesaurus != analysis::kThesaurusWordNet) return nullptr;
  static WordNet wordnet;
  static const bool opened = [] {
    std::lock_guard<std::mutex> lock(WordNetMutex());
    return wninit() == 0;
  }();
  return opened ? &wordnet : nullptr;
}

}  // namespace kb
