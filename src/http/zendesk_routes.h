// The handler of the Zendesk Help Center compatible search, so widgets and
// scripts written for Zendesk Guide can search kb unchanged:
//   GET /api/v2/help_center/articles/search[.json]?query=&locale=&category=
//       &label_names=&page=&per_page=
// Audience rules are kb's (CONTRACT §3): the route table checks the caller
// and the parameters (ZendeskSearchParamSpecs). Errors use kb's error JSON.
// See docs/api.md for the field mapping. Thread-safe.
#pragma once

#include <httplib.h>

#include "call.h"

namespace kb::http {

void GetZendeskSearch(const HandlerContext& context, const Call& call, httplib::Response& res);

}  // namespace kb::http
