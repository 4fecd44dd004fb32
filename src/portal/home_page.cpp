// The home page: search box, popular articles, FAQ by category, every article by category.
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
  const TemplateList popular = PopularArticles(state, request, lang);
  data.set("has_popular", !popular.empty());
  data.set("popular", popular);
  data.set("browse", CategoryLists(state, request, lang, false));
  return RenderPage(state, frame, "home", data);
}

namespace {

// A page that is not for search engines, titled by message `title_key`:
// `fill` adds its own data; the result carries `status`.
template <typename Fill>
Page UtilityPage(const PortalState& state, const PageRequest& request, const char* title_key,
                 const char* page_template, Status status, Fill fill) {
  const std::string lang = UiLanguage(state, request, "");
  PageFrame frame;
  frame.lang = lang;
  frame.title = state.messages.Plain(lang).at(title_key);
  frame.noindex = true;
  frame.switch_path = "/";
  TemplateData data = CommonData(state, request, lang);
  fill(lang, &data);
  Page page = RenderPage(state, frame, page_template, data);
  page.status = std::move(status);
  return page;
}

}  // namespace

Page NotFoundPage(const PortalState& state, const PageRequest& request) {
  return UtilityPage(state, request, "notfound_title", "not_found",
                     Status::NotFound("no such page"),
                     [&](const std::string& lang, TemplateData* data) {
                       data->set("faq", CategoryLists(state, request, lang, true));
                     });
}

Page BadRequestPage(const PortalState& state, const PageRequest& request, const Status& status) {
  return UtilityPage(
      state, request, "bad_title", "bad_request", status,
      [&](const std::string&, TemplateData* data) { data->set("message", status.message()); });
}

Page SignInPage(const PortalState& state, const PageRequest& request, bool failed) {
  return UtilityPage(state, request, "signin_title", "sign_in",
                     failed ? Status::Unauthorized("invalid agent token") : Status::OK(),
                     [&](const std::string&, TemplateData* data) { data->set("failed", failed); });
}

Page FeedbackThanksPage(const PortalState& state, const PageRequest& request,
                        const std::string& id) {
  return UtilityPage(state, request, "feedback_thanks", "feedback_thanks", Status::OK(),
                     [&](const std::string&, TemplateData* data) {
                       data->set("article_url", SiteUrl(state, "/kb/" + id));
                     });
}

}  // namespace kb::portal
