#include "request_params.h"

namespace kb::http {

using namespace param;

std::vector<ParamSpec> SearchParams() {
  return {
      RequiredTextParam(kQuery, kMaxQueryBytes,
                        "The query as typed (UTF-8, at most 1024 bytes; \"quoted text\" is a "
                        "phrase)."),
      LanguageParam(kLang,
                    "`auto` (default: detected from the query) or a language code such as he, "
                    "fa, el, en; a BCP-47 tag (`en-US`, `EN`, `pt-BR`) means its language."),
      IntegerParam(kLimit, {1, kMaxLimit, 10, AboveMax::kClamp},
                   "Hits per response; larger values are clamped to 100."),
      IntegerParam(kOffset, {0, kMaxOffset, 0, AboveMax::kClamp},
                   "Hits to skip; larger values are clamped to 10000."),
      RepeatableTextParam(kCategory, kMaxFilterBytes,
                          "Only articles in this category; repeat it for any of several "
                          "(category=a&category=b). With tag: both must hold."),
      RepeatableTextParam(kTag, kMaxFilterBytes,
                          "Only articles with this tag; repeat it for any of several."),
  };
}

SearchRequest SearchRequestFrom(const ParamValues& values) {
  SearchRequest out;
  out.query = values.Text(kQuery);
  out.lang = values.Language(kLang);
  out.limit = values.Integer(kLimit);
  out.offset = values.Integer(kOffset);
  for (std::string& category : values.All(kCategory)) {
    if (!category.empty()) out.categories.push_back(std::move(category));
  }
  for (std::string& tag : values.All(kTag)) {
    if (!tag.empty()) out.tags.push_back(std::move(tag));
  }
  return out;
}

std::vector<ParamSpec> SuggestParams() {
  return {
      RequiredTextParam(kQuery, kMaxPrefixBytes,
                        "What was typed so far (at most 200 bytes); the last word may be partial."),
      LanguageParam(kLang,
                    "`auto` (default) or a language code (a BCP-47 tag means its language)."),
      IntegerParam(kLimit, {1, kMaxListLimit, 8, AboveMax::kClamp},
                   "Larger values are clamped to 20."),
  };
}

SuggestRequest SuggestRequestFrom(const ParamValues& values) {
  SuggestRequest out;
  out.prefix = values.Text(kQuery);
  out.lang = values.Language(kLang);
  out.limit = values.Integer(kLimit);
  return out;
}

std::vector<ParamSpec> FaqParams() {
  return {
      LanguageParam(kLang,
                    "A language code (a BCP-47 tag means its language); absent or `auto`: every "
                    "language."),
      TextParam(kCategory, kMaxFilterBytes, "Only this category."),
  };
}

FaqRequest FaqRequestFrom(const ParamValues& values) {
  FaqRequest out;
  out.lang = values.Language(kLang);
  if (out.lang == "auto") out.lang.clear();
  out.category = values.Text(kCategory);
  return out;
}

std::vector<ParamSpec> RelatedParams() {
  return {IntegerParam(kLimit, {1, kMaxListLimit, 5, AboveMax::kClamp},
                       "Larger values are clamped to 20.")};
}

}  // namespace kb::http
