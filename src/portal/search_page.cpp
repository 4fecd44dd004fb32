// /search: results with snippets, facet filters (several categories or tags
// at once: any within a field, all across fields), did-you-mean, pages, and
// a no-results page with the FAQ and the contact link.
#include <algorithm>

#include "kb/core/utf8.h"
#include "pages.h"

namespace kb::portal {
namespace {

constexpr size_t kPerPage = 10;
constexpr size_t kMaxPage = 100;
constexpr size_t kMaxQueryBytes = 1024;  // as the JSON search's q
constexpr size_t kMaxFilters = 20;

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The search URL's query string for `q` and the filters (page 1).
std::string QueryString(const std::string& q, const std::string& lang,
                        const SearchPageQuery& query) {
  std::string out = "q=" + UrlEncode(q);
  for (const std::string& c : query.categories) out += "&category=" + UrlEncode(c);
  for (const std::string& t : query.tags) out += "&tag=" + UrlEncode(t);
  if (!lang.empty()) out += "&lang=" + lang;
  return out;
}

// Checks what a customer's browser sent; InvalidArgument names the problem.
Result<size_t> CheckQuery(const SearchPageQuery& query) {
  if (query.q.size() > kMaxQueryBytes)
    return Status::InvalidArgument("the search is longer than 1024 bytes");
  if (query.categories.size() + query.tags.size() > kMaxFilters)
    return Status::InvalidArgument("more than 20 filters");
  bool utf8 = IsValidUtf8(query.q);
  for (const auto* list : {&query.categories, &query.tags})
    for (const std::string& value : *list) utf8 = utf8 && IsValidUtf8(value) && value.size() < 200;
  if (!utf8) return Status::InvalidArgument("the search or a filter is not valid text");
  if (query.page.empty()) return size_t{1};
  const bool digits =
      query.page.size() <= 3 && std::all_of(query.page.begin(), query.page.end(), ::isdigit);
  const size_t page = digits ? std::stoul(query.page) : 0;
  if (page < 1 || page > kMaxPage)
    return Status::InvalidArgument("page must be a number from 1 to 100");
  return page;
}

TemplateList Facets(const std::vector<FacetCount>& counts, const std::vector<std::string>& chosen,
                    const std::string& field) {
  constexpr size_t kShown = 12;  // the most frequent values; a long tail helps nobody
  TemplateList list;
  for (const FacetCount& facet : counts) {
    if (list.size() == kShown && !Contains(chosen, facet.value)) continue;
    TemplateData item;
    item.set("field", field);
    item.set("value", facet.value);
    item.set("count", std::to_string(facet.count));
    item.set("checked", Contains(chosen, facet.value));
    list.push_back(item);
  }
  // A chosen value no longer matching still shows, checked, so it can be cleared.
  for (const std::string& value : chosen) {
    if (std::none_of(counts.begin(), counts.end(),
                     [&](const FacetCount& f) { return f.value == value; })) {
      TemplateData item;
      item.set("field", field);
      item.set("value", value);
      item.set("count", "0");
      item.set("checked", true);
      list.push_back(item);
    }
  }
  return list;
}

TemplateList Hits(const PortalState& state, const SearchResponse& response, size_t first_rank) {
  TemplateList list;
  size_t rank = first_rank;
  for (const SearchHit& hit : response.hits) {
    TemplateData item;
    item.set("id", hit.id);
    item.set("title", hit.title);
    item.set("lang", hit.lang);
    item.set("category", hit.category);
    item.set("url", SiteUrl(state, "/kb/" + hit.id));
    item.set("snippet", hit.snippet);  // escaped text with <mark> only
    item.set("rank", std::to_string(rank++));
    item.set("internal", hit.internal);
    list.push_back(item);
  }
  return list;
}

void AddPagination(const PortalState& state, const std::string& lang, const std::string& base,
                   size_t page, uint64_t total, TemplateData* data) {
  const size_t pages =
      static_cast<size_t>(std::min<uint64_t>((total + kPerPage - 1) / kPerPage, kMaxPage));
  if (pages <= 1) return;
  TemplateData pagination;
  pagination.set("label",
                 state.messages.Format(lang, "search_page",
                                       {{"page", static_cast<int64_t>(page), "", false},
                                        {"pages", static_cast<int64_t>(pages), "", false}}));
  if (page > 1)
    pagination.set("prev_url",
                   SiteUrl(state, "/search?" + base + "&page=" + std::to_string(page - 1)));
  if (page < pages)
    pagination.set("next_url",
                   SiteUrl(state, "/search?" + base + "&page=" + std::to_string(page + 1)));
  data->set("pagination", pagination);
}

}  // namespace

Page SearchPage(const PortalState& state, const PageRequest& request,
                const SearchPageQuery& query) {
  auto page = CheckQuery(query);
  if (!page.ok()) return BadRequestPage(state, request, page.status());
  const std::string lang = UiLanguage(state, request, "");
  const std::string lang_param = state.messages.Has(request.lang) ? request.lang : "";
  PageFrame frame;
  frame.lang = lang;
  frame.noindex = true;  // result pages are not for search engines
  frame.switch_path = "/search";
  frame.switch_query = "q=" + UrlEncode(query.q) + "&";
  TemplateData data = CommonData(state, request, lang);
  data.set("q", query.q);
  data.set("ui_lang", lang);
  const bool blank = std::all_of(query.q.begin(), query.q.end(), ::isspace);
  if (blank) {
    frame.title = state.messages.Plain(lang).at("search_title");
    data.set("blank", true);
    return RenderPage(state, frame, "search", data);
  }
  frame.title = state.messages.Format(lang, "search_title_for", {{"q", 0, query.q, true}});
  SearchRequest search;
  search.query = query.q;
  search.lang = lang_param;  // "" = detected from the query
  search.limit = kPerPage;
  search.offset = (*page - 1) * kPerPage;
  search.categories = query.categories;
  search.tags = query.tags;
  search.agent = request.agent;
  auto response = state.searchers->With([&](Searcher& s) { return s.Search(search); });
  if (!response.ok()) return BadRequestPage(state, request, response.status());
  if (query.searched) query.searched(search, *response);
  const std::string base = QueryString(query.q, lang_param, query);
  data.set("count",
           state.messages.Format(lang, "search_count",
                                 {{"count", static_cast<int64_t>(response->total), "", false}}));
  data.set("hits", Hits(state, *response, search.offset + 1));
  data.set("categories", Facets(response->category_facets, query.categories, "category"));
  data.set("tags", Facets(response->tag_facets, query.tags, "tag"));
  data.set("has_facets", !response->category_facets.empty() || !response->tag_facets.empty() ||
                             !query.categories.empty() || !query.tags.empty());
  if (!lang_param.empty()) data.set("lang_param", lang_param);
  if (response->suggestion) {
    TemplateData suggestion;
    suggestion.set("text", *response->suggestion);
    suggestion.set("url", SiteUrl(state, "/search?" + QueryString(*response->suggestion, lang_param,
                                                                  SearchPageQuery{})));
    data.set("suggestion", suggestion);
  }
  if (response->hits.empty()) {
    data.set("no_results", true);
    data.set("faq", CategoryLists(state, request, lang, true));
  }
  AddPagination(state, lang, base, *page, response->total, &data);
  return RenderPage(state, frame, "search", data);
}

}  // namespace kb::portal
