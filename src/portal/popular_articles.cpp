// The home page's "Popular articles": the articles customers viewed and
// clicked most in the last 30 days (the insights store's articles report),
// only those the caller may see and in the page's language; the first FAQ
// articles when nothing was recorded (a new site, or no insights store).
#include <chrono>
#include <ctime>

#include "kb/core/utc_time.h"
#include "kb/insights/event_store.h"
#include "pages.h"

namespace kb::portal {
namespace {

constexpr size_t kPopular = 6;
constexpr int64_t kPopularDays = 30;
constexpr size_t kCandidates = 50;  // report rows read: some may be hidden from the caller

int64_t Count(const ReportCell& cell) {
  const auto* n = std::get_if<int64_t>(&cell);
  return n ? *n : 0;
}

std::vector<ArticleSummary> FromInsights(const PortalState& state, const PageRequest& request,
                                         const std::string& lang) {
  std::vector<ArticleSummary> popular;
  if (!state.options.events) return popular;
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  ReportRequest report;
  report.kind = ReportKind::kArticles;  // most viewed, then most clicked
  report.lang = lang;
  report.from = FormatUtc(now - kPopularDays * 86400, "%Y-%m-%d");
  report.limit = kCandidates;
  auto table = state.options.events->Report(report);
  if (!table.ok()) return popular;
  size_t id_at = 0, views_at = 0, clicks_at = 0;
  for (size_t i = 0; i < table->columns.size(); ++i) {
    if (table->columns[i] == "article") id_at = i;
    if (table->columns[i] == "views") views_at = i;
    if (table->columns[i] == "clicks") clicks_at = i;
  }
  for (const auto& row : table->rows) {
    if (popular.size() == kPopular) break;
    if (Count(row[views_at]) + Count(row[clicks_at]) == 0) continue;  // votes only
    const auto* id = std::get_if<std::string>(&row[id_at]);
    if (!id) continue;
    auto article =
        state.searchers->With([&](Searcher& s) { return s.GetArticle(*id, request.agent); });
    if (!article.ok()) continue;  // unpublished since, or internal for a customer
    popular.push_back({article->id, article->title, article->lang, article->category, ""});
  }
  return popular;
}

}  // namespace

TemplateList PopularArticles(const PortalState& state, const PageRequest& request,
                             const std::string& lang) {
  std::vector<ArticleSummary> popular = FromInsights(state, request, lang);
  if (popular.empty()) {
    FaqRequest faq;
    faq.lang = lang;
    faq.agent = request.agent;
    faq.faq_only = true;
    auto categories = state.searchers->With([&](Searcher& s) { return s.Faq(faq); });
    if (categories.ok())
      for (const FaqCategory& category : *categories)
        for (const ArticleSummary& a : category.articles)
          if (popular.size() < kPopular) popular.push_back(a);
  }
  return ArticleList(state, popular);
}

}  // namespace kb::portal
