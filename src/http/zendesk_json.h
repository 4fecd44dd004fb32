// The response shape of Zendesk Help Center's article search, built from kb's
// search hits and articles (nlohmann::json). Pure functions; thread-safe.
//
// Zendesk ids are integers: an article's is the first 48 bits of the SHA-256
// of its kb id (stable across restarts and re-indexing, exact in JavaScript);
// the kb id itself is returned as `kb_id`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/index/search.h"

namespace kb::http {

struct ZendeskResult {
  SearchHit hit;
  ArticleView article;       // tags, updated, html, audience
  bool has_article = false;  // false if it vanished between search and fetch
};

struct ZendeskSearchPage {
  std::vector<ZendeskResult> results;
  uint64_t count = 0;  // every match visible to the caller
  size_t page = 1;
  size_t per_page = 25;
  std::string locale;  // requested locale (lower case), echoed for hits in its language
  std::string origin;  // the configured public URL for absolute URLs, "" for relative ones
  std::string path;    // the request's path, for next_page/previous_page
  std::vector<std::pair<std::string, std::string>> params;  // the request's, except page
};

// kb's snippet (escaped text with <mark>) with Zendesk's <em> instead.
std::string ZendeskSnippet(std::string_view kb_snippet);

// The numeric id of a kb article id: 0 < id < 2^48.
int64_t ZendeskArticleId(std::string_view kb_id);

// Pages that can be reached: ceil(min(count, 1000) / per_page).
size_t ZendeskPageCount(uint64_t count, size_t per_page);

// origin + path + "?" + params (percent-encoded) + "page=N".
std::string ZendeskPageUrl(const ZendeskSearchPage& page, size_t page_number);

// {"results":[...],"count":N,"page":P,"per_page":N,"page_count":N,
//  "next_page":url|null,"previous_page":url|null}
std::string ZendeskSearchJson(const ZendeskSearchPage& page);

}  // namespace kb::http
