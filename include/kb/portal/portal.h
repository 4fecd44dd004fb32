// kb::portal::Portal: the self-service help-center pages (docs/portal.md):
// the home page, search results, articles, the 404 page, the agents' sign-in
// form, sitemap.xml, robots.txt and opensearch.xml, rendered from the Mustache
// templates of a templates folder (templates/ in the repository) with UI
// strings from its messages/ files, formatted by ICU for the page's language.
//
// The portal only renders: the http part parses requests, tells agents from
// customers (cookie), sets headers and maps a Page's Status to HTTP. Articles
// come from the SearcherPool with the caller's visibility, so a customer's page
// never names an internal article (not in results, related lists,
// translations, the FAQ or the sitemap; an internal id is a 404 page).
//
// Create() reads every template, message file and asset once; a Portal is
// immutable afterwards and thread-safe. It borrows the SearcherPool, which
// must outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kb/core/status.h"

namespace kb {
class SearcherPool;
class EventStore;
struct SearchRequest;
struct SearchResponse;
}  // namespace kb

namespace kb::portal {

// What `kb serve --site-config FILE` sets (a JSON object; every key optional).
struct SiteConfig {
  std::string name = "Help Center";
  std::string default_lang = "en";  // a UI language of the templates' messages
  std::string ticket_url;           // "Contact support"; "" hides the link
  std::string accent_color = "#1a56db";
  std::string background_color = "#ffffff";
  std::string text_color = "#1f2328";
  std::string logo_url;  // "" shows the site name only
};

// The SiteConfig of a JSON file: {"name", "default_lang", "ticket_url",
// "colors": {"accent", "background", "text"}, "logo_url"}. InvalidArgument
// naming the file and the key for unreadable JSON, an unknown key, a colour
// that is not #rgb/#rrggbb, or a ticket/logo URL that is not http(s) or
// site-relative; IOError when the file cannot be read.
Result<SiteConfig> LoadSiteConfig(const std::string& file);

struct PortalOptions {
  std::string templates_dir;  // *.mustache, messages/*.json, assets/
  std::string public_url;     // without trailing '/'; "" for relative URLs
  // The articles folder, to serve the images and other files beside the
  // articles (kb serve --articles); "" serves none.
  std::string articles_dir;
  SiteConfig site;
  // The insights store the agents' insights page and the home page's
  // popular articles read (borrowed; must outlive the Portal); null: none.
  EventStore* events = nullptr;
};

// Who asks, in which language, with which form token.
struct PageRequest {
  std::string lang;             // ?lang= as given ("" absent); a bad tag is ignored
  std::string accept_language;  // the Accept-Language header
  bool agent = false;           // a signed-in agent: internal articles are visible
  std::string csrf_token;       // put into the page's forms
  // The insights session (kb/insights/session.h) the page hands to its
  // script (data-session), so clicks, votes and contacts carry it; "" none.
  std::string session;
};

// The search page's query string, as received.
struct SearchPageQuery {
  std::string q;
  std::vector<std::string> categories;  // any of them
  std::vector<std::string> tags;        // any of them (and a category, when both are given)
  std::string page;                     // 1-based page number as text ("" = 1)
  // Called after a successful search, before the page is rendered (the
  // http part records it as an insights search); may be empty.
  std::function<void(const SearchRequest&, const SearchResponse&)> searched;
};

// A rendered page. `status` is OK, NotFound (the 404 page) or InvalidArgument
// (a page explaining the bad request); the body is always a full document.
struct Page {
  Status status;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::string lang;          // the UI language the page is in ("" for non-HTML)
  std::string version;       // the published index it shows (generation.sequence), for ETags
  int64_t published_at = 0;  // when that index was published (Last-Modified); 0: unknown
};

// A static file of the templates' assets/ folder.
struct Asset {
  std::string content_type;
  std::string body;
};

class Portal {
 public:
  // Reads the templates folder. InvalidArgument naming the file for a
  // missing or unparsable template or message file, or a default language
  // without messages.
  static Result<std::unique_ptr<Portal>> Create(const PortalOptions& options,
                                                SearcherPool* searchers);
  virtual ~Portal() = default;

  virtual Page Home(const PageRequest& request) const = 0;
  virtual Page Search(const PageRequest& request, const SearchPageQuery& query) const = 0;
  // `id` is the article id of /kb/{id}; NotFound page for an unknown or hidden one.
  virtual Page Article(const PageRequest& request, const std::string& id) const = 0;
  virtual Page NotFound(const PageRequest& request) const = 0;
  // A page explaining a bad request (`status` is InvalidArgument or TooLarge).
  virtual Page BadRequest(const PageRequest& request, const Status& status) const = 0;
  // The agents' sign-in form; `failed` shows "that token is not valid".
  virtual Page SignIn(const PageRequest& request, bool failed) const = 0;
  // The thank-you page of the no-JavaScript "Was this helpful?" form.
  virtual Page FeedbackThanks(const PageRequest& request, const std::string& id) const = 0;
  // A file beside the articles (/kb/en/account/images/reset.png): its bytes
  // and content type when it lies in the folder (or a subfolder) of an
  // article the caller may see, has a known media type (images, PDF, text,
  // CSV, video) and stays inside the articles folder after symlinks; the 404
  // page otherwise (also when no articles folder is configured).
  virtual Page ArticleFile(const PageRequest& request, const std::string& path) const = 0;
  // True when `path` (the {id} of /kb/{id}) names a file type ArticleFile serves.
  static bool LooksLikeFile(const std::string& path);
  // The agents' insights page (/agent/insights): searches and self-service
  // rate by day, top failed searches per language, articles by helpfulness
  // with their reasons, content gaps, each a chart, a table and a CSV link
  // (/agent/insights/REPORT.csv). The 404 page when request.agent is false.
  virtual Page Insights(const PageRequest& request) const = 0;
  // The site configuration the portal was created with (its ticket URL).
  virtual const SiteConfig& Site() const = 0;
  virtual Page Sitemap() const = 0;
  virtual Page Robots() const = 0;
  virtual Page OpenSearch(const PageRequest& request) const = 0;
  // assets/NAME (portal.css, portal.js, widget.js, site.css from the site
  // colours), or nullptr.
  virtual const Asset* FindAsset(const std::string& name) const = 0;
};

}  // namespace kb::portal
