// The home page: search box, FAQ by category, every article by category.
// Also the small pages that share its shape: 404, bad request, sign-in,
// feedback thanks.
#include "pages.h"

namespace kb::portal {

TemplateList CategoryLists(const PortalState& state, const PageRequest& request,
                           const std::string& lang, bool faq_only) {
  FaqRequest faq;
  faq.lang = lang;
  faq.agent = request.agent;
  faq.faq_only = faq_only;
  auto categories = state.searchers->With([&](Searcher& s) { return s.Faq(faq); });
  TemplateList list;
  if (!categories.ok()) return list;
  for (const FaqCategory& category : *categories) {
    TemplateData item;
    item.set("category", category.category);
    item.set("anchor", "cat-" + category.category);
    item.set("articles", ArticleList(state, category.articles));
    list.push_back(item);
  }
  return list;
}

Page HomePage(const PortalState& state, const PageRequest& request) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at("home_title");
  frame.description = state.messages.Plain(lang).at("home_description");
  frame.canonical = "/?lang=" + lang;
  for (const std::string& other : state.messages.Languages())
    frame.alternates.push_back({other, "/?lang=" + other});
  frame.switch_path = "/";
  TemplateData data = CommonData(state, request, lang);
  const TemplateList faq = CategoryLists(state, request, lang, true);
  data.set("has_faq", !faq.empty());
  data.set("faq", faq);
  data.set("browse", CategoryLists(state, request, lang, false));
  return RenderPage(state, frame, "home", data);
}

Page NotFoundPage(const PortalState& state, const PageRequest& request) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at("notfound_title");
  frame.noindex = true;
  frame.switch_path = "/";
  TemplateData data = CommonData(state, request, lang);
  data.set("faq", CategoryLists(state, request, lang, true));
  Page page = RenderPage(state, frame, "not_found", data);
  page.status = Status::NotFound("no such page");
  return page;
}

Page BadRequestPage(const PortalState& state, const PageRequest& request, const Status& status) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at("bad_title");
  frame.noindex = true;
  frame.switch_path = "/";
  TemplateData data = CommonData(state, request, lang);
  data.set("message", status.message());
  Page page = RenderPage(state, frame, "bad_request", data);
  page.status = status;
  return page;
}

Page SignInPage(const PortalState& state, const PageRequest& request, bool failed) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at("signin_title");
  frame.noindex = true;
  frame.switch_path = "/agent/sign-in";
  TemplateData data = CommonData(state, request, lang);
  data.set("failed", failed);
  Page page = RenderPage(state, frame, "sign_in", data);
  if (failed) page.status = Status::Unauthorized("invalid agent token");
  return page;
}

Page FeedbackThanksPage(const PortalState& state, const PageRequest& request,
                        const std::string& id) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at("feedback_thanks");
  frame.noindex = true;
  frame.switch_path = "/";
  TemplateData data = CommonData(state, request, lang);
  data.set("article_url", SiteUrl(state, "/kb/" + id));
  return RenderPage(state, frame, "feedback_thanks", data);
}

}  // namespace kb::portal
