#include "zendesk_json.h"

#include <httplib.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "json_encode.h"
#include "kb/core/sha256.h"
#include "zendesk_params.h"

namespace kb::http {
namespace {

using Json = nlohmann::json;

// "en-us" for an English hit when the caller asked for en-us; else kb's lang.
std::string LocaleOf(const SearchHit& hit, const std::string& requested) {
  const std::string primary = requested.substr(0, requested.find('-'));
  return !requested.empty() && primary == hit.lang ? requested : hit.lang;
}

Json ResultJson(const ZendeskResult& r, const ZendeskSearchPage& page) {
  const SearchHit& hit = r.hit;
  const std::string updated = r.has_article ? Rfc3339(r.article.updated) : std::string();
  auto time_or_null = [&updated] { return updated.empty() ? Json(nullptr) : Json(updated); };
  return {
      {"id", ZendeskArticleId(hit.id)},
      {"kb_id", hit.id},
      {"url", page.origin + "/api/v1/articles/" + hit.id},
      {"html_url", page.origin + hit.url},
      {"title", hit.title},
      {"name", hit.title},
      {"body", r.has_article ? Json(r.article.html) : Json(nullptr)},
      {"snippet", ZendeskSnippet(hit.snippet)},
      {"result_type", "article"},
      {"locale", LocaleOf(hit, page.locale)},
      {"label_names", r.has_article ? Json(r.article.tags) : Json::array()},
      {"category", hit.category},
      {"audience", r.has_article ? Json(r.article.audience) : Json(nullptr)},
      {"draft", false},
      {"created_at", time_or_null()},
      {"updated_at", time_or_null()},
      {"edited_at", time_or_null()},
  };
}

}  // namespace

std::string ZendeskSnippet(std::string_view kb_snippet) {
  // kb escapes the text before adding <mark>, so every '<' is one of its tags.
  std::string out;
  out.reserve(kb_snippet.size());
  for (size_t i = 0; i < kb_snippet.size();) {
    if (kb_snippet.compare(i, 6, "<mark>") == 0) {
      out += "<em>";
      i += 6;
    } else if (kb_snippet.compare(i, 7, "</mark>") == 0) {
      out += "</em>";
      i += 7;
    } else {
      out.push_back(kb_snippet[i++]);
    }
  }
  return out;
}

int64_t ZendeskArticleId(std::string_view kb_id) {
  const Sha256Digest digest = Sha256(kb_id);
  int64_t id = 0;
  for (int i = 0; i < 6; ++i) id = (id << 8) | digest[static_cast<size_t>(i)];
  return id == 0 ? 1 : id;  // 0 is no id in Zendesk
}

size_t ZendeskPageCount(uint64_t count, size_t per_page) {
  const uint64_t reachable = std::min<uint64_t>(count, kZendeskMaxResults);
  return per_page == 0 ? 0 : static_cast<size_t>((reachable + per_page - 1) / per_page);
}

std::string ZendeskPageUrl(const ZendeskSearchPage& page, size_t page_number) {
  std::string url = page.origin + page.path + "?";
  for (const auto& [name, value] : page.params)
    url += httplib::detail::encode_query_param(name) + "=" +
           httplib::detail::encode_query_param(value) + "&";
  return url + "page=" + std::to_string(page_number);
}

std::string ZendeskSearchJson(const ZendeskSearchPage& page) {
  Json results = Json::array();
  for (const ZendeskResult& r : page.results) results.push_back(ResultJson(r, page));
  const size_t page_count = ZendeskPageCount(page.count, page.per_page);
  Json body = {
      {"results", std::move(results)},
      {"count", page.count},
      {"page", page.page},
      {"per_page", page.per_page},
      {"page_count", page_count},
      {"next_page",
       page.page < page_count ? Json(ZendeskPageUrl(page, page.page + 1)) : Json(nullptr)},
      {"previous_page", page.page > 1 ? Json(ZendeskPageUrl(page, page.page - 1)) : Json(nullptr)},
  };
  return DumpJson(body);
}

}  // namespace kb::http
