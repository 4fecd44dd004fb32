// sitemap.xml (public articles only, with their translations as alternates),
// robots.txt and opensearch.xml.
#include "site_files.h"

#include "kb/core/html.h"
#include "pages.h"

namespace kb::portal {

Page SitemapFile(const PortalState& state) {
  FaqRequest all;
  all.faq_only = false;
  all.agent = false;  // search engines are customers
  auto categories = state.searchers->With([&](Searcher& s) { return s.Faq(all); });
  Page page;
  page.content_type = "application/xml; charset=utf-8";
  if (!categories.ok()) {
    page.status = categories.status();
    return page;
  }
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  xml += "<url><loc>";
  AppendEscapedHtml(SiteUrl(state, "/"), &xml);
  xml += "</loc></url>\n";
  for (const FaqCategory& category : *categories) {
    for (const ArticleSummary& article : category.articles) {
      xml += "<url><loc>";
      AppendEscapedHtml(SiteUrl(state, "/kb/" + article.id), &xml);
      xml += "</loc></url>\n";
    }
  }
  xml += "</urlset>\n";
  page.body = std::move(xml);
  return page;
}

Page RobotsFile(const PortalState& state) {
  Page page;
  page.content_type = "text/plain; charset=utf-8";
  page.body =
      "User-agent: *\nDisallow: /search\nDisallow: /contact\nDisallow: /agent/\nDisallow: "
      "/api/\nSitemap: " +
      SiteUrl(state, "/sitemap.xml") + "\n";
  return page;
}

Page OpenSearchFile(const PortalState& state, const PageRequest& request) {
  const std::string lang = UiLanguage(state, request, "");
  Page page;
  page.content_type = "application/opensearchdescription+xml; charset=utf-8";
  page.lang = lang;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n<ShortName>";
  AppendEscapedHtml(state.options.site.name.substr(0, 16), &xml);
  xml += "</ShortName>\n<Description>";
  AppendEscapedHtml(state.messages.Plain(lang).at("home_description"), &xml);
  xml += "</Description>\n<InputEncoding>UTF-8</InputEncoding>\n<Language>" + lang +
         "</Language>\n<Url type=\"text/html\" template=\"";
  AppendEscapedHtml(SiteUrl(state, "/search?q={searchTerms}&lang=" + lang), &xml);
  xml += "\"/>\n<Url type=\"application/x-suggestions+json\" template=\"";
  AppendEscapedHtml(SiteUrl(state, "/api/v1/suggest?q={searchTerms}"), &xml);
  xml += "\"/>\n</OpenSearchDescription>\n";
  page.body = std::move(xml);
  return page;
}

}  // namespace kb::portal
