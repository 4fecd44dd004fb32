// The OpenAPI 3.0 document of kb's HTTP API, served at GET /api/v1/openapi.json.
// Pure data plus one route; thread-safe (the served text is built once at
// registration and only read afterwards).
#pragma once

#include <httplib.h>

#include <string>

#include "kb/core/status.h"

namespace kb::http {

// The document as compact JSON text. Internal if the embedded document does
// not parse (a bug that the unit tests catch).
Result<std::string> OpenApiJson();

// GET /api/v1/openapi.json: the document (no authentication needed).
void RegisterOpenApiRoute(httplib::Server& server);

}  // namespace kb::http
