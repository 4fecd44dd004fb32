// The route table: every HTTP route kb serves, declared once with its method,
// path, who may call it, in which mode it exists, its query parameters (types
// and rules, params.h), what it answers and its handler. The router
// (router.h) registers it, answers 405s and checks callers and parameters
// from it; the OpenAPI document (openapi.h) is generated from it.
//
// A Route is a plain value; the table is built once at startup and only read
// afterwards (thread-safe as its handlers are).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "call.h"
#include "params.h"

namespace kb::http {

enum class Access {
  kPublic,  // nobody is asked: the Authorization header is not read
  kAnyone,  // customers and agents; a header that is not a valid token is 401
  kAgents,  // agents only: 401 otherwise
};

enum class RouteMode { kAlways, kGitOnly };

// A success answer of a route, for the document.
struct Reply {
  int status = 200;
  std::string description;
  std::string schema;  // a component schema name; "" for any JSON object
};

using RouteHandler = std::function<void(const Call&, httplib::Response&)>;
// Tried before the caller and parameter checks when the request has no
// parameters; answers and returns true to take the request.
using FirstHandler = std::function<bool(const Call&, httplib::Response&)>;

struct Route {
  std::string method;  // "GET" (HEAD is answered with it) or "POST"
  // OpenAPI path template; "{id}" matches an article id (slashes included).
  std::string path;
  Access access = Access::kAnyone;
  RouteMode mode = RouteMode::kAlways;
  std::vector<ParamSpec> params;
  UnknownParams unknown = UnknownParams::kReject;
  // The document.
  std::string operation_id;
  std::string summary;
  std::string description;
  std::vector<Reply> replies;
  bool can_be_not_found = false;  // 404 from the handler (beyond an {id} that does not exist)
  bool has_body = false;          // a request body (413 over 1 MiB)
  bool csv = false;               // 200 may also be text/csv (format=csv)
  nlohmann::json extra_doc;       // merged into the operation (the webhook's headers and body)
  RouteHandler handler;
  FirstHandler answer_first;  // optional
};

// Every route, git mode's included; `context` is copied into the handlers.
std::vector<Route> RouteTable(const HandlerContext& context);

// The routes that exist in this mode, in the order the router registers them
// (longest literal text first, so that /api/v1/articles/{id}/related is
// tried before /api/v1/articles/{id}).
std::vector<const Route*> ServedRoutes(const std::vector<Route>& table, bool git_mode);

// The path template as a regex for httplib: "{id}" -> "(.+)", '.' escaped.
std::string PathPattern(const std::string& path);

}  // namespace kb::http
