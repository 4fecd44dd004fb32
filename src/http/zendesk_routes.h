// Zendesk Help Center compatible routes, so widgets and scripts written for
// Zendesk Guide can search kb unchanged:
//   GET /api/v2/help_center/articles/search[.json]?query=&locale=&category=
//       &label_names=&page=&per_page=
// Audience rules are kb's (CONTRACT §3): a valid `Authorization: Bearer`
// agent token sees internal articles, no header is a customer, anything else
// is 401. Errors use kb's error JSON. See docs/api.md for the field mapping.
#pragma once

#include <httplib.h>

#include "routes.h"

namespace kb::http {

// Registers the routes; `services` is copied (its pointers must outlive the server).
void RegisterZendeskRoutes(httplib::Server& server, const Services& services);

}  // namespace kb::http
