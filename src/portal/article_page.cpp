// /kb/{id}: the article's body (cmark's safe HTML, article links made portal
// URLs), breadcrumbs, updated date, translations (hreflang alternates),
// related articles, "Was this helpful?", "Contact support", and schema.org
// FAQPage microdata for FAQ articles. Only what the caller may see.
#include "article_html.h"
#include "pages.h"

namespace kb::portal {
namespace {

constexpr size_t kRelated = 5;

// The translations visible to the caller, with their titles (the article itself excluded).
std::vector<ArticleSummary> Translations(const PortalState& state, const ArticleView& article,
                                         bool agent) {
  std::vector<ArticleSummary> out;
  for (const std::string& id : article.translations) {
    auto other = state.searchers->With([&](Searcher& s) { return s.GetArticle(id, agent); });
    if (!other.ok()) continue;  // hidden or gone: never named
    ArticleSummary summary;
    summary.id = other->id;
    summary.title = other->title;
    summary.lang = other->lang;
    out.push_back(std::move(summary));
  }
  return out;
}

// A plain-text description: the start of the body's text, tags dropped.
std::string Description(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text.push_back(c == '\n' ? ' ' : c);
    if (c == '>') {
      in_tag = false;
      if (!text.empty() && text.back() != ' ') text.push_back(' ');
    }
  }
  constexpr size_t kMax = 160;
  if (text.size() > kMax) {
    size_t cut = text.rfind(' ', kMax);
    text = text.substr(0, cut == std::string::npos ? kMax : cut) + " …";
  }
  // The body's entities (&amp; …) stay as written: the template escapes once more,
  // so decode the few cmark writes.
  for (const auto& [entity, plain] :
       {std::pair{"&quot;", "\""}, std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"},
        std::pair{"&#39;", "'"}, std::pair{"&amp;", "&"}}) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
      text.replace(at, std::string(entity).size(), plain);
  }
  return text;
}

}  // namespace

Page ArticlePage(const PortalState& state, const PageRequest& request, const std::string& id) {
  auto article =
      state.searchers->With([&](Searcher& s) { return s.GetArticle(id, request.agent); });
  if (!article.ok()) return NotFoundPage(state, request);
  const std::string lang = UiLanguage(state, request, article->lang);
  const std::vector<ArticleSummary> translations = Translations(state, *article, request.agent);
  PageFrame frame;
  frame.lang = lang;
  frame.title = article->title;
  frame.description = Description(article->html);
  frame.canonical = "/kb/" + article->id;
  frame.noindex = article->audience == "internal";
  frame.alternates.push_back({article->lang, frame.canonical});
  for (const ArticleSummary& t : translations) frame.alternates.push_back({t.lang, "/kb/" + t.id});
  frame.switch_path = frame.canonical;
  TemplateData data = CommonData(state, request, lang);
  data.set("id", article->id);
  data.set("title", article->title);
  data.set("article_lang", article->lang);
  data.set("article_dir", Messages::RightToLeft(article->lang) ? "rtl" : "ltr");
  data.set("html", RewriteArticleLinks(article->html, article->id, state.options.public_url));
  data.set("category", article->category);
  data.set("category_url", SiteUrl(state, "/?lang=" + lang + "#cat-" + article->category));
  data.set("internal", article->audience == "internal");
  data.set("faq", article->faq);
  if (article->updated > 0)
    data.set("updated", state.messages.Format(
                            lang, "article_updated",
                            {{"date", 0, state.messages.Date(lang, article->updated), true}}));
  data.set("translations", ArticleList(state, translations));
  data.set("has_translations", !translations.empty());
  auto related = state.searchers->With(
      [&](Searcher& s) { return s.Related(article->id, request.agent, kRelated); });
  if (related.ok() && !related->empty()) data.set("related", ArticleList(state, *related));
  data.set("feedback_url", SiteUrl(state, "/kb/" + article->id + "/feedback"));
  return RenderPage(state, frame, "article", data);
}

}  // namespace kb::portal
