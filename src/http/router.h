// The router: registers the route table (route_table.h) on a cpp-httplib
// server and answers, for every route, what the table declares:
//   - the caller: a public route reads no Authorization header; the others
//     tell a customer from an agent (401 for a header that is not a valid
//     token), and agents-only routes answer a customer 401;
//   - the parameters: ParseParams with the route's declaration (params.h);
//   - another method than the path's own (POST, PUT, PATCH, DELETE; GET on a
//     POST-only path): 405 with an Allow header naming the path's methods;
//   - what httplib refuses before routing (404, 413, 414, 416, 400) and any
//     exception a handler lets through (500, logged): kb's error JSON;
//   - a Range header is ignored (RFC 9110 §14.2): answers stay whole.
// Thread-safe once registered: handlers own copies of their routes.
#pragma once

#include <httplib.h>

#include <vector>

#include "call.h"
#include "route_table.h"

namespace kb::http {

// Registers the routes of `table` that exist in context's mode (ServedRoutes).
void RegisterRoutes(httplib::Server& server, const std::vector<Route>& table,
                    const HandlerContext& context);

// Drops the request's Range header (answers stay whole). The router's
// pre-routing hook calls it; a hook that replaces it must call it too.
void IgnoreRangeHeader(const httplib::Request& req);

// The Allow header of a path that has `methods` ("GET" -> "GET, HEAD").
std::string AllowHeader(const std::vector<std::string>& methods);

}  // namespace kb::http
