// JSON bodies of the git publishing endpoints (nlohmann::json).
#pragma once

#include <string>
#include <vector>

#include "kb/index/search.h"
#include "kb/publish/git_publisher.h"
#include "kb/sources/git_articles.h"

namespace kb::http {

// {"status":"published"|"unchanged"|"failed", "commit", "time", "added", ...,
//  "errors":["path:line: message"], "failure": null|"..."}
std::string GitAttemptJson(const GitPublishAttempt& attempt);
// {"repo","branch","running","attempts","last_good":{commit,time}|null,"last_attempt":{...}|null}
std::string GitStatusJson(const GitPublishStatus& status);
// {"id","ref","commits":[{"sha","author","time","message"}]}
std::string GitHistoryJson(const std::string& id, const std::string& ref,
                           const std::vector<GitCommitInfo>& commits);
// The article JSON of `view` plus "preview": true, "ref", "commit", "draft".
std::string GitPreviewJson(const ArticleView& view, const std::string& ref,
                           const std::string& commit, bool draft);
// A URL with any "user:password@" removed (status must not leak credentials).
std::string RedactUrl(const std::string& url);

}  // namespace kb::http
