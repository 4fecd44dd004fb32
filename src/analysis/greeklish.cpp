#include "kb/analysis/greeklish.h"

#include <array>

#include "kb/core/vector_util.h"
#include "unicode_util.h"

namespace kb::analysis {
namespace {

// Two letters read as one sound, and their key. Checked before single letters.
struct Digraph {
  std::u32string_view letters;
  std::string_view key;
  std::string_view second = {};  // another reading ("th": θ, or τη)
};

constexpr Digraph kGreekDigraphs[] = {
    {U"ου", "u"},  {U"αι", "e"},  {U"ει", "i"},  {U"οι", "i"}, {U"υι", "i"},
    {U"αυ", "av"}, {U"ευ", "ev"}, {U"ηυ", "iv"}, {U"μπ", "b"}, {U"ντ", "d"},
    {U"γκ", "g"},  {U"γγ", "g"},  {U"κσ", "x"},
};

// α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ ς σ τ υ φ χ ψ ω (U+03B1 .. U+03C9)
constexpr std::array<std::string_view, 25> kGreekLetters = {
    "a", "v", "g", "d", "e", "z", "i", "8", "i", "k", "l",  "m", "n",
    "x", "o", "p", "r", "s", "s", "t", "i", "v", "x", "ps", "o"};

// Latin spellings of Greek sounds. "h" after t/c/k/p/d/g makes one letter
// (θ χ χ φ δ γ), or that letter and η ("kathgoria" κατηγορία, "allagh"
// αλλαγή); "ks" is ξ; "mp", "nt", "gk", "gg", "ng" are μπ ντ γκ γγ γγ.
constexpr Digraph kLatinDigraphs[] = {
    {U"th", "8", "ti"}, {U"ch", "x"}, {U"kh", "x", "ki"}, {U"ph", "v", "pi"}, {U"dh", "d", "di"},
    {U"gh", "g", "gi"}, {U"ks", "x"}, {U"ou", "u"},       {U"ai", "e"},       {U"ei", "i"},
    {U"oi", "i"},       {U"yi", "i"}, {U"au", "av"},      {U"eu", "ev"},      {U"mp", "b"},
    {U"nt", "d"},       {U"gk", "g"}, {U"gg", "g"},       {U"ng", "g"},
};

// One Latin letter's readings; the first is the commoner. "h" is η or χ,
// "u" ου or υ, "b" μπ or β. Empty: the letter is its own key letter; "?":
// not a character Greeklish writes.
std::string_view LatinReadings(char32_t c, std::string_view* second) {
  *second = {};
  switch (c) {
    case U'h':
      *second = "x";
      return "i";
    case U'u':
      *second = "i";
      return "u";
    case U'b':
      *second = "v";
      return "b";
    case U'c':
    case U'k':
    case U'q':
      return "k";
    case U'f':
    case U'v':
      return "v";
    case U'w':
    case U'o':
      return "o";
    case U'y':
    case U'i':
    case U'j':
      return "i";
    case U'x':
    case U'3':
      return "x";
    case U'8':
      return "8";
    default:
      break;
  }
  if (c >= U'a' && c <= U'z') return {};  // its own key letter
  return "?";
}

// The digraph of `table` that `w` has at `i`, or nullptr.
template <size_t N>
const Digraph* DigraphAt(const Digraph (&table)[N], std::u32string_view w, size_t i) {
  for (const Digraph& d : table)
    if (StartsWith(w.substr(i), d.letters)) return &d;
  return nullptr;
}

// Letters said once: a key writes a doubled letter once (λλ, "ll" -> l).
std::string WithoutDoubles(const std::string& key) {
  std::string out;
  for (char c : key)
    if (out.empty() || out.back() != c) out.push_back(c);
  return out;
}

}  // namespace

bool IsLatinWord(std::string_view folded) {
  bool letter = false;
  for (char c : folded) {
    if (c >= 'a' && c <= 'z')
      letter = true;
    else if (c != '3' && c != '8')
      return false;
  }
  return letter;
}

std::string GreeklishKeyOfGreek(std::string_view folded) {
  const std::u32string w = DecodeUtf8(folded);
  std::string key;
  for (size_t i = 0; i < w.size();) {
    if (const Digraph* d = DigraphAt(kGreekDigraphs, w, i)) {
      key += d->key;
      i += d->letters.size();
      continue;
    }
    const char32_t c = w[i++];
    if (c < U'α' || c > U'ω') return std::string();
    key += kGreekLetters[c - U'α'];
  }
  return WithoutDoubles(key);
}

std::vector<std::string> GreeklishKeysOfLatin(std::string_view folded) {
  const std::u32string w = DecodeUtf8(folded);
  if (w.empty()) return {};
  std::vector<std::string> keys{std::string()};
  // Appends a reading to every key; a second reading doubles the keys while
  // there is room (the rest take the first).
  auto append = [&keys](std::string_view first, std::string_view second) {
    const size_t n = keys.size();
    if (!second.empty() && n * 2 <= kMaxGreeklishKeys)
      for (size_t k = 0; k < n; ++k) keys.push_back(keys[k] + std::string(second));
    for (size_t k = 0; k < n; ++k) keys[k] += first;
  };
  for (size_t i = 0; i < w.size();) {
    if (const Digraph* digraph = DigraphAt(kLatinDigraphs, w, i)) {
      append(digraph->key, digraph->second);
      i += digraph->letters.size();
      continue;
    }
    const char32_t c = w[i++];
    std::string_view second;
    const std::string_view first = LatinReadings(c, &second);
    if (first == "?") return {};
    if (first.empty()) {
      const char letter[] = {static_cast<char>(c), '\0'};
      append(letter, {});
    } else {
      append(first, second);
    }
  }
  std::vector<std::string> unique;
  for (const std::string& key : keys) {
    AppendIfAbsent(&unique, WithoutDoubles(key));
  }
  return unique;
}

std::vector<std::string> GreeklishKeyStems(std::string_view key) {
  // Noun, adjective and verb endings, as keys (-ος -ου -οι -ων -ους -ες -ης
  // -ας -εις -η -ι -α -ο -ω; -ουμε -ετε -ατε -ομαι -ουν -ει; -ση/-σης leave
  // the stem's -σ).
  static constexpr std::string_view kEndings[] = {"ume", "ete", "ate", "ome", "us", "os",
                                                  "on",  "un",  "es",  "is",  "as", "i",
                                                  "o",   "a",   "e",   "u",   "s"};
  constexpr size_t kMinStem = 3;
  std::vector<std::string> stems;
  for (std::string_view ending : kEndings) {
    if (key.size() < ending.size() + kMinStem) continue;
    if (!EndsWith(key, ending)) continue;
    AppendIfAbsent(&stems, std::string(key.substr(0, key.size() - ending.size())));
  }
  return stems;
}

}  // namespace kb::analysis
