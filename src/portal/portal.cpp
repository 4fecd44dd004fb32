// Portal::Create and the Portal the http part calls: loads the templates
// folder once and dispatches to the page builders (pages.h, site_files.h).
#include "kb/portal/portal.h"

#include <fstream>
#include <sstream>

#include "pages.h"
#include "site_files.h"

namespace kb::portal {
namespace {

const std::vector<std::string> kTemplates = {
    "layout",      "home",        "search",          "article",
    "not_found",   "bad_request", "sign_in",         "feedback_thanks",
    "search_form", "insights",    "insights_section"};

const std::pair<const char*, const char*> kAssets[] = {
    {"portal.css", "text/css; charset=utf-8"},
    {"portal.js", "text/javascript; charset=utf-8"},
    {"widget.js", "text/javascript; charset=utf-8"},
};

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Status::InvalidArgument(path + ": cannot read");
  return text.str();
}

// The site's colours as CSS custom properties (portal.css uses them): no
// inline style, so the Content-Security-Policy needs none.
std::string SiteCss(const SiteConfig& site) {
  return ":root{--accent:" + site.accent_color + ";--bg:" + site.background_color +
         ";--text:" + site.text_color + "}\n";
}

class PortalImpl : public Portal {
 public:
  explicit PortalImpl(PortalState state) : state_(std::move(state)) {}

  Page Home(const PageRequest& r) const override { return Versioned(HomePage(state_, r)); }
  Page Search(const PageRequest& r, const SearchPageQuery& q) const override {
    return Versioned(SearchPage(state_, r, q));
  }
  Page Article(const PageRequest& r, const std::string& id) const override {
    return Versioned(ArticlePage(state_, r, id));
  }
  Page NotFound(const PageRequest& r) const override { return NotFoundPage(state_, r); }
  Page BadRequest(const PageRequest& r, const Status& status) const override {
    return BadRequestPage(state_, r, status);
  }
  Page SignIn(const PageRequest& r, bool failed) const override {
    return SignInPage(state_, r, failed);
  }
  Page FeedbackThanks(const PageRequest& r, const std::string& id) const override {
    return FeedbackThanksPage(state_, r, id);
  }
  Page ArticleFile(const PageRequest& r, const std::string& path) const override {
    return Versioned(ArticleFilePage(state_, r, path));
  }
  Page Insights(const PageRequest& r) const override { return InsightsPage(state_, r); }
  const SiteConfig& Site() const override { return state_.options.site; }
  Page Sitemap() const override { return Versioned(SitemapFile(state_)); }
  Page Robots() const override { return RobotsFile(state_); }
  Page OpenSearch(const PageRequest& r) const override { return OpenSearchFile(state_, r); }
  const Asset* FindAsset(const std::string& name) const override {
    auto it = state_.assets.find(name);
    return it == state_.assets.end() ? nullptr : &it->second;
  }

 private:
  Page Versioned(Page page) const {
    if (page.status.ok()) SetPublishedVersion(state_, &page);
    return page;
  }

  PortalState state_;
};

}  // namespace

Result<std::unique_ptr<Portal>> Portal::Create(const PortalOptions& options,
                                               SearcherPool* searchers) {
  auto messages = Messages::Load(options.templates_dir + "/messages", options.site.default_lang);
  if (!messages.ok()) return messages.status();
  auto templates = Templates::Load(options.templates_dir, kTemplates);
  if (!templates.ok()) return templates.status();
  PortalState state{options, std::move(*messages), std::move(*templates), searchers, {}};
  for (const auto& [name, type] : kAssets) {
    auto body = ReadAll(options.templates_dir + "/assets/" + name);
    if (!body.ok()) return body.status();
    state.assets[name] = Asset{type, std::move(*body)};
  }
  state.assets["site.css"] = Asset{"text/css; charset=utf-8", SiteCss(options.site)};
  return std::unique_ptr<Portal>(new PortalImpl(std::move(state)));
}

}  // namespace kb::portal
