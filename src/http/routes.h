// The route table of the HTTP API. Handlers are thin: parse, call the core,
// encode. Everything a handler needs is in Services (no globals).
#pragma once

#include <httplib.h>

#include <functional>

#include "kb/auth/agent_tokens.h"
#include "kb/index/search.h"

namespace kb::http {

struct Services {
  SearcherPool* searchers = nullptr;
  const AgentTokens* agent_tokens = nullptr;  // null: no agents configured
  // "https://help.example.com" (no trailing slash) for absolute URLs in
  // responses; empty: URLs are relative. Never taken from a request's Host.
  std::string public_url;
  // Git mode only: answers GET /api/v1/articles/{id}?ref=BRANCH (a branch's
  // version of the article). Empty: `ref` is an unknown parameter.
  std::function<void(const httplib::Request&, httplib::Response&)> article_at_ref;
};

void RegisterRoutes(httplib::Server& server, Services services);

}  // namespace kb::http
