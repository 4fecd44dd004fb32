#include "kb/articles/id_key.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace kb {

std::string ArticleIdKey(std::string_view id) {
  // ASCII (most ids): NFC leaves it as it is and case folding is A-Z to a-z;
  // no conversion to UTF-16 and back for each of a help center's files.
  if (std::all_of(id.begin(), id.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string key(id);
    for (char& c : key)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return key;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(id);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())));
  icu::UnicodeString folded = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(id);
  folded.foldCase();
  // Case folding can denormalize (e.g. U+0345), so normalize once more.
  icu::UnicodeString key = nfc->normalize(folded, status);
  if (U_FAILURE(status)) return std::string(id);
  std::string out;
  key.toUTF8String(out);
  return out;
}

}  // namespace kb
