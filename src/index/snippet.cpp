#include "snippet.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "kb/analysis/text.h"
#include "kb/core/html.h"

namespace kb {
namespace {

// Which query word a text token matches, by hash look-ups built once per
// query (a long query and a long article would otherwise compare every token
// with every term of every word). When a token matches several words, the
// first one wins.
class WordMatcher {
 public:
  // The query word a term matches in each role it can have in a token, or -1.
  struct Roles {
    int as_term =
        -1;  // a token's exact form: exact, extra and split forms, alternatives' exact forms
    int as_extra = -1;  // a token's extra terms: exact and extra forms of words (not phrases)
    int as_stem = -1;   // a token's stems: word stems (not phrases), alternatives' stems
  };

  // Keeps views of `words`' strings: `words` must outlive the matcher.
  explicit WordMatcher(const std::vector<QueryWord>& words) {
    for (size_t w = 0; w < words.size(); ++w) {
      const QueryWord& word = words[w];
      const int index = int(w);
      for (const auto* terms : {&word.exact, &word.extra, &word.split})
        Add(*terms, index, &Roles::as_term);
      for (const auto* alternatives : {&word.alternatives, &word.loose_words}) {
        for (const Alternative& alt : *alternatives) {
          Add(alt.exact, index, &Roles::as_term);
          Add(alt.stems, index, &Roles::as_stem);
        }
      }
      if (word.phrase) continue;  // a phrase matches its exact forms only
      Add(word.exact, index, &Roles::as_extra);
      Add(word.extra, index, &Roles::as_extra);
      Add(word.stems, index, &Roles::as_stem);
    }
  }

  // Index of the query word `token` matches, or -1.
  int Match(const Token& token) const {
    int best = Find(token.term).as_term;
    for (const std::string& extra : token.extra_terms) best = Earlier(best, Find(extra).as_extra);
    for (const std::string& stem : token.stems) best = Earlier(best, Find(stem).as_stem);
    return best;
  }

  // What `term` matches in each role: one look-up for the three.
  Roles Find(std::string_view term) const {
    auto it = roles_.find(term);
    return it == roles_.end() ? Roles() : it->second;
  }
  static int Earlier(int a, int b) { return a < 0 ? b : (b < 0 ? a : std::min(a, b)); }

 private:
  void Add(const std::vector<std::string>& terms, int word, int Roles::*role) {
    for (const std::string& t : terms) {
      int& slot = roles_[std::string_view(t)].*role;
      if (slot < 0) slot = word;  // keeps the first word's
    }
  }

  // Keyed by views of the query words' terms: a stored term is looked up
  // without being copied.
  std::unordered_map<std::string_view, Roles> roles_;
};

// Escapes text, turning every run of whitespace into one space.
void AppendPlain(std::string_view text, std::string* out) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space) collapsed.push_back(' ');
      space = true;
    } else {
      collapsed.push_back(c);
      space = false;
    }
  }
  AppendEscapedHtml(collapsed, out);
}

// A token's byte span in its passage.
struct Span {
  size_t begin = 0, end = 0;
};

struct Window {
  size_t first = 0, last = 0;  // token indexes, inclusive
  size_t distinct = 0, matches = 0;
};

// Words shown before the first match of a passage, for context.
constexpr size_t kLeadWords = 3;

// The best window of `width` tokens, started up to `lead` tokens before its
// first match.
Window BestWindow(const std::vector<int>& match, size_t n_words, size_t width, size_t lead) {
  const size_t n = match.size();
  Window best;
  long best_score = -1;
  std::vector<int> count(n_words, 0);
  size_t distinct = 0, matches = 0;
  for (size_t end = 0; end < n; ++end) {
    if (match[end] >= 0 && count[match[end]]++ == 0) ++distinct;
    if (match[end] >= 0) ++matches;
    if (end >= width) {
      const int out = match[end - width];
      if (out >= 0) {
        --matches;
        if (--count[out] == 0) --distinct;
      }
    }
    const long score = long(distinct) * 1000 + long(matches);
    if (score > best_score) {
      best_score = score;
      best.first = end >= width ? end - width + 1 : 0;
      best.distinct = distinct;
      best.matches = matches;
    }
  }
  best.last = std::min(n - 1, best.first + width - 1);
  size_t first_match = best.first;
  while (first_match < best.last && match[first_match] < 0) ++first_match;
  const size_t shift = first_match - best.first > lead ? first_match - best.first - lead : 0;
  best.first += shift;
  best.last = std::min(n - 1, best.last + shift);
  return best;
}

