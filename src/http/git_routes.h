// The handlers of the git publishing routes (docs/git-publishing.md), which
// the route table declares for git mode only:
//   POST /api/v1/hooks/git                 webhook (GitHub, Gitea, GitLab signatures)
//   GET  /api/v1/publish/status            agents: last good commit, last attempt
//   GET  /api/v1/articles/{id}/history     agents: the article's commits
//   GET  /api/v1/articles/{id}?ref=BRANCH  agents: preview of a branch's version
// Handlers are thin: call the publisher or the git source, encode. They need
// context.services.publisher (not null in git mode). Thread-safe.
#pragma once

#include <httplib.h>

#include <vector>

#include "call.h"
#include "params.h"

namespace kb::http {

inline constexpr const char* kRefParam = "ref";

// `ref` of the article route: git mode, agents only.
ParamSpec PreviewRefParam();
// `ref` and `limit` (1..500, default 50) of the history route, for agents.
std::vector<ParamSpec> HistoryParams();

void PostGitHook(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetPublishStatus(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetHistory(const HandlerContext& context, const Call& call, httplib::Response& res);
// An article whose own id ends in "/history" is that article, for whoever
// may see it, when no history parameter is given: answers it and returns true.
bool AnswerHistoryPathAsArticle(const HandlerContext& context, const Call& call,
                                httplib::Response& res);
// GET /api/v1/articles/{id}?ref=BRANCH: the branch's version, rendered now.
void GetPreview(const HandlerContext& context, const Call& call, httplib::Response& res);

}  // namespace kb::http
