// The insights parts of the OpenAPI document: the events body, the report
// and events answers, and the fields insights add to search, suggest and
// health (kept in step with insights_json.cpp and json_encode.cpp).
#include <nlohmann/json.hpp>

#include "kb/insights/event.h"
#include "openapi.h"

namespace kb::http {
namespace {

constexpr const char* kSchemas = R"json(
{
  "Event": {
    "type": "object",
    "required": ["type"],
    "description": "click: session, query, article, rank. view: article (session optional). vote: session, article, helpful, reason and text optional. contact: session, channel optional (default portal). `time` (seconds since 1970) only when kb serve runs with --trust-event-time. Unknown fields are a 400.",
    "properties": {
      "type": {"type": "string", "enum": ["click", "view", "vote", "contact"]},
      "session": {"type": "string", "pattern": "^[0-9a-f]{40}$", "description": "The `session` of the search response."},
      "query": {"type": "string", "maxLength": 1024, "description": "click: the query whose hit was clicked, as searched."},
      "article": {"type": "string", "description": "An article id the caller can see."},
      "rank": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "click: the hit's 1-based position."},
      "helpful": {"type": "boolean"},
      "reason": {"type": "string", "enum": []},
      "text": {"type": "string", "maxLength": 2000},
      "channel": {"type": "string", "enum": []},
      "time": {"type": "integer", "minimum": 1, "maximum": 4294967295}
    }
  },
  "EventsAccepted": {
    "type": "object",
    "required": ["accepted", "dropped"],
    "properties": {
      "accepted": {"type": "integer", "description": "Events queued for recording."},
      "dropped": {"type": "integer", "description": "Events dropped because the recorder's queue was full."}
    }
  },
  "StatsReport": {
    "type": "object",
    "required": ["report", "filters", "total", "limit", "offset", "columns", "rows"],
    "properties": {
      "report": {"type": "string", "example": "top-queries"},
      "filters": {
        "type": "object",
        "properties": {
          "lang": {"type": "string", "nullable": true},
          "category": {"type": "string", "nullable": true},
          "from": {"type": "string", "nullable": true},
          "to": {"type": "string", "nullable": true},
          "q": {"type": "string"}
        }
      },
      "total": {"type": "integer", "description": "Rows over all pages."},
      "limit": {"type": "integer"},
      "offset": {"type": "integer"},
      "columns": {"type": "array", "items": {"type": "string"}},
      "rows": {
        "type": "array",
        "description": "One object per row, keyed by the columns (docs/api.md lists each report's).",
        "items": {"type": "object"}
      },
      "totals": {"type": "object", "description": "overview only: the columns over the whole period."}
    }
  },
  "RecorderStats": {
    "type": "object",
    "required": ["queued", "recorded", "dropped", "failed"],
    "properties": {
      "queued": {"type": "integer"},
      "recorded": {"type": "integer"},
      "dropped": {"type": "integer", "description": "Refused because the queue was full."},
      "failed": {"type": "integer", "description": "Lost because the store could not write them."}
    }
  }
}
)json";

}  // namespace

nlohmann::json EventsBodyDoc() {
  const nlohmann::json event = {{"$ref", "#/components/schemas/Event"}};
  return {
      {"requestBody",
       {{"required", true},
        {"content",
         {{"application/json",
           {{"schema",
             {{"oneOf", {event, {{"type", "array"}, {"maxItems", 100}, {"items", event}}}}}}}}}}}}};
}

void AddInsightsSchemas(nlohmann::json* schemas) {
  nlohmann::json added = nlohmann::json::parse(kSchemas);
  added["Event"]["properties"]["reason"]["enum"] = VoteReasons();
  added["Event"]["properties"]["channel"]["enum"] = ContactChannels();
  for (auto& [name, schema] : added.items()) (*schemas)[name] = schema;
  (*schemas)["SearchResponse"]["properties"]["session"] = {
      {"type", "string"},
      {"description",
       "Insights: the anonymous session id (40 hex digits); pass it back as `session` and in "
       "POST /api/v1/events. Absent when the server records nothing."}};
  (*schemas)["SuggestResponse"]["properties"]["queries"] = {
      {"type", "array"},
      {"items", {{"type", "string"}}},
      {"description",
       "Queries customers often searched (by at least 3 sessions, with results) that start "
       "with what was typed."}};
  (*schemas)["Health"]["properties"]["events"] = {{"$ref", "#/components/schemas/RecorderStats"}};
}

}  // namespace kb::http
