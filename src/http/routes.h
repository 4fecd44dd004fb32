// The handlers of kb's own API (CONTRACT §3, docs/api.md): search, suggest,
// FAQ, articles, related, health. Each is thin: build the core request from
// the checked parameters, call the searcher, encode. Registered by the route
// table (route_table.h), which has already checked the caller and parameters.
// Thread-safe: they only read `context` and borrow a searcher from its pool.
#pragma once

#include <httplib.h>

#include "call.h"

namespace kb::http {

void GetSearch(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetSuggest(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetFaq(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetRelated(const HandlerContext& context, const Call& call, httplib::Response& res);
// GET /api/v1/articles/{id}; with `ref` (git mode, agents): GetPreview's answer.
void GetArticle(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetHealth(const HandlerContext& context, const Call& call, httplib::Response& res);

}  // namespace kb::http
