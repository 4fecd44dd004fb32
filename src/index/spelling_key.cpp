#include "spelling_key.h"

#include <array>
#include <vector>

#include "kb/analysis/text.h"

namespace kb {
namespace {

constexpr unsigned char kFirstLetterByte = 0x80;  // up to 0xBF: 64 letters a script

// A script whose letters are stored one byte each, and the byte that ends its keys.
struct Script {
  unsigned char marker;
  std::vector<char32_t> letters;
};

std::vector<char32_t> Range(char32_t first, char32_t last) {
  std::vector<char32_t> letters;
  for (char32_t c = first; c <= last; ++c) letters.push_back(c);
  return letters;
}

std::vector<char32_t> Joined(std::vector<char32_t> a, const std::vector<char32_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::array<Script, 3>& Scripts() {
  static const std::array<Script, 3> scripts = {{
      // Hebrew letters, final forms included.
      {0xF5, Range(U'\u05D0', U'\u05EA')},
      // Greek lower-case letters (final sigma included) and the accented ones.
      {0xF6, Joined(Range(U'\u03AC', U'\u03CE'), {U'\u0390'})},
      // Arabic letters and the Persian ones (پ چ ژ ک گ ی ۀ).
      {0xF7, Joined(Joined(Range(U'\u0621', U'\u063A'), Range(U'\u0641', U'\u064A')),
                    {U'\u067E', U'\u0686', U'\u0698', U'\u06A9', U'\u06AF', U'\u06CC', U'\u06C0'})},
  }};
  return scripts;
}

// Every letter's script and place, looked up by code point (one lookup a
// letter: typo repair asks for the keys of hundreds of candidate words).
struct Place {
  int script = -1, place = -1;
};

class Places {
 public:
  Places() {
    for (size_t s = 0; s < Scripts().size(); ++s)
      for (size_t i = 0; i < Scripts()[s].letters.size(); ++i) {
        const char32_t c = Scripts()[s].letters[i];
        if (c >= places_.size()) places_.resize(c + 1);
        places_[c] = {int(s), int(i)};
      }
  }
  Place Of(char32_t c) const { return c < places_.size() ? places_[c] : Place(); }

 private:
  std::vector<Place> places_;  // by code point, up to the last letter's
};

Place PlaceOf(char32_t c) {
  static const Places places;
  return places.Of(c);
}

}  // namespace

std::string SpellingKey(std::string_view word) {
  const std::u32string letters = analysis::DecodeUtf8(word);
  if (letters.empty()) return std::string(word);
  const int script = PlaceOf(letters[0]).script;
  if (script < 0) return std::string(word);
  std::string key;
  key.reserve(letters.size() + 1);
  for (char32_t c : letters) {
    const Place place = PlaceOf(c);
    if (place.script != script) return std::string(word);  // another script, a digit...
    key.push_back(char(kFirstLetterByte + place.place));
  }
  key.push_back(char(Scripts()[size_t(script)].marker));
  return key;
}

std::string WordOfSpellingKey(std::string_view key) {
  if (key.empty()) return std::string(key);
  const auto marker = static_cast<unsigned char>(key.back());
  for (const Script& script : Scripts()) {
    if (script.marker != marker) continue;
    std::u32string letters;
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      const size_t place = static_cast<unsigned char>(key[i]) - kFirstLetterByte;
      if (place >= script.letters.size()) return std::string(key);  // not a key of ours
      letters.push_back(script.letters[place]);
    }
    return analysis::ToUtf8(letters);
  }
  return std::string(key);
}

}  // namespace kb