std::string Render(std::string_view text, const std::vector<Span>& tokens,
                   const std::vector<int>& match, const Window& window) {
  const size_t begin = tokens[window.first].begin;
  const size_t end = tokens[window.last].end;
  std::string out;
  if (begin > 0) out += "… ";
  size_t at = begin;
  bool open = false;  // the last <mark> may still grow
  for (size_t i = window.first; i <= window.last; ++i) {
    if (match[i] < 0) continue;
    const Span& token = tokens[i];
    // Character pairs overlap and dictionary words touch (密码 in 忘记密码):
    // a match that reaches into or touches the open mark extends it.
    if (open && token.begin <= at) {
      if (token.end > at) AppendEscapedHtml(text.substr(at, token.end - at), &out);
      at = std::max(at, token.end);
      continue;
    }
    if (token.begin < at) continue;  // tokens may share one span
    if (open) out += "</mark>";
    AppendPlain(text.substr(at, token.begin - at), &out);
    out += "<mark>";
    AppendEscapedHtml(text.substr(token.begin, token.end - token.begin), &out);
    at = token.end;
    open = true;
  }
  if (open) out += "</mark>";
  AppendPlain(text.substr(at, end - at), &out);
  if (end < text.size()) out += " …";
  return out;
}

// Tokens per word of a passage: a Chinese or Japanese word is about two
// characters, each of them starting a character pair (one token), so a
// passage mostly of pairs has two.
size_t TokensPerWord(size_t pairs, size_t tokens) { return pairs * 2 > tokens ? 2 : 1; }

// One passage as matching sees it: the spans of its tokens, the query word
// each matches (-1: none) and its tokens per word.
struct MatchedPassage {
  std::vector<Span> spans;
  std::vector<int> match;
  size_t per_word = 1;
};

// The best window over passages (in document order) and its rendering.
// `matched(p, &out)` fills passage p and returns false when it has no tokens;
// it is called for passages in order until the search stops (see MakeSnippet).
template <typename MatchPassage>
std::string BestSnippet(const std::vector<std::string_view>& passages, size_t n_words,
                        const SnippetOptions& options, MatchPassage&& matched) {
  const size_t words_wide = std::max<size_t>(options.window_words, 1);
  struct Best {
    size_t passage = 0;
    MatchedPassage tokens;
    Window window;
  } best;
  bool found = false;
  size_t analyzed = 0;  // bytes
  for (size_t p = 0; p < passages.size(); ++p) {
    if (analyzed >= options.max_analyzed_bytes && best.window.matches > 0) break;
    analyzed += passages[p].size();
    MatchedPassage passage;
    if (!matched(p, &passage) || passage.spans.empty()) continue;
    const Window window = BestWindow(passage.match, n_words, words_wide * passage.per_word,
                                     kLeadWords * passage.per_word);
    const bool better =
        !found || window.distinct > best.window.distinct ||
        (window.distinct == best.window.distinct && window.matches > best.window.matches);
    if (better) best = {p, std::move(passage), window};
    found = true;
    if (best.window.distinct == n_words) break;  // cannot do better on what matters most
  }
  if (!found) return std::string();
  return Render(passages[best.passage], best.tokens.spans, best.tokens.match, best.window);
}

