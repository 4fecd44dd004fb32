// Which language a page's UI is in: the URL's ?lang= (or the article's own
// language), else the first of Accept-Language's languages (by q-value) that
// has messages, else the site's default. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb::portal {

struct LanguageChoice {
  std::string from_url;         // ?lang= or the article's language; "" for none
  std::string accept_language;  // the header as sent
  std::string site_default;
};

// The chosen language; always one of `available` when site_default is.
std::string ChooseUiLanguage(const LanguageChoice& choice,
                             const std::vector<std::string>& available);

// The primary languages of an Accept-Language header, best first (q=0 and
// malformed entries dropped; ties keep their order).
std::vector<std::string> AcceptedLanguages(std::string_view header);

}  // namespace kb::portal
