// The portal's UI strings: one JSON file per UI language in
// templates/messages/ (en.json, he.json, ...), each an object of message
// keys to ICU MessageFormat patterns ("{count, plural, one {# result} other
// {# results}}"). Formatting uses the language's ICU locale: its plural
// rules, its digits (Persian: ۱۲۳) and its calendar and date format.
//
// Loaded once; immutable and thread-safe afterwards (each call builds its own
// ICU formatter).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kb/core/status.h"

namespace kb::portal {

// A named argument of a message: a number or text.
struct MessageArg {
  std::string name;
  int64_t number = 0;
  std::string text;
  bool is_text = false;
};

class Messages {
 public:
  // Reads DIR/*.json. InvalidArgument "FILE: ..." for a file that is not a
  // JSON object of strings, or a pattern ICU cannot parse; also when a file
  // lacks a key that `reference_lang`'s file has.
  static Result<Messages> Load(const std::string& dir, const std::string& reference_lang);

  bool Has(const std::string& lang) const { return patterns_.count(lang) > 0; }
  std::vector<std::string> Languages() const;

  // Every message of `lang` formatted without arguments (for the templates).
  const std::map<std::string, std::string>& Plain(const std::string& lang) const;
  // One message with arguments; the key itself when it does not exist.
  std::string Format(const std::string& lang, const std::string& key,
                     const std::vector<MessageArg>& args) const;
  // A number in the language's digits ("۳" in Persian).
  std::string Number(const std::string& lang, int64_t n) const;
  // A date (seconds since the epoch) in the language's long date format and calendar.
  std::string Date(const std::string& lang, int64_t seconds) const;
  // The language's name in itself ("עברית"), for the language switcher.
  std::string NativeName(const std::string& lang) const;
  // True for a right-to-left language (ICU's locale data).
  static bool RightToLeft(const std::string& lang);

 private:
  std::map<std::string, std::map<std::string, std::string>> patterns_;  // lang -> key -> pattern
  std::map<std::string, std::map<std::string, std::string>> plain_;     // formatted, no args
  std::map<std::string, std::string> native_names_;
};

}  // namespace kb::portal