// Stored passages (EncodeSnippetPassages): for each passage, its text, its
// distinct strings, and per token its span and the strings it carries (term,
// extra terms, stems) as indexes into them. Varints throughout.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  uint64_t Number() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) break;
      const unsigned char byte = static_cast<unsigned char>(in_[at_++]);
      value |= uint64_t(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    ok_ = false;
    return 0;
  }
  std::string_view Bytes() {
    const uint64_t n = Number();
    if (!ok_ || n > in_.size() - at_) {
      ok_ = false;
      return {};
    }
    const std::string_view bytes = in_.substr(at_, n);
    at_ += n;
    return bytes;
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

void PutNumber(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutBytes(std::string_view bytes, std::string* out) {
  PutNumber(bytes.size(), out);
  out->append(bytes);
}

uint64_t Zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
int64_t Unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

constexpr uint64_t kStoredFormat = 1;

// The query word each stored string matches in each of its roles.
struct StringMatch {
  WordMatcher::Roles roles;
  bool pair = false;
};

// Decodes one stored passage (after its text) and matches it; false on bad input.
bool MatchStored(Reader& in, size_t text_size, const WordMatcher& matcher, MatchedPassage* out) {
  const uint64_t n_strings = in.Number();
  if (!in.ok()) return false;
  std::vector<StringMatch> strings;
  strings.reserve(n_strings);
  for (uint64_t i = 0; i < n_strings && in.ok(); ++i) {
    const std::string_view term = in.Bytes();
    strings.push_back({matcher.Find(term), analysis::IsCharacterPairTerm(term)});
  }
  const uint64_t n_tokens = in.Number();
  if (!in.ok()) return false;
  auto string_at = [&](uint64_t i) -> const StringMatch* {
    return i < strings.size() ? &strings[i] : nullptr;
  };
  size_t begin = 0, pairs = 0;
  out->spans.reserve(n_tokens);
  out->match.reserve(n_tokens);
  for (uint64_t t = 0; t < n_tokens && in.ok(); ++t) {
    begin = size_t(int64_t(begin) + Unzigzag(in.Number()));
    const size_t end = size_t(int64_t(begin) + Unzigzag(in.Number()));
    const StringMatch* s = string_at(in.Number());
    if (s == nullptr || begin > end || end > text_size) return false;
    int best = s->roles.as_term;
    pairs += s->pair ? 1 : 0;
    for (uint64_t n = in.Number(); n > 0 && in.ok(); --n) {
      const StringMatch* extra = string_at(in.Number());
      if (extra == nullptr) return false;
      best = WordMatcher::Earlier(best, extra->roles.as_extra);
    }
    for (uint64_t n = in.Number(); n > 0 && in.ok(); --n) {
      const StringMatch* stem = string_at(in.Number());
      if (stem == nullptr) return false;
      best = WordMatcher::Earlier(best, stem->roles.as_stem);
    }
    out->spans.push_back({begin, end});
    out->match.push_back(best);
  }
  out->per_word = TokensPerWord(pairs, out->spans.size());
  return in.ok();
}

}  // namespace

std::string MakeSnippet(const std::vector<std::string>& passages, std::string_view lang,
                        const std::vector<QueryWord>& words, Analyzer& analyzer,
                        const SnippetOptions& options) {
  const WordMatcher matcher(words);
  const std::vector<std::string_view> texts(passages.begin(), passages.end());
  return BestSnippet(texts, words.size(), options, [&](size_t p, MatchedPassage* out) {
    const std::vector<Token> tokens = analyzer.Analyze(passages[p], lang);
    size_t pairs = 0;
    for (const Token& token : tokens) {
      out->spans.push_back({token.begin, token.end});
      out->match.push_back(matcher.Match(token));
      pairs += analysis::IsCharacterPairTerm(token.term) ? 1 : 0;
    }
    out->per_word = TokensPerWord(pairs, tokens.size());
    return !tokens.empty();
  });
}

std::string EncodeSnippetPassages(const std::vector<std::string>& passages,
                                  const std::vector<std::vector<Token>>& tokens) {
  std::string out;
  PutNumber(kStoredFormat, &out);
  PutNumber(passages.size(), &out);
  for (const std::string& passage : passages) PutBytes(passage, &out);
  for (const std::vector<Token>& passage : tokens) {
    std::unordered_map<std::string_view, size_t> ids;
    std::vector<std::string_view> strings;
    auto id = [&](const std::string& s) {
      auto [it, added] = ids.emplace(s, strings.size());
      if (added) strings.push_back(s);
      return it->second;
    };
    std::string body;
    size_t begin = 0;
    for (const Token& token : passage) {
      // Spans as differences (small: tokens come in text order).
      PutNumber(Zigzag(int64_t(token.begin) - int64_t(begin)), &body);
      PutNumber(Zigzag(int64_t(token.end) - int64_t(token.begin)), &body);
      begin = token.begin;
      PutNumber(id(token.term), &body);
      PutNumber(token.extra_terms.size(), &body);
      for (const std::string& extra : token.extra_terms) PutNumber(id(extra), &body);
      PutNumber(token.stems.size(), &body);
      for (const std::string& stem : token.stems) PutNumber(id(stem), &body);
    }
    std::string table;
    PutNumber(strings.size(), &table);
    for (std::string_view s : strings) PutBytes(s, &table);
    PutNumber(passage.size(), &table);
    table += body;
    PutBytes(table, &out);
  }
  return out;
}

std::optional<std::string> MakeStoredSnippet(std::string_view stored,
                                             const std::vector<QueryWord>& words,
                                             const SnippetOptions& options) {
  Reader in(stored);
  if (in.Number() != kStoredFormat) return std::nullopt;
  const uint64_t n_passages = in.Number();
  if (!in.ok() || n_passages > stored.size()) return std::nullopt;
  std::vector<std::string_view> texts, tables;
  for (uint64_t p = 0; p < n_passages && in.ok(); ++p) texts.push_back(in.Bytes());
  for (uint64_t p = 0; p < n_passages && in.ok(); ++p) tables.push_back(in.Bytes());
  if (!in.ok()) return std::nullopt;
  const WordMatcher matcher(words);
  bool ok = true;
  std::string snippet =
      BestSnippet(texts, words.size(), options, [&](size_t p, MatchedPassage* out) {
        Reader table(tables[p]);
        ok = ok && MatchStored(table, texts[p].size(), matcher, out);
        return ok;
      });
  if (!ok) return std::nullopt;
  return snippet;
}

}  // namespace kb
