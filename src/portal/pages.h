// The portal's page builders, one per file, each over the shared state
// (page_frame.h). Internal to the portal part; thread-safe as the state is
// read-only.
#pragma once

#include <string>

#include "page_frame.h"

namespace kb::portal {

Page HomePage(const PortalState& state, const PageRequest& request);
Page SearchPage(const PortalState& state, const PageRequest& request, const SearchPageQuery& query);
Page ArticlePage(const PortalState& state, const PageRequest& request, const std::string& id);
Page ArticleFilePage(const PortalState& state, const PageRequest& request, const std::string& path);
Page NotFoundPage(const PortalState& state, const PageRequest& request);
// The agents' insights page (insights_page.cpp); the 404 page for customers.
Page InsightsPage(const PortalState& state, const PageRequest& request);
// A page that explains a bad request (`message` is kb's own, in English).
Page BadRequestPage(const PortalState& state, const PageRequest& request, const Status& status);
Page SignInPage(const PortalState& state, const PageRequest& request, bool failed);
Page FeedbackThanksPage(const PortalState& state, const PageRequest& request,
                        const std::string& id);

// The FAQ (or every article) of `lang` by category, as template data
// {category, anchor, articles}; empty when the index cannot be read.
TemplateList CategoryLists(const PortalState& state, const PageRequest& request,
                           const std::string& lang, bool faq_only);

// The home page's popular articles (popular_articles.cpp) as ArticleList
// data: most viewed and clicked recently, else the first FAQ articles.
TemplateList PopularArticles(const PortalState& state, const PageRequest& request,
                             const std::string& lang);

}  // namespace kb::portal
