// _synonyms.yml: parsing and validation with yaml-cpp (see kb/synonyms.h).
#include "kb/articles/synonyms.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "kb/core/language_tag.h"
#include "kb/core/utf8.h"
#include "text_util.h"

namespace kb {
namespace {

constexpr std::string_view kOneWay = "=>";

class Reporter {
 public:
  explicit Reporter(std::string_view path) : path_(path) {}
  void Error(const YAML::Node& node, const std::string& message) {
    errors_.Add(std::string(path_), node.Mark().is_null() ? 0 : node.Mark().line + 1, message);
  }
  bool failed() const { return !errors_.ok(); }
  Diagnostics TakeErrors() { return std::move(errors_); }

 private:
  std::string_view path_;
  Diagnostics errors_;
};

// Splits "a, b" into trimmed non-empty parts; false if any part is empty.
bool SplitList(std::string_view text, std::vector<std::string>* out) {
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string_view part = TrimAscii(text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (part.empty()) return false;
    out->emplace_back(part);
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

void ReadGroup(const YAML::Node& entry, const std::string& lang, Reporter* report,
               std::vector<SynonymRule>* rules) {
  SynonymRule rule;
  rule.lang = lang;
  rule.line = entry.Mark().line + 1;
  for (const YAML::Node& item : entry) {
    const std::string text =
        item.IsScalar() ? std::string(TrimAscii(item.Scalar())) : std::string();
    if (text.empty()) return report->Error(item, "a synonym must be a non-empty text");
    rule.from.push_back(text);
  }
  if (rule.from.size() < 2)
    return report->Error(entry, "a synonym group needs at least two entries");
  rule.to = rule.from;
  rules->push_back(std::move(rule));
}

void ReadOneWay(const YAML::Node& entry, const std::string& lang, Reporter* report,
                std::vector<SynonymRule>* rules) {
  const std::string& text = entry.Scalar();
  const size_t arrow = text.find(kOneWay);
  if (arrow == std::string::npos || text.find(kOneWay, arrow + kOneWay.size()) != std::string::npos)
    return report->Error(
        entry, "expected a list [a, b] or a one-way mapping 'a => b', got '" + text + "'");
  SynonymRule rule;
  rule.lang = lang;
  rule.line = entry.Mark().line + 1;
  if (!SplitList(std::string_view(text).substr(0, arrow), &rule.from) ||
      !SplitList(std::string_view(text).substr(arrow + kOneWay.size()), &rule.to))
    return report->Error(entry, "empty text in '" + text + "'");
  rules->push_back(std::move(rule));
}

void ReadLanguage(const YAML::Node& key, const YAML::Node& value, Reporter* report,
                  std::vector<SynonymRule>* rules) {
  const std::optional<std::string> primary =
      key.IsScalar() ? PrimaryLanguageSubtag(key.Scalar(), TagSeparators::kHyphenOrUnderscore)
                     : std::nullopt;
  const std::string lang = primary.value_or("");
  if (!primary || lang != key.Scalar())
    return report->Error(key, "expected a lower-case language code such as en or he, got '" +
                                  (key.IsScalar() ? key.Scalar() : std::string("?")) + "'");
  if (!value.IsSequence()) return report->Error(value, "'" + lang + "' must be a list of synonyms");
  for (const YAML::Node& entry : value) {
    if (entry.IsSequence()) {
      ReadGroup(entry, lang, report, rules);
    } else if (entry.IsScalar()) {
      ReadOneWay(entry, lang, report, rules);
    } else {
      report->Error(entry, "expected a list [a, b] or a one-way mapping 'a => b'");
    }
  }
}

}  // namespace

Diagnosed<std::vector<SynonymRule>> ParseSynonyms(std::string_view path, std::string_view bytes) {
  using Parsed = Diagnosed<std::vector<SynonymRule>>;
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Parsed{{}, Diagnostics(std::string(path), PositionOf(bytes, bad).line, "invalid UTF-8")};
  if (size_t bad = FindYamlForbiddenChar(bytes); bad != std::string_view::npos)
    return Parsed{{},
                  Diagnostics(std::string(path), PositionOf(bytes, bad).line,
                              YamlForbiddenCharMessage(bytes, bad))};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(bytes));
  } catch (const YAML::Exception& e) {
    return Parsed{{},
                  Diagnostics(std::string(path), e.mark.is_null() ? 0 : e.mark.line + 1,
                              EscapeInvalidUtf8(e.msg))};
  }
  if (root.IsNull()) return {};  // an empty file is fine
  Reporter report(path);
  if (!root.IsMap()) {
    report.Error(root, "expected a mapping from language codes to lists of synonyms");
    return Parsed{{}, report.TakeErrors()};
  }
  Parsed parsed;
  for (auto it = root.begin(); it != root.end(); ++it)
    ReadLanguage(it->first, it->second, &report, &parsed.value);
  if (report.failed()) return Parsed{{}, report.TakeErrors()};
  return parsed;
}

extern const std::string_view kHelpdeskSynonymsYaml;  // helpdesk_synonyms.yml, compiled in

std::vector<SynonymRule> BuiltInSynonyms() {
  // The file is tested to parse (synonyms_test.cpp); a broken one gives no rules.
  auto parsed = ParseSynonyms("helpdesk_synonyms.yml", kHelpdeskSynonymsYaml);
  if (!parsed.ok()) return {};
  std::vector<SynonymRule> rules = std::move(parsed.value);
  for (SynonymRule& rule : rules) rule.line = 0;
  return rules;
}

std::string EncodeSynonyms(const std::vector<SynonymRule>& rules) {
  nlohmann::json out = nlohmann::json::array();
  for (const SynonymRule& r : rules)
    out.push_back({{"lang", r.lang}, {"from", r.from}, {"to", r.to}, {"line", r.line}});
  return out.dump();
}

std::vector<SynonymRule> DecodeSynonyms(std::string_view json) {
  std::vector<SynonymRule> rules;
  const nlohmann::json in = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!in.is_array()) return rules;
  for (const nlohmann::json& r : in) {
    if (!r.is_object()) continue;
    rules.push_back({r.value("lang", ""), r.value("from", std::vector<std::string>{}),
                     r.value("to", std::vector<std::string>{}), r.value("line", 0)});
  }
  return rules;
}

}  // namespace kb
