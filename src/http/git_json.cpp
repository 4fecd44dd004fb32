#include "git_json.h"

#include <nlohmann/json.hpp>

#include "json_encode.h"

namespace kb::http {
namespace {

using Json = nlohmann::json;

const char* AttemptState(const GitPublishAttempt& a) {
  if (!a.ok()) return "failed";
  return a.added + a.updated + a.deleted > 0 ? "published" : "unchanged";
}

Json AttemptObject(const GitPublishAttempt& a) {
  Json errors = Json::array();
  for (const ArticleError& e : a.errors) errors.push_back(e.ToString());
  return {{"status", AttemptState(a)},
          {"commit", a.commit.empty() ? Json(nullptr) : Json(a.commit)},
          {"time", Rfc3339(a.time)},
          {"ok", a.ok()},
          {"repeated", a.skipped},
          {"added", a.added},
          {"updated", a.updated},
          {"deleted", a.deleted},
          {"unchanged", a.unchanged},
          {"sequence", a.sequence},
          {"errors", std::move(errors)},
          {"failure", a.status.ok() ? Json(nullptr) : Json(a.status.ToString())}};
}

}  // namespace

std::string RedactUrl(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t host = scheme + 3;
  const size_t at = url.find('@', host);
  const size_t slash = url.find('/', host);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  return url.substr(0, host) + url.substr(at + 1);
}

std::string GitAttemptJson(const GitPublishAttempt& attempt) {
  return DumpJson(AttemptObject(attempt));
}

std::string GitStatusJson(const GitPublishStatus& s) {
  Json body = {{"repo", RedactUrl(s.repo)}, {"branch", s.branch},   {"running", s.running},
               {"attempts", s.attempts},    {"last_good", nullptr}, {"last_attempt", nullptr}};
  if (!s.last_good_commit.empty())
    body["last_good"] = {{"commit", s.last_good_commit}, {"time", Rfc3339(s.last_good_time)}};
  if (s.last_attempt) body["last_attempt"] = AttemptObject(*s.last_attempt);
  return DumpJson(body);
}

std::string GitHistoryJson(const std::string& id, const std::string& ref,
                           const std::vector<GitCommitInfo>& commits) {
  Json list = Json::array();
  for (const GitCommitInfo& c : commits)
    list.push_back(
        {{"sha", c.sha}, {"author", c.author}, {"time", Rfc3339(c.time)}, {"message", c.message}});
  return DumpJson({{"id", id}, {"ref", ref}, {"commits", std::move(list)}});
}

std::string GitPreviewJson(const ArticleView& view, const std::string& ref,
                           const std::string& commit, bool draft) {
  Json body = ArticleObject(view);
  body["preview"] = true;
  body["ref"] = ref;
  body["commit"] = commit;
  body["draft"] = draft;
  return DumpJson(body);
}

}  // namespace kb::http
