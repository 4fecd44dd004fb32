#include "snippet.h"

#include <algorithm>
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
  explicit WordMatcher(const std::vector<QueryWord>& words) {
    for (size_t w = 0; w < words.size(); ++w) {
      const QueryWord& word = words[w];
      const int index = int(w);
      for (const auto* terms : {&word.exact, &word.extra, &word.split})
        Add(*terms, index, &by_term_);
      for (const auto* alternatives : {&word.alternatives, &word.loose_words}) {
        for (const Alternative& alt : *alternatives) {
          Add(alt.exact, index, &by_term_);
          Add(alt.stems, index, &by_stem_);
        }
      }
      if (word.phrase) continue;  // a phrase matches its exact forms only
      Add(word.exact, index, &by_extra_);
      Add(word.extra, index, &by_extra_);
      Add(word.stems, index, &by_stem_);
    }
  }

  // Index of the query word `token` matches, or -1.
  int Match(const Token& token) const {
    int best = Find(by_term_, token.term);
    for (const std::string& extra : token.extra_terms) best = Earlier(best, Find(by_extra_, extra));
    for (const std::string& stem : token.stems) best = Earlier(best, Find(by_stem_, stem));
    return best;
  }

 private:
  using Index = std::unordered_map<std::string, int>;

  static void Add(const std::vector<std::string>& terms, int word, Index* index) {
    for (const std::string& t : terms) index->emplace(t, word);  // keeps the first word's
  }
  static int Find(const Index& index, const std::string& term) {
    auto it = index.find(term);
    return it == index.end() ? -1 : it->second;
  }
  static int Earlier(int a, int b) { return a < 0 ? b : (b < 0 ? a : std::min(a, b)); }

  Index by_term_;   // a token's exact form: exact, extra and split forms, alternatives' exact forms
  Index by_extra_;  // a token's extra terms: exact and extra forms of words (not phrases)
  Index by_stem_;   // a token's stems: word stems (not phrases), alternatives' stems
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

std::string Render(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<int>& match, const Window& window) {
  const size_t begin = tokens[window.first].begin;
  const size_t end = tokens[window.last].end;
  std::string out;
  if (begin > 0) out += "… ";
  size_t at = begin;
  bool open = false;  // the last <mark> may still grow
  for (size_t i = window.first; i <= window.last; ++i) {
    if (match[i] < 0) continue;
    const Token& token = tokens[i];
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
size_t TokensPerWord(const std::vector<Token>& tokens) {
  size_t pairs = 0;
  for (const Token& t : tokens) pairs += analysis::IsCharacterPairTerm(t.term) ? 1 : 0;
  return pairs * 2 > tokens.size() ? 2 : 1;
}

}  // namespace

std::string MakeSnippet(const std::vector<std::string>& passages, std::string_view lang,
                        const std::vector<QueryWord>& words, Analyzer& analyzer,
                        const SnippetOptions& options) {
  const size_t words_wide = std::max<size_t>(options.window_words, 1);
  struct Best {
    size_t passage = 0;
    std::vector<Token> tokens;
    std::vector<int> match;
    Window window;
  } best;
  bool found = false;
  size_t analyzed = 0;  // bytes
  const WordMatcher matcher(words);
  for (size_t p = 0; p < passages.size(); ++p) {
    if (analyzed >= options.max_analyzed_bytes && best.window.matches > 0) break;
    analyzed += passages[p].size();
    std::vector<Token> tokens = analyzer.Analyze(passages[p], lang);
    if (tokens.empty()) continue;
    std::vector<int> match(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) match[i] = matcher.Match(tokens[i]);
    const size_t per_word = TokensPerWord(tokens);
    const Window window =
        BestWindow(match, words.size(), words_wide * per_word, kLeadWords * per_word);
    const bool better =
        !found || window.distinct > best.window.distinct ||
        (window.distinct == best.window.distinct && window.matches > best.window.matches);
    if (better) best = {p, std::move(tokens), std::move(match), window};
    found = true;
    if (best.window.distinct == words.size()) break;  // cannot do better on what matters most
  }
  if (!found) return std::string();
  return Render(passages[best.passage], best.tokens, best.match, best.window);
}

}  // namespace kb
