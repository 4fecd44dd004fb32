// Query parameters as the route table declares them (route_table.h): their
// names, types and rules, and the one parser every route uses to check a
// request's parameters against them. Pure functions over plain values (no
// httplib); thread-safe.
//
// The rules, the same for every route (the Zendesk-compatible one included):
//   - a parameter the route does not declare is a 400 naming it, unless the
//     route ignores unknown parameters (Zendesk, health, the OpenAPI document);
//   - a declared parameter given twice is a 400; one for agents only, sent
//     by a customer, is a 401;
//   - every value is valid UTF-8 (git refs excepted: they are looked up as
//     they are), checked for all parameters before any other rule;
//   - then, parameter by parameter in declaration order: a text over its
//     limit is a 413, a required one that is blank a 400; an integer is
//     ParseInteger's, a language tag PrimaryLanguage's.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/core/status.h"

namespace kb::http {

enum class ParamType {
  kText,      // UTF-8 text, at most max_bytes
  kInteger,   // a decimal count (ParseInteger)
  kLanguage,  // "auto", "*" or a BCP-47 tag: its primary language (PrimaryLanguage)
  kGitRef,    // a branch, tag or commit: any bytes, looked up as given
};

// What an integer above `max` means: clamped to it ("give me everything" gets
// the cap), or an error (Zendesk's per_page, as Zendesk does).
enum class AboveMax { kClamp, kReject };

struct IntegerRule {
  size_t min = 0;
  size_t max = 0;
  size_t fallback = 0;  // the value when the parameter is absent
  AboveMax above_max = AboveMax::kClamp;
};

// Who may send a parameter, and in which mode it exists.
enum class ParamAccess { kAnyone, kAgentsOnly };
enum class ParamMode { kAlways, kGitOnly };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kText;
  std::string description;  // for the OpenAPI document
  bool required = false;    // text: absent or only whitespace is a 400
  size_t max_bytes = 0;     // text: over it is a 413; 0 = no limit of its own
  IntegerRule integer;      // kInteger only
  ParamAccess access = ParamAccess::kAnyone;
  ParamMode mode = ParamMode::kAlways;
  bool ignored = false;     // accepted and documented, but has no effect (Zendesk's sort_by)
  bool repeatable = false;  // text: may be given several times (at most 20), read with All()
};

// Declaring parameters reads like their documentation.
ParamSpec TextParam(std::string name, size_t max_bytes, std::string description);
// A text parameter that may be given up to kMaxRepeats times (category=a&category=b).
ParamSpec RepeatableTextParam(std::string name, size_t max_bytes, std::string description);
inline constexpr size_t kMaxRepeats = 20;
ParamSpec RequiredTextParam(std::string name, size_t max_bytes, std::string description);
ParamSpec IntegerParam(std::string name, IntegerRule rule, std::string description);
ParamSpec LanguageParam(std::string name, std::string description);
ParamSpec GitRefParam(std::string name, std::string description);
ParamSpec IgnoredParam(std::string name, std::string description);

enum class UnknownParams { kReject, kIgnore };

// A request's parameters, checked: declared ones only, one value each.
class ParamValues {
 public:
  bool Has(const std::string& name) const { return text_.count(name) > 0; }
  // The value as received; "" when absent.
  std::string Text(const std::string& name) const;
  // Every value of a repeatable parameter, in the order sent; empty when absent.
  std::vector<std::string> All(const std::string& name) const;
  // A kInteger parameter's value, its rule's fallback when absent.
  size_t Integer(const std::string& name) const;
  // A kLanguage parameter's primary language ("en" for "en-US"), "auto" when absent.
  std::string Language(const std::string& name) const;

  void SetText(const std::string& name, std::string value) { text_[name] = std::move(value); }
  void AddRepeated(const std::string& name, std::string value) {
    repeated_[name].push_back(std::move(value));
  }
  void SetInteger(const std::string& name, size_t value) { integers_[name] = value; }
  void SetLanguage(const std::string& name, std::string v) { languages_[name] = std::move(v); }

 private:
  std::map<std::string, std::string> text_;
  std::map<std::string, std::vector<std::string>> repeated_;
  std::map<std::string, size_t> integers_;
  std::map<std::string, std::string> languages_;
};

using ParamPairs = std::vector<std::pair<std::string, std::string>>;

struct ParamContext {
  bool agent = false;     // the caller has a valid agent token
  bool git_mode = false;  // kGitOnly parameters exist
  UnknownParams unknown = UnknownParams::kReject;
};

// Checks `received` (name, value pairs as sent) against `specs` under the
// rules above. InvalidArgument, TooLarge or Unauthorized name the parameter.
Result<ParamValues> ParseParams(const std::vector<ParamSpec>& specs, const ParamPairs& received,
                                const ParamContext& context);

// The one integer parser: decimal digits only (no sign, no fraction, not
// empty), at least rule.min; above rule.max clamped or rejected as the rule
// says (values too long to convert count as very large). InvalidArgument:
// "limit must be an integer of at least 1" (clamping rules) or
// "per_page must be an integer from 1 to 100" (rejecting ones).
Result<size_t> ParseInteger(std::string_view name, std::string_view value, const IntegerRule& rule);

// The one language-tag check: "", "auto" and "*" are "auto"; a BCP-47 tag
// (a 2-3 letter primary subtag, then "-" subtags of 1-8 letters or digits,
// any case: "en-US", "EN", "pt-BR", "zh-Hant-TW") is its primary language,
// lower-cased ("en", "pt", "zh"). InvalidArgument for anything else.
Result<std::string> PrimaryLanguage(std::string_view tag);

}  // namespace kb::http
