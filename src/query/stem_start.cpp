#include "stem_start.h"

#include <algorithm>

namespace kb {
namespace {

bool ContinuesSequence(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Bytes of the first `letters` code points of `s` (all of it when shorter).
size_t PrefixBytes(std::string_view s, size_t letters) {
  size_t at = 0;
  for (size_t seen = 0; at < s.size(); ++at)
    if (!ContinuesSequence(s[at]) && ++seen > letters) break;
  return at;
}

}  // namespace

bool StemKeepsStart(std::string_view term, std::string_view stem, size_t max_dropped) {
  const std::string_view head = stem.substr(0, PrefixBytes(stem, 2));
  size_t at = 0;
  for (size_t dropped = 0; dropped <= max_dropped && at < term.size(); ++dropped) {
    if (term.substr(at, head.size()) == head) return true;
    at += PrefixBytes(term.substr(at), 1);
  }
  return false;
}

void KeepStemsKeepingStart(Token* token, size_t max_dropped) {
  auto strips_start = [&](const std::string& stem) {
    return !StemKeepsStart(token->term, stem, max_dropped);
  };
  token->stems.erase(std::remove_if(token->stems.begin(), token->stems.end(), strips_start),
                     token->stems.end());
}

}  // namespace kb
