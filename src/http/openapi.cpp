#include "openapi.h"

#include <nlohmann/json.hpp>

#include "handler_util.h"

namespace kb::http {
namespace {

// The document, written by hand next to the routes it describes: keep it in
// step with RegisterRoutes() (tests/unit/openapi_test.cpp checks every
// registered path is here). Zendesk's `.json` alias is added in OpenApiJson().
constexpr const char* kDocument = R"json(
{
  "openapi": "3.0.3",
  "info": {
    "title": "kb help-center search API",
    "version": "1",
    "description": "Search and read help-center articles. Requests with a valid `Authorization: Bearer TOKEN` agent token are agents'; all others are customers', for whom `audience: internal` articles do not exist (no hit, count, snippet or fetch). A presented but invalid token is 401, never a customer.",
    "license": {"name": "GPL-2.0-or-later"}
  },
  "security": [{}, {"agentToken": []}],
  "paths": {
    "/api/v1/search": {
      "get": {
        "operationId": "search",
        "summary": "Ranked article search",
        "parameters": [
          {"name": "q", "in": "query", "required": true, "description": "The query as typed (UTF-8, at most 1024 bytes; \"quoted text\" is a phrase).", "schema": {"type": "string", "maxLength": 1024}},
          {"name": "lang", "in": "query", "description": "`auto` (default: detected from the query) or a language code such as he, fa, el, en.", "schema": {"type": "string", "default": "auto", "pattern": "^(auto|[a-z]{2,3})$"}},
          {"name": "limit", "in": "query", "description": "Hits per response; larger values are clamped to 100.", "schema": {"type": "integer", "minimum": 1, "default": 10}},
          {"name": "offset", "in": "query", "description": "Hits to skip; larger values are clamped to 10000.", "schema": {"type": "integer", "minimum": 0, "default": 0}},
          {"name": "category", "in": "query", "description": "Only articles in this category.", "schema": {"type": "string", "maxLength": 200}},
          {"name": "tag", "in": "query", "description": "Only articles with this tag.", "schema": {"type": "string", "maxLength": 200}}
        ],
        "responses": {
          "200": {"description": "Hits, best first.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/suggest": {
      "get": {
        "operationId": "suggest",
        "summary": "Autocomplete: article titles matching what was typed so far (the last word may be partial)",
        "parameters": [
          {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}},
          {"name": "lang", "in": "query", "description": "`auto` (default) or a language code.", "schema": {"type": "string", "pattern": "^(auto|[a-z]{2,3})$"}},
          {"name": "limit", "in": "query", "description": "Larger values are clamped to 20.", "schema": {"type": "integer", "minimum": 1, "default": 8}}
        ],
        "responses": {
          "200": {"description": "Matching titles.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SuggestResponse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/faq": {
      "get": {
        "operationId": "faq",
        "summary": "Articles with `faq: true`, grouped by category",
        "parameters": [
          {"name": "lang", "in": "query", "description": "A language code; absent or `auto`: every language.", "schema": {"type": "string", "pattern": "^(auto|[a-z]{2,3})$"}},
          {"name": "category", "in": "query", "schema": {"type": "string", "maxLength": 200}}
        ],
        "responses": {
          "200": {"description": "The FAQ.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FaqResponse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/articles/{id}/related": {
      "get": {
        "operationId": "relatedArticles",
        "summary": "Articles like this one",
        "parameters": [
          {"$ref": "#/components/parameters/ArticleId"},
          {"name": "limit", "in": "query", "description": "Larger values are clamped to 20.", "schema": {"type": "integer", "minimum": 1, "default": 5}}
        ],
        "responses": {
          "200": {"description": "Related articles, best first.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RelatedResponse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/articles/{id}/history": {
      "get": {
        "operationId": "articleHistory",
        "summary": "Agents, git mode: the commits that changed the article",
        "description": "An article whose own id ends in /history is returned as an article when neither ref nor limit is given.",
        "security": [{"agentToken": []}],
        "parameters": [
          {"$ref": "#/components/parameters/ArticleId"},
          {"name": "ref", "in": "query", "description": "Branch or commit; default: the served branch.", "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "description": "Larger values are clamped to 500.", "schema": {"type": "integer", "minimum": 1, "default": 50}}
        ],
        "responses": {
          "200": {"description": "Newest first.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GitHistory"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/publish/status": {
      "get": {
        "operationId": "publishStatus",
        "summary": "Agents, git mode: the last good commit and the last publish attempt",
        "security": [{"agentToken": []}],
        "responses": {
          "200": {"description": "Publishing state.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GitPublishStatus"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/hooks/git": {
      "post": {
        "operationId": "gitWebhook",
        "summary": "Git mode: push webhook (GitHub/Gitea HMAC-SHA256 signature or GitLab token) that publishes the branch",
        "security": [{}],
        "parameters": [
          {"name": "X-Hub-Signature-256", "in": "header", "description": "GitHub: sha256=HMAC of the body.", "schema": {"type": "string"}},
          {"name": "X-Gitea-Signature", "in": "header", "description": "Gitea: hex HMAC-SHA256 of the body.", "schema": {"type": "string"}},
          {"name": "X-Gitlab-Token", "in": "header", "description": "GitLab: the shared secret.", "schema": {"type": "string"}}
        ],
        "requestBody": {"description": "The forge's push event (only its signature is checked).", "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
          "200": {"description": "The publish finished.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GitPublishAttempt"}}}},
          "202": {"description": "The publish is queued and still running.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string", "enum": ["queued"]}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/articles/{id}": {
      "get": {
        "operationId": "getArticle",
        "summary": "One article, rendered",
        "description": "With `ref` (agents, git mode): the article as it is on that branch, rendered now, with `preview`, `ref`, `commit` and `draft` added.",
        "parameters": [
          {"$ref": "#/components/parameters/ArticleId"},
          {"name": "ref", "in": "query", "description": "Agents, git mode: preview the version on this branch.", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "The article.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "200 when the server is up and its index is readable",
        "security": [{}],
        "responses": {
          "200": {"description": "What is live.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "security": [{}],
        "responses": {
          "200": {"description": "The OpenAPI 3.0 document.", "content": {"application/json": {"schema": {"type": "object"}}}}
        }
      }
    },
    "/api/v2/help_center/articles/search": {
      "get": {
        "operationId": "zendeskSearchArticles",
        "summary": "Zendesk Help Center compatible article search",
        "description": "Answers like Zendesk Guide's Search Articles endpoint so that widgets and scripts written for it work with kb. Also served at `/api/v2/help_center/articles/search.json`. Ignored Zendesk parameters: section, brand_id, multibrand, created_before, created_after, created_at, updated_before, updated_after, updated_at, sort_by, sort_order (results are always by relevance); other unknown parameters are ignored too. Errors use kb's error JSON.",
        "parameters": [
          {"name": "query", "in": "query", "required": true, "description": "The search text (as `q` of /api/v1/search).", "schema": {"type": "string", "maxLength": 1024}},
          {"name": "locale", "in": "query", "description": "A Zendesk locale such as en-us, he, fa, el; its primary subtag is kb's lang. Absent or `*`: the language is detected from the query.", "schema": {"type": "string", "pattern": "^([A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*|\\*)$"}},
          {"name": "category", "in": "query", "description": "Only articles in this kb category (a name such as `account`: kb has no numeric category ids).", "schema": {"type": "string", "maxLength": 200}},
          {"name": "label_names", "in": "query", "description": "Comma-separated labels (kb tags, matched exactly); an article with any of them matches. At most 10.", "schema": {"type": "string"}},
          {"name": "page", "in": "query", "description": "1-based page number. Only the first 1000 results can be paged to.", "schema": {"type": "integer", "minimum": 1, "default": 1}},
          {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 25}}
        ],
        "responses": {
          "200": {"description": "One page of results.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ZendeskSearchResponse"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "500": {"$ref": "#/components/responses/Internal"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "agentToken": {"type": "http", "scheme": "bearer", "description": "An agent token made by `kb token new NAME --file FILE`. Optional: without it the caller is a customer."}
    },
    "parameters": {
      "ArticleId": {"name": "id", "in": "path", "required": true, "description": "The article id: its path under the articles root without .md, e.g. he/account/reset-password (slashes are not encoded).", "schema": {"type": "string"}}
    },
    "responses": {
      "BadRequest": {"description": "A missing, malformed or unknown parameter (code bad_request).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "An Authorization header that is not a valid Bearer agent token (code unauthorized).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such article for this caller, or no such endpoint (code not_found).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "A parameter over its size limit (code too_large).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Internal": {"description": "The index cannot be read, or a bug (code internal).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
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
              "code": {"type": "string", "enum": ["bad_request", "unauthorized", "not_found", "too_large", "rate_limited", "internal"]},
              "message": {"type": "string", "description": "For people; names the offending parameter where there is one."}
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
          "score": {"type": "number", "minimum": 0, "maximum": 1, "description": "Relative to the best possible match of the query."}
        }
      },
      "SearchResponse": {
        "type": "object",
        "required": ["query", "lang", "total", "took_ms", "suggestion", "corrected", "fallback", "hits"],
        "properties": {
          "query": {"type": "string"},
          "lang": {"type": "string", "nullable": true, "description": "The language searched (requested or detected); null when the query has no letters and lang was auto."},
          "total": {"type": "integer", "description": "Matching articles visible to the caller."},
          "took_ms": {"type": "number"},
          "suggestion": {"type": "string", "nullable": true, "description": "The query with misspelled words corrected, else null."},
          "corrected": {"type": "boolean", "description": "True when the corrected words were searched too."},
          "fallback": {"type": "boolean", "description": "True when nothing matched in lang and the hits come from other languages."},
          "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
          "facets": {
            "type": "object",
            "description": "Category and tag counts over all matches of the query, for the caller's audience only.",
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
                      {"type": "object", "properties": {"order": {"type": "integer", "nullable": true}}}
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
          "related": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleSummary"}, "description": "More like this: same language first, translations excluded."}
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
          "errors": {"type": "array", "items": {"type": "string"}, "description": "file:line: message of each bad article."},
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
          "last_attempt": {"allOf": [{"$ref": "#/components/schemas/GitPublishAttempt"}], "nullable": true}
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
        "required": ["id", "title", "lang", "category", "tags", "audience", "faq", "url", "translation_of", "translations", "updated", "html"],
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
          "translations": {"type": "array", "items": {"type": "string"}, "description": "Ids of linked translations the caller may see."},
          "updated": {"type": "string", "format": "date-time"},
          "html": {"type": "string", "description": "Rendered Markdown; raw HTML in the Markdown is not passed through."}
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
      "ZendeskArticle": {
        "type": "object",
        "required": ["id", "kb_id", "url", "html_url", "title", "name", "body", "snippet", "result_type", "locale", "label_names", "created_at", "updated_at"],
        "properties": {
          "id": {"type": "integer", "format": "int64", "description": "First 48 bits of the SHA-256 of kb_id: stable, exact in JavaScript."},
          "kb_id": {"type": "string", "description": "kb's article id."},
          "url": {"type": "string", "description": "The article in kb's API: {public_url}/api/v1/articles/{kb_id}; relative when kb serve has no --public-url."},
          "html_url": {"type": "string", "description": "The article's page: {public_url}/kb/{kb_id}; relative when kb serve has no --public-url."},
          "title": {"type": "string"},
          "name": {"type": "string", "description": "Same as title."},
          "body": {"type": "string", "nullable": true, "description": "The rendered HTML."},
          "snippet": {"type": "string", "description": "HTML-escaped text with matching words in <em> tags."},
          "result_type": {"type": "string", "enum": ["article"]},
          "locale": {"type": "string", "description": "The requested locale when the article is in its language, else the article's lang."},
          "label_names": {"type": "array", "items": {"type": "string"}, "description": "The article's tags."},
          "category": {"type": "string", "description": "kb's category name."},
          "audience": {"type": "string", "nullable": true, "enum": ["public", "internal"]},
          "draft": {"type": "boolean", "description": "Always false: drafts are never published."},
          "created_at": {"type": "string", "format": "date-time", "nullable": true, "description": "kb keeps no creation time: same as updated_at."},
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
          "next_page": {"type": "string", "nullable": true, "description": "URL of the next page (absolute with --public-url, else relative), or null on the last one."},
          "previous_page": {"type": "string", "nullable": true, "description": "URL of the previous page (absolute with --public-url, else relative), or null on the first one."}
        }
      }
    }
  }
}
)json";

}  // namespace

Result<std::string> OpenApiJson() {
  nlohmann::json doc = nlohmann::json::parse(kDocument, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return Status::Internal("the embedded OpenAPI document is not valid JSON");
  auto& paths = doc["paths"];
  paths["/api/v2/help_center/articles/search.json"] = paths["/api/v2/help_center/articles/search"];
  paths["/api/v2/help_center/articles/search.json"]["get"]["operationId"] =
      "zendeskSearchArticlesJson";
  return doc.dump();
}

void RegisterOpenApiRoute(httplib::Server& server) {
  const Result<std::string> document = OpenApiJson();
  ServeGet(server, "/api/v1/openapi.json",
           [document](const httplib::Request&, httplib::Response& res) {
             if (!document.ok()) return ReplyError(res, document.status());
             ReplyJson(res, *document);
           });
}

}  // namespace kb::http
