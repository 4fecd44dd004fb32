// The portal's routes (kb/portal/portal.h): the pages, their files and
// assets, the agents' sign-in and the no-JavaScript feedback form. Handlers
// are thin: read the request, ask the portal, reply (page_reply.h). They are
// not in the API route table: they answer HTML, not the API's JSON, and are
// not part of the OpenAPI document.
#pragma once

#include <httplib.h>

#include "call.h"

namespace kb::http {

// Registers the portal's routes when context.services.portal is set.
void RegisterPageRoutes(httplib::Server& server, const HandlerContext& context);

// For the router's fallback: answers a path outside /api/ that no route
// matched with the portal's 404 page; false when there is no portal or the
// path is the API's.
bool ReplyNotFoundPage(const HandlerContext& context, const httplib::Request& req,
                       httplib::Response& res);

}  // namespace kb::http
