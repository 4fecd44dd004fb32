#include "kb/query/vocabulary.h"

#include <cctype>

#include "kb/analysis/text.h"

namespace kb {

bool IsSpellableWord(std::string_view term) {
  for (unsigned char c : term) {
    if (std::isalpha(c)) return true;
    if (c >= 0x80) return !analysis::IsCharacterPairTerm(term);
  }
  return false;
}

std::string DisplayForm(const std::string& folded) {
  static constexpr std::string_view kSigma = "\xCF\x83";       // σ
  static constexpr std::string_view kFinalSigma = "\xCF\x82";  // ς
  if (folded.size() >= kSigma.size() &&
      folded.compare(folded.size() - kSigma.size(), kSigma.size(), kSigma) == 0 &&
      folded.size() > kSigma.size())
    return folded.substr(0, folded.size() - kSigma.size()).append(kFinalSigma);
  return folded;
}

}  // namespace kb
