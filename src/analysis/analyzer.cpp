// kb::Analyzer implementation: char filter + word splitting with offsets into
// the original text + per-script stemming and stopwords (ANALYSIS.md §4–§8),
// each word by the language profile of its script (language_profile.h).
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

#include "char_filter.h"
#include "greek_stemmer.h"
#include "hebrew_stemmer.h"
#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "kb/core/vector_util.h"
#include "language.h"
#include "persian_stemmer.h"
#include "profiles/profiles.h"
#include "snowball_stemmer.h"
#include "unicode_util.h"
#include "unspaced_text.h"
#include "word_splitter.h"

namespace kb {
namespace {

using analysis::CharFilterOptions;
using analysis::LanguageProfile;
using analysis::SplitMode;
using analysis::StemmerKind;
using analysis::Stretch;
using analysis::UnspacedKind;
using analysis::WordSpan;

constexpr size_t kMaxTokenChars = 64;   // longer "words" are junk (hashes, base64): dropped
constexpr uint32_t kFirstPosition = 1;  // Xapian's TermGenerator also starts at 1

// Per-call language settings.
struct Context {
  const LanguageProfile* profile = nullptr;  // of the text's language; null: none
  CharFilterOptions opts;
  bool query = false;  // AnalyzeQuery()
};

// What the analyzer keeps per language profile (AllProfiles() order).
struct LanguageState {
  std::unordered_set<std::string> stopwords;  // char-filtered
  // Transliteration keys of the stopwords ("na", "gia", "den" for Greek):
  // words typed in those letters in a query of the language are stopwords too.
  std::unordered_set<std::string> stopword_keys;
  UScriptCode typed_in = USCRIPT_INVALID_CODE;          // the transliteration's script
  std::unique_ptr<analysis::SnowballStemmer> snowball;  // built on first use
  bool snowball_built = false;
};

class AnalyzerImpl final : public Analyzer {
 public:
  AnalyzerImpl();
  std::string Normalize(std::string_view text, std::string_view lang) override;
  std::vector<Token> Analyze(std::string_view text, std::string_view lang) override;
  std::vector<Token> AnalyzeQuery(std::string_view text, std::string_view lang) override;

 private:
  std::vector<Token> AnalyzeText(std::string_view text, std::string_view lang, bool query);
  Context MakeContext(std::string_view lang);
  LanguageState& State(const LanguageProfile& profile) {
    return states_[static_cast<size_t>(&profile - analysis::AllProfiles().data())];
  }
  analysis::SnowballStemmer* Snowball(const LanguageProfile& profile);
  void LoadStopwords(const LanguageProfile& profile, LanguageState* state);
  void DecodeOriginal(std::string_view text);
  void AnalyzeSpacedAndUnspaced(std::string_view text, const WordSpan& run, const Context& ctx,
                                uint32_t* pos, std::vector<Token>* out);
  void AnalyzeRun(std::string_view text, const WordSpan& run, const Context& ctx, uint32_t* pos,
                  std::vector<Token>* out);
  void AnalyzePairs(std::string_view text, const Stretch& stretch, const Context& ctx,
                    uint32_t* pos, std::vector<Token>* out);
  void Classify(const Context& ctx, UScriptCode script, size_t chars, Token* t);
  void Stem(const LanguageProfile& profile, Token* t);
  // True when `term`, a word of `script`, is typed in the letters of the
  // language of `ctx` and one of its readings is a stopword of it ("thn": την).
  bool IsTypedStopword(const Context& ctx, UScriptCode script, const std::string& term);
  void AddJoinedForm(const Context& ctx, std::vector<Token>* tokens, size_t first);

  // Declared first: the constructor normalizes stopwords and protected words with them.
  analysis::CharFilter filter_;
  std::u32string original_, filtered_;
  std::vector<size_t> offsets_;
  std::vector<WordSpan> runs_, words_, segments_;
  std::vector<Stretch> stretches_;
  // One character of a Chinese, Japanese or Korean stretch: its byte span in
  // the original text and its folded form.
  struct PairChar {
    size_t begin = 0, end = 0;
    std::string folded;
  };
  std::vector<PairChar> pair_chars_;
  analysis::WordSegmenter segmenter_;

