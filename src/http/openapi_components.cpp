// The parts of the OpenAPI document that describe data rather than routes:
// the document's head, the component schemas of every JSON body kb returns
// (kept in step with json_encode.cpp, git_json.cpp and zendesk_json.cpp:
// tests/e2e/e2e_openapi_test.cpp checks real answers against them), the
// error responses, and the webhook's headers and body.
#include <nlohmann/json.hpp>

#include "openapi.h"

namespace kb::http {
namespace {

constexpr const char* kHead = R"json(
{
  "openapi": "3.0.3",
  "info": {
    "title": "kb help-center search API",
    "version": "1",
    "description": "Search and read help-center articles. Requests with a valid `Authorization: Bearer TOKEN` agent token are agents'; all others are customers', for whom `audience: internal` articles do not exist (no hit, count, snippet or fetch). A presented but invalid token is 401, never a customer.",
    "license": {"name": "GPL-2.0-or-later", "url": "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html"}
  },
  "servers": [{"url": "/", "description": "The kb server that serves this document."}],
  "security": [{}, {"agentToken": []}]
}
)json";

constexpr const char* kComponents = R"json(
{
  "securitySchemes": {
    "agentToken": {
      "type": "http",
      "scheme": "bearer",
      "description": "An agent token made by `kb token new NAME --file FILE`. Optional: without it the caller is a customer."
    }
  },
  "parameters": {
    "ArticleId": {
      "name": "id",
      "in": "path",
      "required": true,
      "description": "The article id: its path under the articles root without .md, e.g. he/account/reset-password (slashes are not encoded).",
      "schema": {"type": "string"}
    }
  },
  "responses": {
    "BadRequest": {
      "description": "A missing, malformed or unknown parameter, or a request the HTTP layer cannot read (code bad_request).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "Unauthorized": {
      "description": "An Authorization header that is not a valid Bearer agent token (code unauthorized).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "NotFound": {
      "description": "No such article for this caller, or no such endpoint (code not_found).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "TooLarge": {
      "description": "A parameter over its size limit, or a request body over 1 MiB (code too_large).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "Internal": {
      "description": "The index cannot be read, or a bug (code internal).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "MethodNotAllowed": {
      "description": "Another method than the path's own (code bad_request); the Allow header lists the path's methods (GET comes with HEAD).",
      "headers": {
        "Allow": {"description": "The path's methods, e.g. `GET, HEAD`.", "schema": {"type": "string"}}
      },
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "TargetTooLong": {
      "description": "A request target over 8192 bytes (code too_large).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "RangeNotSatisfiable": {
      "description": "A Range header that is not one (code bad_request); a valid one is ignored.",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "RateLimited": {
      "description": "Too many requests from this client address or agent token (code rate_limited); retry after the seconds in Retry-After.",
      "headers": {"Retry-After": {"description": "Seconds until a request will be accepted.", "schema": {"type": "integer", "minimum": 1}}},
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    },
    "HeaderFieldsTooLarge": {
      "description": "More header fields than kb serve --max-header-fields allows (code too_large).",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    }
  },
  "schemas": {
    "Error": {
      "type": "object",
      "required": ["error"],
      "properties": {
        "error": {
          "type": "object",
          "required": ["code", "message"],
          "properties": {
            "code": {
              "type": "string",
              "enum": ["bad_request", "unauthorized", "not_found", "too_large", "rate_limited", "internal"]
            },
            "message": {
              "type": "string",
              "description": "For people; names the offending parameter where there is one."
            }
          }
        }
      },
      "example": {"error": {"code": "bad_request", "message": "q is required"}}
    },
    "SearchHit": {
      "type": "object",
      "required": ["id", "title", "lang", "category", "url", "snippet", "score"],
      "properties": {
        "id": {"type": "string", "example": "he/account/reset-password"},
        "title": {"type": "string"},
        "lang": {"type": "string"},
        "category": {"type": "string"},
        "url": {"type": "string", "description": "/kb/{id}"},
        "snippet": {"type": "string", "description": "HTML-escaped text with only <mark> tags added."},
        "score": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "Relative to the best possible match of the query."
        }
      }
    },
    "SearchResponse": {
      "type": "object",
      "required": ["query", "lang", "total", "took_ms", "suggestion", "corrected", "fallback", "hits", "facets"],
      "properties": {
        "query": {"type": "string"},
        "lang": {
          "type": "string",
          "nullable": true,
          "description": "The language searched (requested or detected); null when the query has no letters and lang was auto."
        },
        "total": {"type": "integer", "description": "Matching articles visible to the caller."},
        "total_estimated": {
          "type": "boolean",
          "description": "True when total and the facet counts are estimates: a query with more than 500 matches is counted over a fixed sample of one article in eight. False: they are exact."
        },
        "took_ms": {"type": "number"},
        "suggestion": {
          "type": "string",
          "nullable": true,
          "description": "The query with misspelled words corrected, else null."
        },
        "corrected": {"type": "boolean", "description": "True when the corrected words were searched too."},
        "fallback": {
          "type": "boolean",
          "description": "True when nothing matched in lang and the hits come from other languages."
        },
        "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
        "facets": {
          "type": "object",
          "description": "Category and tag counts over all matches of the query, for the caller's audience only (estimates when total_estimated).",
          "properties": {
            "category": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}},
            "tag": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}
          }
        }
      }
    },
    "FacetCount": {
      "type": "object",
      "required": ["value", "count"],
      "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}
    },
    "ArticleSummary": {
      "type": "object",
      "required": ["id", "title", "lang", "category", "url"],
      "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "lang": {"type": "string"},
        "category": {"type": "string"},
        "url": {"type": "string", "description": "/kb/{id}"}
      }
    },
    "SuggestResponse": {
      "type": "object",
      "required": ["query", "suggestions"],
      "properties": {
        "query": {"type": "string"},
        "suggestions": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleSummary"}}
      }
    },
    "FaqResponse": {
      "type": "object",
      "required": ["lang", "categories"],
      "properties": {
        "lang": {"type": "string", "nullable": true, "description": "null: every language."},
        "categories": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["category", "articles"],
            "properties": {
              "category": {"type": "string"},
              "articles": {
                "type": "array",
                "description": "By front matter `order` (unset last), then title.",
                "items": {
                  "allOf": [
                    {"$ref": "#/components/schemas/ArticleSummary"},
                    {
                      "type": "object",
                      "properties": {"order": {"type": "integer", "nullable": true}}
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "RelatedResponse": {
      "type": "object",
      "required": ["id", "related"],
      "properties": {
        "id": {"type": "string"},
        "related": {
          "type": "array",
          "items": {"$ref": "#/components/schemas/ArticleSummary"},
          "description": "More like this: same language first, translations excluded."
        }
      }
    },
    "GitPublishAttempt": {
      "type": "object",
      "required": ["status", "commit", "time", "ok"],
      "properties": {
        "status": {"type": "string", "enum": ["published", "unchanged", "failed"]},
        "commit": {"type": "string", "nullable": true},
        "time": {"type": "string", "format": "date-time"},
        "ok": {"type": "boolean"},
        "repeated": {"type": "boolean", "description": "The commit had been tried before."},
        "added": {"type": "integer"},
        "updated": {"type": "integer"},
        "deleted": {"type": "integer"},
        "unchanged": {"type": "integer"},
        "sequence": {"type": "integer"},
        "errors": {
          "type": "array",
          "items": {"type": "string"},
          "description": "file:line: message of each bad article."
        },
        "failure": {"type": "string", "nullable": true}
      }
    },
    "GitPublishStatus": {
      "type": "object",
      "required": ["repo", "branch", "running", "attempts", "last_good", "last_attempt"],
      "properties": {
        "repo": {"type": "string", "description": "Credentials in the URL are removed."},
        "branch": {"type": "string"},
        "running": {"type": "boolean"},
        "attempts": {"type": "integer"},
        "last_good": {
          "type": "object",
          "nullable": true,
          "properties": {"commit": {"type": "string"}, "time": {"type": "string", "format": "date-time"}}
        },
        "last_attempt": {
          "type": "object",
          "nullable": true,
          "allOf": [{"$ref": "#/components/schemas/GitPublishAttempt"}]
        }
      }
    },
    "GitHistory": {
      "type": "object",
      "required": ["id", "ref", "commits"],
      "properties": {
        "id": {"type": "string"},
        "ref": {"type": "string"},
        "commits": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["sha", "author", "time", "message"],
            "properties": {
              "sha": {"type": "string"},
              "author": {"type": "string"},
              "time": {"type": "string", "format": "date-time"},
              "message": {"type": "string"}
            }
          }
        }
      }
    },
    "Article": {
      "type": "object",
      "required": [
        "id",
        "title",
        "lang",
        "category",
        "tags",
        "audience",
        "faq",
        "url",
        "translation_of",
        "translations",
        "updated",
        "html",
        "author",
        "outdated"
      ],
      "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "lang": {"type": "string"},
        "category": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "audience": {"type": "string", "enum": ["public", "internal"]},
        "faq": {"type": "boolean"},
        "url": {"type": "string", "description": "/kb/{id}"},
        "translation_of": {"type": "string", "nullable": true},
        "translations": {
          "type": "array",
          "items": {"type": "string"},
          "description": "Ids of linked translations the caller may see."
        },
        "updated": {"type": "string", "format": "date-time"},
        "html": {
          "type": "string",
          "description": "Rendered Markdown; raw HTML in the Markdown is not passed through."
        },
        "author": {
          "type": "string",
          "nullable": true,
          "description": "Git mode: the author of the file's last commit; null in folder mode."
        },
        "outdated": {
          "type": "boolean",
          "description": "Git mode: a translation whose source changed in a later commit; always false in folder mode."
        },
        "preview": {"type": "boolean", "description": "With `ref` only: always true."},
        "ref": {"type": "string", "description": "With `ref` only: the branch, tag or commit asked for."},
        "commit": {"type": "string", "description": "With `ref` only: the commit the article was read from."},
        "draft": {"type": "boolean", "description": "With `ref` only: the article's front matter `draft`."}
      }
    },
    "Health": {
      "type": "object",
      "required": ["status", "generation", "sequence", "articles"],
      "properties": {
        "status": {"type": "string", "enum": ["ok"]},
        "generation": {"type": "string", "example": "gen-000001"},
        "sequence": {"type": "integer"},
        "articles": {"type": "integer", "description": "Documents in the index (all audiences)."}
      }
    },
    "Ready": {
      "type": "object",
      "required": ["status", "generation", "sequence"],
      "properties": {
        "status": {"type": "string", "enum": ["ready"]},
        "generation": {"type": "string", "example": "gen-000001"},
        "sequence": {"type": "integer"}
      }
    },
    "NotReady": {
      "type": "object",
      "required": ["status", "reason"],
      "properties": {
        "status": {"type": "string", "enum": ["not_ready"]},
        "reason": {"type": "string"}
      }
    },
    "ZendeskArticle": {
      "type": "object",
      "required": [
        "id",
        "kb_id",
        "url",
        "html_url",
        "title",
        "name",
        "body",
        "snippet",
        "result_type",
        "locale",
        "label_names",
        "created_at",
        "updated_at"
      ],
      "properties": {
        "id": {
          "type": "integer",
          "format": "int64",
          "description": "First 48 bits of the SHA-256 of kb_id: stable, exact in JavaScript."
        },
        "kb_id": {"type": "string", "description": "kb's article id."},
        "url": {
          "type": "string",
          "description": "The article in kb's API: {public_url}/api/v1/articles/{kb_id}; relative when kb serve has no --public-url."
        },
        "html_url": {
          "type": "string",
          "description": "The article's page: {public_url}/kb/{kb_id}; relative when kb serve has no --public-url."
        },
        "title": {"type": "string"},
        "name": {"type": "string", "description": "Same as title."},
        "body": {"type": "string", "nullable": true, "description": "The rendered HTML."},
        "snippet": {"type": "string", "description": "HTML-escaped text with matching words in <em> tags."},
        "result_type": {"type": "string", "enum": ["article"]},
        "locale": {
          "type": "string",
          "description": "The requested locale when the article is in its language, else the article's lang."
        },
        "label_names": {"type": "array", "items": {"type": "string"}, "description": "The article's tags."},
        "category": {"type": "string", "description": "kb's category name."},
        "audience": {"type": "string", "nullable": true, "enum": ["public", "internal"]},
        "draft": {"type": "boolean", "description": "Always false: drafts are never published."},
        "created_at": {
          "type": "string",
          "format": "date-time",
          "nullable": true,
          "description": "kb keeps no creation time: same as updated_at."
        },
        "updated_at": {"type": "string", "format": "date-time", "nullable": true},
        "edited_at": {"type": "string", "format": "date-time", "nullable": true}
      }
    },
    "ZendeskSearchResponse": {
      "type": "object",
      "required": ["results", "count", "page", "per_page", "page_count", "next_page", "previous_page"],
      "properties": {
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/ZendeskArticle"}},
        "count": {"type": "integer", "description": "Every match visible to the caller."},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "page_count": {"type": "integer", "description": "ceil(min(count, 1000) / per_page)."},
        "next_page": {
          "type": "string",
          "nullable": true,
          "description": "URL of the next page (absolute with --public-url, else relative), or null on the last one."
        },
        "previous_page": {
          "type": "string",
          "nullable": true,
          "description": "URL of the previous page (absolute with --public-url, else relative), or null on the first one."
        }
      }
    },
    "GitPublishQueued": {
      "type": "object",
      "required": ["status"],
      "properties": {"status": {"type": "string", "enum": ["queued"]}}
    },
    "OpenApiDocument": {"type": "object", "description": "An OpenAPI 3.0 document."}
  }
}
)json";

constexpr const char* kGitWebhook = R"json(
{
  "parameters": [
    {
      "name": "X-Hub-Signature-256",
      "in": "header",
      "description": "GitHub: sha256=HMAC of the body.",
      "schema": {"type": "string"}
    },
    {
      "name": "X-Gitea-Signature",
      "in": "header",
      "description": "Gitea: hex HMAC-SHA256 of the body.",
      "schema": {"type": "string"}
    },
    {
      "name": "X-Gitlab-Token",
      "in": "header",
      "description": "GitLab: the shared secret.",
      "schema": {"type": "string"}
    }
  ],
  "requestBody": {
    "description": "The forge's push event (only its signature is checked).",
    "content": {"application/json": {"schema": {"type": "object"}}}
  }
}
)json";

}  // namespace

nlohmann::json OpenApiHead() { return nlohmann::json::parse(kHead); }
nlohmann::json OpenApiComponents() {
  nlohmann::json components = nlohmann::json::parse(kComponents);
  AddInsightsSchemas(&components["schemas"]);
  return components;
}
nlohmann::json GitWebhookDoc() { return nlohmann::json::parse(kGitWebhook); }

}  // namespace kb::http
