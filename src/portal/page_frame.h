// What the portal's page builders share: the loaded state (templates,
// messages, assets, the searchers) and the page frame every HTML page is
// rendered into (templates/layout.mustache: <html lang dir>, title, meta
// description, canonical URL, hreflang alternates, header with the language
// switcher, footer). Internal to the portal part; read-only after Create.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kb/index/search.h"
#include "kb/portal/portal.h"
#include "messages.h"
#include "templates.h"

namespace kb::portal {

struct PortalState {
  PortalOptions options;
  Messages messages;
  Templates templates;
  SearcherPool* searchers = nullptr;
  std::map<std::string, Asset> assets;
};

// One HTML page's head and language.
struct PageFrame {
  std::string lang;         // UI language
  std::string title;        // without the site name
  std::string description;  // meta description; "" for none
  std::string canonical;    // site path ("/kb/en/x"); "" for none (not indexable)
  std::vector<std::pair<std::string, std::string>> alternates;  // hreflang, site path
  bool noindex = false;
  std::string switch_path;   // the path the language switcher appends ?lang= to
  std::string switch_query;  // other parameters the switcher keeps ("q=…&")
};

// The UI language for `request` (`from_url` first: ?lang= or the article's language).
std::string UiLanguage(const PortalState& state, const PageRequest& request,
                       const std::string& from_url);

// The data every template gets: "t" (the language's messages), "lang",
// "site" (name, logo, ticket URL), "base" (the public URL prefix), "csrf".
TemplateData CommonData(const PortalState& state, const PageRequest& request,
                        const std::string& lang);

// `page_template` rendered with `data` (which holds CommonData), inside the
// layout with `frame`.
Page RenderPage(const PortalState& state, const PageFrame& frame, const std::string& page_template,
                TemplateData data);

// A site path as a URL of the portal (public URL prefix added).
std::string SiteUrl(const PortalState& state, const std::string& path);
// A query-string value, percent-encoded (UTF-8 bytes kept as %XX).
std::string UrlEncode(const std::string& value);
// Sets the page's version ("generation.sequence") and publish time from the
// live index; leaves them empty when it cannot be read.
void SetPublishedVersion(const PortalState& state, Page* page);

// Builds the list data of articles for the templates: title, url, lang.
TemplateList ArticleList(const PortalState& state, const std::vector<ArticleSummary>& articles);

}  // namespace kb::portal
