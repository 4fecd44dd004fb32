#include "messages.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kb::portal {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The pattern formatted with `args`; InvalidArgument when ICU rejects it.
Result<std::string> FormatPattern(const std::string& lang, const std::string& pattern,
                                  const std::vector<MessageArg>& args) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(lang.c_str()),
                            status);
  if (U_FAILURE(status)) return Status::InvalidArgument(u_errorName(status));
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const MessageArg& arg : args) {
    names.push_back(icu::UnicodeString::fromUTF8(arg.name));
    values.push_back(arg.is_text ? icu::Formattable(icu::UnicodeString::fromUTF8(arg.text))
                                 : icu::Formattable(arg.number));
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return Status::InvalidArgument(u_errorName(status));
  return Utf8(out);
}

Result<std::map<std::string, std::string>> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Status::InvalidArgument(path.string() + ": cannot read");
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) return Status::InvalidArgument(path.string() + ": not a JSON object");
  std::map<std::string, std::string> patterns;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string())
      return Status::InvalidArgument(path.string() + ": " + key + " is not a string");
    patterns[key] = value.get<std::string>();
  }
  return patterns;
}

}  // namespace

Result<Messages> Messages::Load(const std::string& dir, const std::string& reference_lang) {
  Messages messages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    const std::string lang = entry.path().stem().string();
    auto patterns = ReadFile(entry.path());
    if (!patterns.ok()) return patterns.status();
    for (const auto& [key, pattern] : *patterns) {
      auto plain = FormatPattern(lang, pattern, {});
      if (!plain.ok())
        return Status::InvalidArgument(entry.path().string() + ": " + key + ": " +
                                       plain.status().message());
      messages.plain_[lang][key] = *plain;
    }
    messages.patterns_[lang] = std::move(*patterns);
    icu::Locale locale(lang.c_str());
    icu::UnicodeString name;
    locale.getDisplayLanguage(locale, name);
    messages.native_names_[lang] = Utf8(name);
  }
  if (ec) return Status::InvalidArgument(dir + ": " + ec.message());
  if (!messages.Has(reference_lang))
    return Status::InvalidArgument(dir + ": no messages for the default language '" +
                                   reference_lang + "'");
  for (const auto& [lang, patterns] : messages.patterns_) {
    for (const auto& [key, pattern] : messages.patterns_[reference_lang]) {
      if (!patterns.count(key))
        return Status::InvalidArgument(dir + "/" + lang + ".json: missing message '" + key + "'");
    }
  }
  return messages;
}

std::vector<std::string> Messages::Languages() const {
  std::vector<std::string> out;
  for (const auto& entry : patterns_) out.push_back(entry.first);
  return out;
}

const std::map<std::string, std::string>& Messages::Plain(const std::string& lang) const {
  return plain_.at(lang);
}

std::string Messages::Format(const std::string& lang, const std::string& key,
                             const std::vector<MessageArg>& args) const {
  auto patterns = patterns_.find(lang);
  if (patterns == patterns_.end()) return key;
  auto pattern = patterns->second.find(key);
  if (pattern == patterns->second.end()) return key;
  auto formatted = FormatPattern(lang, pattern->second, args);
  return formatted.ok() ? *formatted : key;
}

std::string Messages::Number(const std::string& lang, int64_t n) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> format(
      icu::NumberFormat::createInstance(icu::Locale(lang.c_str()), status));
  if (U_FAILURE(status)) return std::to_string(n);
  icu::UnicodeString out;
  format->format(n, out);
  return Utf8(out);
}

std::string Messages::Date(const std::string& lang, int64_t seconds) const {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kLong, icu::Locale(lang.c_str())));
  if (!format) return std::to_string(seconds);
  icu::UnicodeString out;
  format->format(static_cast<UDate>(seconds) * 1000.0, out);
  return Utf8(out);
}

std::string Messages::NativeName(const std::string& lang) const {
  auto it = native_names_.find(lang);
  return it == native_names_.end() ? lang : it->second;
}

bool Messages::RightToLeft(const std::string& lang) {
  return icu::Locale(lang.c_str()).isRightToLeft();
}

}  // namespace kb::portal