  analysis::HebrewStemmer hebrew_;
  analysis::PersianStemmer persian_;
  analysis::GreekStemmer greek_;
  std::vector<LanguageState> states_;  // per profile
};

std::string SafeStem(analysis::SnowballStemmer* stem, const std::string& word) {
  return stem == nullptr ? word : stem->Stem(word);
}

// The char filter's steps for `lang` (its profile's; the defaults without one).
CharFilterOptions FilterOptions(const LanguageProfile* profile) {
  return profile != nullptr ? profile->char_filter : CharFilterOptions();
}

const LanguageProfile* ProfileOfTag(std::string_view lang) {
  return analysis::ProfileFor(analysis::LanguageCode(lang));
}

// The Persian stemmer's protected words are char-filtered with the default
// steps (Persian letters unified).
AnalyzerImpl::AnalyzerImpl()
    : persian_([this](const char* w) {
        filter_.Apply(w, CharFilterOptions(), &filtered_);
        return analysis::ToUtf8(filtered_);
      }),
      states_(analysis::AllProfiles().size()) {
  for (const LanguageProfile& profile : analysis::AllProfiles())
    LoadStopwords(profile, &State(profile));
}

void AnalyzerImpl::LoadStopwords(const LanguageProfile& profile, LanguageState* state) {
  // Each entry normalizes to one word (a unit test checks it; ZWNJ would make two).
  for (const std::string& w : profile.stopwords)
    state->stopwords.insert(Normalize(w, profile.code));
  const analysis::Transliteration* typed = profile.transliteration;
  if (typed == nullptr) return;
  state->typed_in = analysis::ScriptCode(typed->typed_in);
  for (const std::string& w : state->stopwords) state->stopword_keys.insert(typed->key_of_word(w));
}

// The profile's Snowball stemmer; null for a name libstemmer lacks.
analysis::SnowballStemmer* AnalyzerImpl::Snowball(const LanguageProfile& profile) {
  LanguageState& state = State(profile);
  if (!state.snowball_built) {
    state.snowball = analysis::SnowballStemmer::Create(profile.snowball);
    state.snowball_built = true;
  }
  return state.snowball.get();
}

Context AnalyzerImpl::MakeContext(std::string_view lang) {
  Context ctx;
  ctx.profile = ProfileOfTag(lang);
  ctx.opts = FilterOptions(ctx.profile);
  return ctx;
}

std::string AnalyzerImpl::Normalize(std::string_view text, std::string_view lang) {
  filter_.Apply(text, FilterOptions(ProfileOfTag(lang)), &filtered_);
  return analysis::ToUtf8(filtered_);
}

// Code points of `text` with their byte offsets; a bad byte becomes U+FFFD,
// which is not a word character and so separates words.
void AnalyzerImpl::DecodeOriginal(std::string_view text) {
  original_.clear();
  offsets_.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < len;) {
    offsets_.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(p, i, len, c);
    original_.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  offsets_.push_back(text.size());
}

std::vector<Token> AnalyzerImpl::Analyze(std::string_view text, std::string_view lang) {
  return AnalyzeText(text, lang, false);
}

std::vector<Token> AnalyzerImpl::AnalyzeQuery(std::string_view text, std::string_view lang) {
  return AnalyzeText(text, lang, true);
}

std::vector<Token> AnalyzerImpl::AnalyzeText(std::string_view text, std::string_view lang,
                                             bool query) {
  std::vector<Token> tokens;
  if (text.empty()) return tokens;
  Context ctx = MakeContext(lang);
  ctx.query = query;
  DecodeOriginal(text);
  runs_.clear();
  analysis::SplitWords(original_, SplitMode::kOriginal, &runs_);
  tokens.reserve(runs_.size() + runs_.size() / 4);
  uint32_t pos = kFirstPosition;
  size_t chain_first = 0;  // first token of the current ZWNJ chain
  size_t chain_runs = 0;
  for (const WordSpan& run : runs_) {
    if (chain_runs == 0) chain_first = tokens.size();
    ++chain_runs;
    if (analysis::MayHoldUnspaced(original_, run.begin, run.end)) {
      AnalyzeSpacedAndUnspaced(text, run, ctx, &pos, &tokens);
    } else {
      AnalyzeRun(text, run, ctx, &pos, &tokens);
    }
    if (!run.joined_next) {
      if (chain_runs > 1) AddJoinedForm(ctx, &tokens, chain_first);
      chain_runs = 0;
    }
  }
  if (chain_runs > 1) AddJoinedForm(ctx, &tokens, chain_first);
  return tokens;
}

// Appends the tokens of one original run: spaced text word by word (below),
// Chinese, Japanese and Korean letters as character pairs, Thai, Lao, Khmer
// and Myanmar as dictionary words (analysis/unspaced_text.h).
void AnalyzerImpl::AnalyzeSpacedAndUnspaced(std::string_view text, const WordSpan& run,
                                            const Context& ctx, uint32_t* pos,
                                            std::vector<Token>* out) {
  stretches_.clear();
  analysis::SplitUnspaced(original_, run.begin, run.end, &stretches_);
  for (const Stretch& stretch : stretches_) {
    switch (stretch.kind) {
      case UnspacedKind::kNone:
        AnalyzeRun(text, WordSpan{stretch.begin, stretch.end, false}, ctx, pos, out);
        break;
      case UnspacedKind::kPairs:
        AnalyzePairs(text, stretch, ctx, pos, out);
        break;
      case UnspacedKind::kDictionary:
        segments_.clear();
        segmenter_.Segment(original_, stretch.begin, stretch.end, &segments_);
        for (const WordSpan& word : segments_) AnalyzeRun(text, word, ctx, pos, out);
        break;
    }
  }
}

// Marks that belong to the character before them, half-width kana voicing
// marks included (ｶﾞ is one character: ガ).
bool IsCharacterMark(char32_t c) { return analysis::IsMark(c) || c == 0xFF9E || c == 0xFF9F; }

// A stretch of Chinese, Japanese or Korean letters: one token per pair of
// neighbouring characters (a lone character is its own token), each with the
// span of its two characters. Indexed, each pair also carries its first
// character (the last pair both), so that a one-character query finds it.
void AnalyzerImpl::AnalyzePairs(std::string_view text, const Stretch& stretch, const Context& ctx,
                                uint32_t* pos, std::vector<Token>* out) {
  pair_chars_.clear();
  for (size_t i = stretch.begin; i < stretch.end;) {
    size_t next = i + 1;
    while (next < stretch.end && IsCharacterMark(original_[next]))
      ++next;  // a character and its marks
    pair_chars_.push_back({offsets_[i], offsets_[next], {}});
    i = next;
  }
  // Filter the stretch at once; only when that changes the number of
  // characters (half-width kana with a separate voicing mark) filter each
  // character on its own to keep the spans right.
  const size_t begin = offsets_[stretch.begin], end = offsets_[stretch.end];
  filter_.Apply(text.substr(begin, end - begin), ctx.opts, &filtered_);
  if (filtered_.size() == pair_chars_.size()) {
    for (size_t k = 0; k < pair_chars_.size(); ++k)
      analysis::AppendUtf8(filtered_[k], &pair_chars_[k].folded);
  } else {
    for (PairChar& c : pair_chars_) {
      filter_.Apply(text.substr(c.begin, c.end - c.begin), ctx.opts, &filtered_);
      for (char32_t f : filtered_)
        if (analysis::IsWordChar(f)) analysis::AppendUtf8(f, &c.folded);
    }
  }
  pair_chars_.erase(std::remove_if(pair_chars_.begin(), pair_chars_.end(),
                                   [](const PairChar& c) { return c.folded.empty(); }),
                    pair_chars_.end());
  auto emit = [&](const PairChar& first, const PairChar* second, bool last_pair) {
    Token t;
    t.term = second ? first.folded + second->folded : first.folded;
    t.begin = first.begin;
    t.end = second ? second->end : first.end;
    t.position = (*pos)++;
    if (!ctx.query && second) {
      t.extra_terms.push_back(first.folded);
      if (last_pair) t.extra_terms.push_back(second->folded);
    }
    out->push_back(std::move(t));
  };
  const size_t n = pair_chars_.size();
  if (n == 1) emit(pair_chars_[0], nullptr, true);
  for (size_t k = 0; k + 1 < n; ++k) emit(pair_chars_[k], &pair_chars_[k + 1], k + 2 == n);
}

// Char-filters one original run and appends its tokens; all share the run's span.
void AnalyzerImpl::AnalyzeRun(std::string_view text, const WordSpan& run, const Context& ctx,
                              uint32_t* pos, std::vector<Token>* out) {
  size_t begin = offsets_[run.begin];
  size_t end = offsets_[run.end];
  filter_.Apply(text.substr(begin, end - begin), ctx.opts, &filtered_);
  words_.clear();
  analysis::SplitWords(filtered_, SplitMode::kFiltered, &words_);
  for (const WordSpan& w : words_) {
    size_t chars = w.end - w.begin;
    if (chars > kMaxTokenChars) continue;
    Token t;
    t.term.reserve(chars * 2);
    UScriptCode script = USCRIPT_COMMON;
    for (size_t i = w.begin; i < w.end; ++i) {
      char32_t c = filtered_[i];
      if (analysis::IsApostropheLike(c)) c = U'\'';
      if (script == USCRIPT_COMMON && analysis::IsLetter(c)) script = analysis::LetterScript(c);
      analysis::AppendUtf8(c, &t.term);
    }
    t.begin = begin;
    t.end = end;
    t.position = (*pos)++;
    Classify(ctx, script, chars, &t);
    out->push_back(std::move(t));
  }
}

// Stopword flag and stems by the script of the word's first letter (§6.1):
// the profile of the text's language when it is written in that script,
// else the profile that owns the script's words (Latin: English, Hebrew
// letters: Hebrew...).
void AnalyzerImpl::Classify(const Context& ctx, UScriptCode script, size_t chars, Token* t) {
  if (script == USCRIPT_COMMON) {  // digits only
    t->stems.push_back(t->term);
    return;
  }
  const LanguageProfile* profile = ctx.profile;
  if (profile == nullptr || analysis::ScriptCodeOf(*profile) != script)
    profile = analysis::ScriptOwner(script);
  if (profile == nullptr) {
    t->stems.push_back(t->term);
    return;
  }
  for (const std::string& ending : profile->enclitics) {
    if (t->term.size() > ending.size() &&
        t->term.compare(t->term.size() - ending.size(), ending.size(), ending) == 0) {
      t->term.resize(t->term.size() - ending.size());
      chars -= ending.size();  // ASCII endings: one byte a character
      break;
    }
  }
  t->stopword = (profile->one_letter_stopwords && chars == 1) ||
                State(*profile).stopwords.count(t->term) != 0 ||
                (ctx.query && IsTypedStopword(ctx, script, t->term));
  if (!t->stopword) Stem(*profile, t);
}

bool AnalyzerImpl::IsTypedStopword(const Context& ctx, UScriptCode script,
                                   const std::string& term) {
  if (ctx.profile == nullptr || ctx.profile->transliteration == nullptr) return false;
  const LanguageState& state = State(*ctx.profile);
  if (state.typed_in != script) return false;
  for (const std::string& key : ctx.profile->transliteration->keys_of_typed(term))
    if (state.stopword_keys.count(key)) return true;
  return false;
}

// The stems of a word that is not a stopword, by its profile's stemmer.
void AnalyzerImpl::Stem(const LanguageProfile& profile, Token* t) {
  const std::string& term = t->term;
  switch (profile.stemmer) {
    case StemmerKind::kNone:
      t->stems.push_back(term);
      return;
    case StemmerKind::kHebrew:
      t->stems = hebrew_.Candidates(term);
      return;
    case StemmerKind::kGreek:
      t->stems.push_back(greek_.Stem(term));
      return;
    case StemmerKind::kPersian:
      for (std::string& stem : persian_.Stems(t->term)) t->stems.push_back(std::move(stem));
      return;
    case StemmerKind::kSnowball: {
      std::string stem = SafeStem(Snowball(profile), term);
      // French, German...: marks kept for the stemmer, folded after stemming.
      if (!profile.char_filter.strip_latin_marks) filter_.FoldLatinMarks(&stem);
      t->stems.push_back(std::move(stem));
      return;
    }
  }
}

// ZWNJ compound (نرم‌افزار): the parts are tokens; the joined form becomes an
// extra term of the first part and its stems join the first part's stems.
void AnalyzerImpl::AddJoinedForm(const Context& ctx, std::vector<Token>* tokens, size_t first) {
  if (tokens->size() < first + 2) return;
  Token joined;
  for (size_t i = first; i < tokens->size(); ++i) joined.term += (*tokens)[i].term;
  std::u32string cps = analysis::DecodeUtf8(joined.term);
  if (cps.size() > kMaxTokenChars) return;
  UScriptCode script = USCRIPT_COMMON;
  for (char32_t c : cps) {
    if (analysis::IsLetter(c)) {
      script = analysis::LetterScript(c);
      break;
    }
  }
  Classify(ctx, script, cps.size(), &joined);  // only its stems are kept
  Token& head = (*tokens)[first];
  head.extra_terms.push_back(joined.term);
  for (std::string& s : joined.stems) AppendIfAbsent(&head.stems, std::move(s));
}

}  // namespace

std::unique_ptr<Analyzer> NewAnalyzer() { return std::make_unique<AnalyzerImpl>(); }

}  // namespace kb
