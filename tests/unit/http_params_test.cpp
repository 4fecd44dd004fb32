// The one parameter parser of every route (src/http/params.h): integers,
// language tags, and the rules on unknown, repeated and agents-only parameters.
#include <doctest/doctest.h>

#include "http/params.h"

using kb::StatusCode;
using kb::http::AboveMax;
using kb::http::IntegerRule;
using kb::http::ParamContext;
using kb::http::ParamPairs;
using kb::http::ParamSpec;

TEST_CASE("ParseInteger: digits only, a minimum, and a maximum that clamps or rejects") {
  const IntegerRule clamp{1, 100, 10, AboveMax::kClamp};
  const IntegerRule reject{1, 100, 25, AboveMax::kReject};
  struct Case {
    const char* value;
    const IntegerRule& rule;
    long expected;  // -1: InvalidArgument
  } cases[] = {
      {"1", clamp, 1},
      {"100", clamp, 100},
      {"101", clamp, 100},
      {"007", clamp, 7},
      {"99999999999999999999999", clamp, 100},
      {"0", clamp, -1},
      {"-1", clamp, -1},
      {"+1", clamp, -1},
      {"1.5", clamp, -1},
      {"", clamp, -1},
      {"10x", clamp, -1},
      {" 1", clamp, -1},
      {"100", reject, 100},
      {"101", reject, -1},
      {"0", reject, -1},
      {"99999999999999999999", reject, -1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    auto n = kb::http::ParseInteger("limit", c.value, c.rule);
    if (c.expected < 0) {
      CHECK(n.status().code() == StatusCode::kInvalidArgument);
    } else {
      REQUIRE(n.ok());
      CHECK(*n == static_cast<size_t>(c.expected));
    }
  }
  CHECK(kb::http::ParseInteger("limit", "x", clamp).status().message() ==
        "limit must be an integer of at least 1");
  CHECK(kb::http::ParseInteger("per_page", "x", reject).status().message() ==
        "per_page must be an integer from 1 to 100");
}

TEST_CASE("PrimaryLanguage: BCP-47 tags in any case mean their primary language") {
  struct Case {
    const char* tag;
    const char* lang;  // nullptr: InvalidArgument
  } cases[] = {
      {"", "auto"},
      {"auto", "auto"},
      {"*", "auto"},
      {"en", "en"},
      {"EN", "en"},
      {"en-US", "en"},
      {"en-us", "en"},
      {"pt-BR", "pt"},
      {"zh-Hant-TW", "zh"},
      {"fil", "fil"},
      {"sr-latn-rs", "sr"},
      {"He", "he"},
      {"e", nullptr},
      {"english", nullptr},
      {"en_us", nullptr},
      {"en-", nullptr},
      {"-us", nullptr},
      {"en--us", nullptr},
      {"1a", nullptr},
      {"he il", nullptr},
      {"en-abcdefghi", nullptr},
      {"\xd7\x90\xd7\x91", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.tag);
    auto lang = kb::http::PrimaryLanguage(c.tag);
    if (c.lang) {
      REQUIRE(lang.ok());
      CHECK(*lang == c.lang);
    } else {
      CHECK(lang.status().code() == StatusCode::kInvalidArgument);
    }
  }
}

namespace {

std::vector<ParamSpec> Specs() {
  ParamSpec ref = kb::http::GitRefParam("ref", "a branch");
  ref.access = kb::http::ParamAccess::kAgentsOnly;
  ref.mode = kb::http::ParamMode::kGitOnly;
  return {kb::http::RequiredTextParam("q", 10, "query"), kb::http::LanguageParam("lang", "lang"),
          kb::http::IntegerParam("limit", {1, 20, 5, AboveMax::kClamp}, "limit"), ref};
}

kb::Status Parse(const ParamPairs& pairs, ParamContext context = {}) {
  return kb::http::ParseParams(Specs(), pairs, context).status();
}

}  // namespace

TEST_CASE("ParseParams applies the declared rules, naming the parameter") {
  ParamContext git_agent;
  git_agent.agent = true;
  git_agent.git_mode = true;
  struct Case {
    ParamPairs pairs;
    ParamContext context;
    StatusCode code;
    const char* message;
  } cases[] = {
      {{}, {}, StatusCode::kInvalidArgument, "q is required"},
      {{{"q", "x"}, {"colour", "red"}},
       {},
       StatusCode::kInvalidArgument,
       "unknown parameter 'colour'"},
      {{{"q", "x"}, {"q", "y"}},
       {},
       StatusCode::kInvalidArgument,
       "parameter 'q' given more than once"},
      {{{"q", "01234567890"}}, {}, StatusCode::kTooLarge, "q is longer than 10 bytes"},
      {{{"q", "x"}, {"lang", "english"}},
       {},
       StatusCode::kInvalidArgument,
       "lang must be 'auto' or a language tag such as 'he', 'en-US' or 'pt-BR'"},
      {{{"q", "x"}, {"limit", "0"}},
       {},
       StatusCode::kInvalidArgument,
       "limit must be an integer of at least 1"},
      {{{"q", "x"}, {"ref", "main"}}, {}, StatusCode::kInvalidArgument, "unknown parameter 'ref'"},
      {{{"q", "x"}, {"ref", "main"}},
       {false, true, kb::http::UnknownParams::kReject},
       StatusCode::kUnauthorized,
       "ref is for agents only: send Authorization: Bearer TOKEN"},
      {{{"q", "\xff"}}, {}, StatusCode::kInvalidArgument, "q is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    const kb::Status s = Parse(c.pairs, c.context);
    CHECK(s.code() == c.code);
    CHECK(s.message() == c.message);
  }
  auto values = kb::http::ParseParams(
      Specs(), {{"q", "x"}, {"lang", "pt-BR"}, {"ref", "\xff-branch"}}, git_agent);
  REQUIRE(values.ok());
  CHECK(values->Language("lang") == "pt");
  CHECK(values->Integer("limit") == 5);
  CHECK(values->Text("ref") == "\xff-branch");  // refs are bytes, looked up as given
  ParamContext ignore;
  ignore.unknown = kb::http::UnknownParams::kIgnore;
  CHECK(Parse({{"q", "x"}, {"_", "123"}}, ignore).ok());
}

TEST_CASE("ParseParams: a repeatable parameter keeps every value, up to its limit") {
  std::vector<ParamSpec> specs = {
      kb::http::RepeatableTextParam("category", 5, "Any of these categories.")};
  auto values = kb::http::ParseParams(specs, {{"category", "a"}, {"category", "b"}}, {});
  REQUIRE(values.ok());
  CHECK(values->All("category") == std::vector<std::string>{"a", "b"});
  CHECK(values->All("tag").empty());
  CHECK(kb::http::ParseParams(specs, {{"category", "a"}, {"category", "toolong"}}, {})
            .status()
            .code() == StatusCode::kTooLarge);
  ParamPairs many(kb::http::kMaxRepeats + 1, {"category", "x"});
  CHECK(kb::http::ParseParams(specs, many, {}).status().message() ==
        "parameter 'category' given more than 20 times");
}
