#include "page_frame.h"

#include <cstdio>

#include "ui_language.h"

namespace kb::portal {

std::string UiLanguage(const PortalState& state, const PageRequest& request,
                       const std::string& from_url) {
  LanguageChoice choice;
  choice.from_url = request.lang.empty() ? from_url : request.lang;
  choice.accept_language = request.accept_language;
  choice.site_default = state.options.site.default_lang;
  return ChooseUiLanguage(choice, state.messages.Languages());
}

std::string SiteUrl(const PortalState& state, const std::string& path) {
  return state.options.public_url + path;
}

std::string UrlEncode(const std::string& value) {
  std::string out;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

void SetPublishedVersion(const PortalState& state, Page* page) {
  auto info = state.searchers->With([](Searcher& s) { return s.Info(); });
  if (!info.ok()) return;
  page->version = info->generation + "." + std::to_string(info->sequence);
  page->published_at = info->published_at;
}

TemplateData CommonData(const PortalState& state, const PageRequest& request,
                        const std::string& lang) {
  TemplateData messages;
  for (const auto& [key, text] : state.messages.Plain(lang)) messages.set(key, text);
  TemplateData site;
  const SiteConfig& config = state.options.site;
  site.set("name", config.name);
  // Mustache shows a section for any present value, "" included: absent means hidden.
  if (!config.logo_url.empty()) site.set("logo_url", config.logo_url);
  if (!config.ticket_url.empty()) {
    site.set("ticket_url", config.ticket_url);
    // Through the portal, which records the contact and redirects (no JavaScript needed).
    site.set("contact_url", SiteUrl(state, "/contact?lang=" + lang));
  }
  TemplateData data;
  data.set("t", messages);
  data.set("site", site);
  data.set("lang", lang);
  data.set("dir", Messages::RightToLeft(lang) ? "rtl" : "ltr");
  data.set("base", state.options.public_url);
  data.set("csrf", request.csrf_token);
  if (!request.session.empty()) data.set("session", request.session);
  data.set("agent", request.agent);
  data.set("search_form", state.templates.Partial("search_form"));
  return data;
}

TemplateList ArticleList(const PortalState& state, const std::vector<ArticleSummary>& articles) {
  TemplateList list;
  for (const ArticleSummary& a : articles) {
    TemplateData item;
    item.set("id", a.id);
    item.set("title", a.title);
    item.set("lang", a.lang);
    item.set("url", SiteUrl(state, "/kb/" + a.id));
    list.push_back(item);
  }
  return list;
}

namespace {

TemplateData FrameData(const PortalState& state, const PageFrame& frame) {
  TemplateData head;
  head.set("title", frame.title);
  if (!frame.description.empty()) head.set("description", frame.description);
  head.set("noindex", frame.noindex);
  if (!frame.canonical.empty()) head.set("canonical", SiteUrl(state, frame.canonical));
  TemplateList alternates;
  for (const auto& [hreflang, path] : frame.alternates) {
    TemplateData alternate;
    alternate.set("hreflang", hreflang);
    alternate.set("url", SiteUrl(state, path));
    alternates.push_back(alternate);
  }
  head.set("alternates", alternates);
  TemplateList languages;
  for (const std::string& lang : state.messages.Languages()) {
    TemplateData item;
    item.set("code", lang);
    item.set("name", state.messages.NativeName(lang));
    item.set("current", lang == frame.lang);
    item.set("url", SiteUrl(state, frame.switch_path) + "?" + frame.switch_query + "lang=" + lang);
    languages.push_back(item);
  }
  head.set("languages", languages);
  return head;
}

}  // namespace

Page RenderPage(const PortalState& state, const PageFrame& frame, const std::string& page_template,
                TemplateData data) {
  Page page;
  page.lang = frame.lang;
  // The layout reuses the page's data (CommonData already in it), plus the frame.
  const std::string content = state.templates.Render(page_template, data);
  data.set("head", FrameData(state, frame));
  data.set("content", content);
  data.set("home_url", SiteUrl(state, "/?lang=" + frame.lang));
  page.body = state.templates.Render("layout", data);
  return page;
}

}  // namespace kb::portal
