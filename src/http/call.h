// What a route handler gets: the request, who is calling, the parameters the
// route table checked, the {id} of the path, and the services to call.
// Plain values that live for one request; a handler reads them, never keeps them.
#pragma once

#include <httplib.h>

#include <string>

#include "kb/core/log.h"
#include "kb/http/server.h"
#include "params.h"

namespace kb::http {

// Everything handlers share, copied into the route table once at startup
// and only read afterwards (thread-safe as the services are).
struct HandlerContext {
  Services services;
  std::string public_url;  // without trailing '/'; "" for relative URLs
  Log& log() const { return services.log ? *services.log : NullLog(); }
  bool git_mode() const { return services.publisher != nullptr; }
};

struct Call {
  const httplib::Request& req;
  bool agent = false;         // a valid agent token (public routes: always false)
  const ParamValues& params;  // checked against the route's declaration
  std::string id;             // the path's {id} (an article id), "" when it has none
};

}  // namespace kb::http
