#include "params.h"

#include <algorithm>
#include <cctype>

#include "kb/core/language_tag.h"
#include "kb/core/utf8.h"

namespace kb::http {
namespace {

bool AllOf(std::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(), [pred](unsigned char c) { return pred(c) != 0; });
}

const ParamSpec* Find(const std::vector<ParamSpec>& specs, const std::string& name,
                      const ParamContext& context) {
  for (const ParamSpec& spec : specs) {
    if (spec.name == name && (spec.mode == ParamMode::kAlways || context.git_mode)) return &spec;
  }
  return nullptr;
}

// The checks every parameter gets before any other: known, once, allowed, UTF-8.
Status CheckReceived(const std::vector<ParamSpec>& specs, const ParamPairs& received,
                     const ParamContext& context, ParamValues* values) {
  for (const auto& [name, value] : received) {
    const ParamSpec* spec = Find(specs, name, context);
    if (!spec) {
      if (context.unknown == UnknownParams::kIgnore) continue;
      return Status::InvalidArgument("unknown parameter '" + name + "'");
    }
    if (spec->ignored) continue;
    if (spec->repeatable && values->All(name).size() >= kMaxRepeats)
      return Status::InvalidArgument("parameter '" + name + "' given more than " +
                                     std::to_string(kMaxRepeats) + " times");
    if (values->Has(name) && !spec->repeatable)
      return Status::InvalidArgument("parameter '" + name + "' given more than once");
    if (spec->access == ParamAccess::kAgentsOnly && !context.agent)
      return Status::Unauthorized(name + " is for agents only: send Authorization: Bearer TOKEN");
    if (spec->type != ParamType::kGitRef && !IsValidUtf8(value))
      return Status::InvalidArgument(name + " is not valid UTF-8");
    if (spec->repeatable) values->AddRepeated(name, value);
    values->SetText(name, value);
  }
  return Status::OK();
}

Status CheckValue(const ParamSpec& spec, ParamValues* values) {
  const std::string value = values->Text(spec.name);
  switch (spec.type) {
    case ParamType::kText:
      for (const std::string& each :
           spec.repeatable ? values->All(spec.name) : std::vector<std::string>{value}) {
        if (spec.max_bytes > 0 && each.size() > spec.max_bytes)
          return Status::TooLarge(spec.name + " is longer than " + std::to_string(spec.max_bytes) +
                                  " bytes");
      }
      if (spec.required && AllOf(value, ::isspace))
        return Status::InvalidArgument(spec.name + " is required");
      return Status::OK();
    case ParamType::kInteger: {
      if (!values->Has(spec.name)) return Status::OK();
      auto n = ParseInteger(spec.name, value, spec.integer);
      if (!n.ok()) return n.status();
      values->SetInteger(spec.name, *n);
      return Status::OK();
    }
    case ParamType::kLanguage: {
      auto lang = PrimaryLanguage(value);
      if (!lang.ok())
        return Status::InvalidArgument(
            spec.name + " must be 'auto' or a language tag such as 'he', 'en-US' or 'pt-BR'");
      values->SetLanguage(spec.name, *lang);
      return Status::OK();
    }
    case ParamType::kGitRef:
      return Status::OK();
  }
  return Status::OK();
}

ParamSpec Make(std::string name, ParamType type, std::string description) {
  ParamSpec spec;
  spec.name = std::move(name);
  spec.type = type;
  spec.description = std::move(description);
  return spec;
}

}  // namespace

ParamSpec TextParam(std::string name, size_t max_bytes, std::string description) {
  ParamSpec spec = Make(std::move(name), ParamType::kText, std::move(description));
  spec.max_bytes = max_bytes;
  return spec;
}

ParamSpec RepeatableTextParam(std::string name, size_t max_bytes, std::string description) {
  ParamSpec spec = TextParam(std::move(name), max_bytes, std::move(description));
  spec.repeatable = true;
  return spec;
}

ParamSpec RequiredTextParam(std::string name, size_t max_bytes, std::string description) {
  ParamSpec spec = TextParam(std::move(name), max_bytes, std::move(description));
  spec.required = true;
  return spec;
}

ParamSpec IntegerParam(std::string name, IntegerRule rule, std::string description) {
  ParamSpec spec = Make(std::move(name), ParamType::kInteger, std::move(description));
  spec.integer = rule;
  return spec;
}

ParamSpec LanguageParam(std::string name, std::string description) {
  return Make(std::move(name), ParamType::kLanguage, std::move(description));
}

ParamSpec GitRefParam(std::string name, std::string description) {
  return Make(std::move(name), ParamType::kGitRef, std::move(description));
}

ParamSpec IgnoredParam(std::string name, std::string description) {
  ParamSpec spec = Make(std::move(name), ParamType::kText, std::move(description));
  spec.ignored = true;
  return spec;
}

std::string ParamValues::Text(const std::string& name) const {
  auto it = text_.find(name);
  return it == text_.end() ? std::string() : it->second;
}

std::vector<std::string> ParamValues::All(const std::string& name) const {
  auto it = repeated_.find(name);
  return it == repeated_.end() ? std::vector<std::string>() : it->second;
}

size_t ParamValues::Integer(const std::string& name) const {
  auto it = integers_.find(name);
  return it == integers_.end() ? 0 : it->second;
}

std::string ParamValues::Language(const std::string& name) const {
  auto it = languages_.find(name);
  return it == languages_.end() ? std::string("auto") : it->second;
}

Result<ParamValues> ParseParams(const std::vector<ParamSpec>& specs, const ParamPairs& received,
                                const ParamContext& context) {
  ParamValues values;
  if (Status s = CheckReceived(specs, received, context, &values); !s.ok()) return s;
  for (const ParamSpec& spec : specs) {
    if (spec.type == ParamType::kInteger) values.SetInteger(spec.name, spec.integer.fallback);
    if (spec.ignored || (spec.mode == ParamMode::kGitOnly && !context.git_mode)) continue;
    if (Status s = CheckValue(spec, &values); !s.ok()) return s;
  }
  return values;
}

Result<size_t> ParseInteger(std::string_view name, std::string_view value,
                            const IntegerRule& rule) {
  const bool clamp = rule.above_max == AboveMax::kClamp;
  const std::string expected =
      std::string(name) + " must be an integer " +
      (clamp ? "of at least " + std::to_string(rule.min)
             : "from " + std::to_string(rule.min) + " to " + std::to_string(rule.max));
  if (value.empty() || !AllOf(value, ::isdigit)) return Status::InvalidArgument(expected);
  const size_t first = value.find_first_not_of('0');
  const size_t digits = first == std::string_view::npos ? 0 : value.size() - first;
  constexpr size_t kMaxDigits = 18;  // fits size_t; longer is "very large"
  if (digits > kMaxDigits) {
    if (clamp) return rule.max;
    return Status::InvalidArgument(expected);
  }
  const size_t n = digits == 0 ? 0 : std::stoull(std::string(value.substr(first)));
  if (n < rule.min) return Status::InvalidArgument(expected);
  if (n > rule.max) {
    if (clamp) return rule.max;
    return Status::InvalidArgument(expected);
  }
  return n;
}

Result<std::string> PrimaryLanguage(std::string_view tag) {
  if (tag.empty() || tag == "auto" || tag == "*") return std::string("auto");
  std::optional<std::string> primary = PrimaryLanguageSubtag(tag, TagSeparators::kHyphen);
  if (!primary) return Status::InvalidArgument("not a language tag: '" + std::string(tag) + "'");
  return std::move(*primary);
}

}  // namespace kb::http
