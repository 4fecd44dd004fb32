// Greeklish keys (analysis/greeklish.h): a Greek word and the ways Greek
// customers type it in Latin letters reduce to a shared key.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/analysis/greeklish.h"

namespace {

using kb::analysis::GreeklishKeyOfGreek;
using kb::analysis::GreeklishKeysOfLatin;
using kb::analysis::GreeklishKeyStems;

// The folded form of a Greek word, as the analyzer indexes it.
std::string Folded(const std::string& greek) {
  static std::unique_ptr<kb::Analyzer> analyzer = kb::NewAnalyzer();
  const std::vector<kb::Token> tokens = analyzer->Analyze(greek, "el");
  REQUIRE(tokens.size() == 1);
  return tokens[0].term;
}

bool HasKey(const std::string& latin, const std::string& key) {
  const std::vector<std::string> keys = GreeklishKeysOfLatin(latin);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

TEST_CASE("greeklish: common spellings of a Greek word share its key") {
  struct Case {
    const char* greek;
    std::vector<const char*> latin;
  };
  const Case cases[] = {
      // η: i or h; ω: o or w; ου: ou or u
      {"κωδικός", {"kwdikos", "kodikos", "kwdikws"}},
      {"πρόσβασης", {"prosvasis", "prosbasis", "prosvashs", "prosbashs"}},
      // θ: th or 8; υ: y, i or u; ει: ei or i
      {"ρυθμίσεις", {"rythmiseis", "rithmisis", "ry8miseis", "ruthmiseis"}},
      {"σύνδεση", {"syndesh", "sundesi", "sindesi"}},
      // χ: x, h or ch; αι: ai or e
      {"διαχειριστής", {"diaxeiristis", "diaheirisths", "diacheiristis"}},
      {"χρησιμοποιείται", {"xrhsimopoieitai", "chrisimopiite", "hrhsimopoiite"}},
      // μπ: mp or b; ντ: nt or d; γκ: gk or g
      {"μπαταρία", {"mpataria", "bataria"}},
      {"ντουλάπα", {"ntoulapa", "dulapa"}},
      {"αγκαλιά", {"agkalia", "agalia"}},
      // ξ: ks, x or 3; doubled letters count once
      {"ξέχασα", {"ksexasa", "xehasa", "3exasa"}},
      {"εγκατάσταση", {"egkatastasi", "egatastash"}},
      {"αλλαγή", {"allagh", "alagi"}},
      // αυ/ευ: au/av/af, eu/ev/ef; φ: f or ph; τη/πη written th/ph
      {"αυτόματα", {"automata", "avtomata", "aftomata"}},
      {"ευχαριστώ", {"euxaristw", "efharisto", "evcharisto"}},
      {"κατηγορία", {"kathgoria", "katigoria"}},
  };
  for (const Case& c : cases) {
    const std::string key = GreeklishKeyOfGreek(Folded(c.greek));
    CAPTURE(c.greek);
    CAPTURE(key);
    REQUIRE_FALSE(key.empty());
    for (const char* latin : c.latin) {
      CAPTURE(latin);
      CHECK(HasKey(latin, key));
    }
  }
}

TEST_CASE("greeklish: different words keep different keys") {
  CHECK(GreeklishKeyOfGreek(Folded("κωδικός")) != GreeklishKeyOfGreek(Folded("κόμβος")));
  CHECK(GreeklishKeyOfGreek(Folded("σύνδεση")) != GreeklishKeyOfGreek(Folded("σύνθεση")));
  CHECK_FALSE(HasKey("kwdikos", GreeklishKeyOfGreek(Folded("κόμβος"))));
}

TEST_CASE("greeklish: only Greek words have a key, only Latin words have readings") {
  CHECK(GreeklishKeyOfGreek("password").empty());
  CHECK(GreeklishKeyOfGreek("κωδικος2").empty());
  CHECK(GreeklishKeysOfLatin("κωδικος").empty());
  CHECK(GreeklishKeysOfLatin("wi-fi").empty());
  CHECK(GreeklishKeysOfLatin("").empty());
  CHECK(kb::analysis::IsLatinWord("8elw"));
  CHECK_FALSE(kb::analysis::IsLatinWord("2024"));
  CHECK_FALSE(kb::analysis::IsLatinWord("κωδικος"));
}

TEST_CASE("greeklish: letters with two readings give several keys, at most kMaxGreeklishKeys") {
  // "h" is η or χ: ehw (έχω) reads as "exo" and "eio"
  CHECK(HasKey("ehw", GreeklishKeyOfGreek(Folded("έχω"))));
  CHECK(HasKey("ehw", "eio"));
  CHECK(GreeklishKeysOfLatin("hhhhhhhhhhhhhhhhhhhhhuuuuuuuuubbbbbbbbbbb").size() <=
        kb::analysis::kMaxGreeklishKeys);
}

TEST_CASE("greeklish: a key without its ending is the key of the Greek stem") {
  auto stems = [](const std::string& key) { return GreeklishKeyStems(key); };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(stems("kodikos"), "kodik"));
  CHECK(has(stems("kodiku"), "kodik"));
  CHECK(has(stems("sindesi"), "sindes"));
  CHECK(has(stems("ri8misis"), "ri8mis"));
  CHECK(stems("kos").empty());  // at least three letters stay
  CHECK_FALSE(has(stems("kodikos"), "kodikos"));
}

TEST_CASE("greeklish: Greek stopwords typed in Latin letters are stopwords of Greek queries only") {
  std::unique_ptr<kb::Analyzer> analyzer = kb::NewAnalyzer();
  auto stopwords = [&](const std::string& text, const std::string& lang) {
    std::vector<std::string> out;
    for (const kb::Token& t : analyzer->AnalyzeQuery(text, lang))
      if (t.stopword) out.push_back(t.term);
    return out;
  };
  CHECK(stopwords("na allaxw thn ruthmish gia ton kwdiko", "el") ==
        std::vector<std::string>{"na", "thn", "gia", "ton"});
  CHECK(stopwords("na gia ton", "en").empty());                   // English has no such words
  CHECK(analyzer->Analyze("na gia", "el")[0].stopword == false);  // nor have indexed Latin words
}
