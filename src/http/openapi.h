// The OpenAPI 3.0 document of kb's HTTP API, generated from the route table:
// one operation per route (git mode's included, marked as such) with its
// parameters, security and every status it answers; the data parts (head,
// component schemas, error responses) are openapi_components.cpp's.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace kb::http {

struct Route;

// The document of `routes`. Served at GET /api/v1/openapi.json.
nlohmann::json OpenApiDocument(const std::vector<Route>& routes);

// openapi.json's "openapi", "info", "servers" and "security".
nlohmann::json OpenApiHead();
// openapi.json's "components".
nlohmann::json OpenApiComponents();
// The webhook operation's header parameters and request body.
nlohmann::json GitWebhookDoc();
// POST /api/v1/events' request body.
nlohmann::json EventsBodyDoc();
// Adds the insights schemas (events, reports) to `schemas`, and the fields
// insights add to the search, suggest and health answers.
void AddInsightsSchemas(nlohmann::json* schemas);

}  // namespace kb::http
