// The git publishing endpoints (docs/git-publishing.md):
//   POST /api/v1/hooks/git                 webhook (GitHub, Gitea, GitLab signatures)
//   GET  /api/v1/publish/status            agents: last good commit, last attempt
//   GET  /api/v1/articles/{id}/history     agents: the article's commits
//   GET  /api/v1/articles/{id}?ref=BRANCH  agents: preview of a branch's version
// RegisterGitRoutes must be called before RegisterRoutes (its article
// sub-resource must match before the article route). Handlers are thin:
// parse, call the core, encode.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "kb/auth/agent_tokens.h"
#include "kb/http/server.h"
#include "kb/index/search.h"
#include "kb/publish/git_publisher.h"

namespace kb::http {

struct GitServices {
  SearcherPool* searchers = nullptr;
  const AgentTokens* agent_tokens = nullptr;  // null: no agents
  GitPublisher* publisher = nullptr;          // not null
  std::string webhook_secret;                 // empty: the webhook answers 404
};

// Opens the repository of config.git_repo and publishes it once into
// config.db_dir (serve builds or updates the index before it listens). A
// commit with bad articles is logged and the existing index is served; errors
// opening the repository are returned.
Result<std::unique_ptr<GitPublisher>> OpenGitPublisher(const ServerConfig& config);

// The secret in `file` without trailing whitespace; "" for no file.
// InvalidArgument when the file is unreadable or holds no secret.
Result<std::string> ReadWebhookSecret(const std::string& file);

void RegisterGitRoutes(httplib::Server& server, GitServices services);

// The handler of GET /api/v1/articles/{id}?ref=BRANCH (agents only), for
// Services::article_at_ref: the article route calls it with the id as the
// request's first regex match.
std::function<void(const httplib::Request&, httplib::Response&)> ArticleAtRefHandler(
    GitServices services);

}  // namespace kb::http
