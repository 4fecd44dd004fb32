// libFuzzer target: a customer's or an agent's search and autocomplete over an
// index of the repository's own articles/ (published once, at start-up).
// Checks what the HTTP layer relies on: a query (valid UTF-8, at most 1 KB, as
// request_params.cpp admits it) never fails except as InvalidArgument, every
// snippet is escaped text with only balanced <mark> tags, and a customer never
// sees an internal article.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "http/request_params.h"
#include "kb/core/utf8.h"
#include "kb/index/search.h"

namespace {

constexpr const char* kLanguages[] = {"auto", "en", "he", "fa", "el", "zh", "xx"};
using kb::http::kMaxPrefixBytes;
using kb::http::kMaxQueryBytes;

std::unique_ptr<kb::Searcher> searcher;

using kb::fuzz::Fail;

// Escaped text whose only markup is <mark>...</mark>, never nested.
void CheckSnippet(std::string_view snippet) {
  bool open = false;
  for (size_t i = 0; i < snippet.size(); ++i) {
    if (snippet[i] == '>') Fail("'>' outside a <mark> tag");
    if (snippet[i] != '<') continue;
    std::string_view rest = snippet.substr(i);
    if (!open && rest.substr(0, 6) == "<mark>") {
      open = true;
      i += 5;
    } else if (open && rest.substr(0, 7) == "</mark>") {
      open = false;
      i += 6;
    } else {
      Fail("markup other than balanced <mark> in a snippet");
    }
  }
  if (open) Fail("<mark> left open");
  if (!kb::IsValidUtf8(snippet)) Fail("snippet is not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto opened = kb::Searcher::Open(kb::fuzz::PublishArticles(KB_SOURCE_DIR "/articles"));
  if (!opened.ok()) Fail("cannot open the index");
  searcher = std::move(*opened);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view query(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (query.size() > kMaxQueryBytes || !kb::IsValidUtf8(query))
    return 0;  // refused by the HTTP layer

  kb::SearchRequest request;
  request.query = std::string(query);
  request.lang = kLanguages[(data[0] >> 1) % (sizeof kLanguages / sizeof *kLanguages)];
  request.agent = data[0] & 1;
  request.limit = 20;
  auto response = searcher->Search(request);
  if (!response.ok()) {
    if (response.status().code() != kb::StatusCode::kInvalidArgument) Fail("search failed");
  } else {
    for (const kb::SearchHit& hit : response->hits) {
      CheckSnippet(hit.snippet);
      if (!request.agent) {
        auto article = searcher->GetArticle(hit.id, /*agent=*/true);
        if (!article.ok() || article->audience != "public")
          Fail("a customer saw an internal article");
      }
    }
    if (response->suggestion && !kb::IsValidUtf8(*response->suggestion))
      Fail("suggestion is not UTF-8");
  }

  if (query.size() <= kMaxPrefixBytes) {
    kb::SuggestRequest suggest;
    suggest.prefix = request.query;
    suggest.lang = request.lang;
    suggest.agent = request.agent;
    auto titles = searcher->Suggest(suggest);
    if (!titles.ok() && titles.status().code() != kb::StatusCode::kInvalidArgument)
      Fail("suggest failed");
  }
  return 0;
}
