// The route table of the HTTP API. Handlers are thin: parse, call the core,
// encode. Everything a handler needs is in Services (no globals).
#pragma once

#include <httplib.h>

#include "kb/agent_tokens.h"
#include "kb/search.h"

namespace kb::http {

struct Services {
  SearcherPool* searchers = nullptr;
  const AgentTokens* agent_tokens = nullptr;  // null: no agents configured
};

void RegisterRoutes(httplib::Server& server, Services services);

}  // namespace kb::http
