// The git publishing endpoints. See git_routes.h and docs/git-publishing.md.
#include "git_routes.h"

#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

#include "git_json.h"
#include "handler_util.h"
#include "json_encode.h"
#include "kb/publish/git_webhook.h"
#include "kb/sources/git_articles.h"
#include "request_params.h"

namespace kb::http {
namespace {

constexpr std::string_view kHistorySuffix = "/history";
constexpr const char* kRefParam = "ref";
constexpr const char* kLimitParam = "limit";
constexpr size_t kDefaultHistory = 50, kMaxHistory = 500;
// GitHub gives up on a webhook after 10 s: answer 202 before that.
constexpr std::chrono::seconds kWebhookWait{8};
constexpr int kAccepted = 202;  // a publish was queued and is still running

void PostHook(const httplib::Request& req, httplib::Response& res, const GitServices& services) {
  if (services.webhook_secret.empty())
    return ReplyError(res,
                      Status::NotFound("webhook not configured (kb serve --webhook-secret-file)"));
  const GitWebhookHeaders headers{req.get_header_value("X-Hub-Signature-256"),
                                  req.get_header_value("X-Gitea-Signature"),
                                  req.get_header_value("X-Gitlab-Token")};
  if (Status s = VerifyGitWebhook(headers, req.body, services.webhook_secret); !s.ok()) {
    std::fprintf(stderr, "kb: webhook rejected: %s\n", s.message().c_str());
    return ReplyError(res, s);
  }
  const uint64_t ticket = services.publisher->Trigger();
  auto attempt = services.publisher->WaitFor(ticket, kWebhookWait);
  if (!attempt) {
    res.status = kAccepted;
    res.set_content(R"({"status":"queued"})", kJsonContentType);
    return;
  }
  ReplyJson(res, GitAttemptJson(*attempt));
}

void GetPublishStatus(const httplib::Request& req, httplib::Response& res,
                      const GitServices& services) {
  if (Status s = RequireAgent(req, services.agent_tokens); !s.ok()) return ReplyError(res, s);
  if (Status s = CheckParams(req, {}); !s.ok()) return ReplyError(res, s);
  ReplyJson(res, GitStatusJson(services.publisher->Status()));
}

Result<size_t> HistoryLimit(const httplib::Request& req) {
  if (!req.has_param(kLimitParam)) return kDefaultHistory;
  const std::string value = req.get_param_value(kLimitParam);
  if (value.empty() || value.size() > 6 ||
      value.find_first_not_of("0123456789") != std::string::npos || std::stoul(value) == 0)
    return Status::InvalidArgument("limit must be a positive integer");
  return std::min<size_t>(std::stoul(value), kMaxHistory);
}

void GetHistory(const httplib::Request& req, httplib::Response& res, const GitServices& services) {
  const std::string id = req.matches[1];
  // An article whose own id ends in "/history" is fetched, not its parent's history.
  const std::string whole = id + std::string(kHistorySuffix);
  // A bad token is a 401 here too, never a customer.
  const Result<bool> agent = IsAgent(req, services.agent_tokens);
  if (!agent.ok()) return ReplyError(res, agent.status());
  if (!req.has_param(kRefParam) && !req.has_param(kLimitParam)) {
    auto article =
        services.searchers->With([&](Searcher& s) { return s.GetArticle(whole, *agent); });
    if (article.ok()) return ReplyJson(res, ArticleJson(*article));
  }
  if (!*agent) return ReplyError(res, AgentsOnly());
  if (Status s = CheckParams(req, {kRefParam, kLimitParam}); !s.ok()) return ReplyError(res, s);
  auto limit = HistoryLimit(req);
  if (!limit.ok()) return ReplyError(res, limit.status());
  const GitSourceOptions& repo = services.publisher->source_options();
  const std::string ref = req.has_param(kRefParam) ? req.get_param_value(kRefParam) : repo.branch;
  auto commits = GitArticleHistory(repo, ref, id, *limit);
  if (!commits.ok()) return ReplyError(res, commits.status());
  ReplyJson(res, GitHistoryJson(id, ref, *commits));
}

ArticleView ViewOf(const Article& a, const GitArticleVersion& version) {
  ArticleView view;
  view.id = a.id;
  view.title = a.title;
  view.lang = a.lang;
  view.category = a.category;
  view.audience = AudienceName(a.audience);
  view.html = a.html;
  view.translation_of = a.translation_of;
  view.tags = a.tags;
  view.faq = a.faq;
  view.updated = version.last.time;
  return view;
}

// GET /api/v1/articles/{id}?ref=BRANCH: the branch's version, rendered now.
// Called by the article route, whose first match is the id.
void GetPreview(const httplib::Request& req, httplib::Response& res, const GitServices& services) {
  if (Status s = RequireAgent(req, services.agent_tokens); !s.ok()) return ReplyError(res, s);
  if (Status s = CheckParams(req, {kRefParam}); !s.ok()) return ReplyError(res, s);
  const std::string id = req.matches[1];
  const std::string ref = req.get_param_value(kRefParam);
  auto version = ReadGitArticle(services.publisher->source_options(), ref, id);
  if (!version.ok()) return ReplyError(res, version.status());
  const Diagnosed<Article> parsed = ParseArticle(id, version->path, version->bytes);
  const Article& article = parsed.value;
  if (!parsed.ok()) {
    std::string message = "the article on " + ref + " is not valid:";
    for (const ArticleError& e : parsed.diagnostics) message += " " + e.ToString() + ";";
    return ReplyError(res, Status::InvalidArgument(message));
  }
  ReplyJson(res, GitPreviewJson(ViewOf(article, *version), ref, version->commit, article.draft));
}

}  // namespace

Result<std::string> ReadWebhookSecret(const std::string& file) {
  if (file.empty()) return std::string();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return Status::InvalidArgument("cannot read webhook secret file " + file);
  std::string secret = content.str();
  while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back())))
    secret.pop_back();
  if (secret.empty()) return Status::InvalidArgument("webhook secret file " + file + " is empty");
  return secret;
}

// The publisher's log until RunServer hands in the CLI's (kb::cli::StderrLog):
// "kb: " lines on stderr, as the publisher printed them before.
class ServeStderrLog : public Log {
 public:
  void Write(LogLevel level, std::string_view line) override {
    const char* tag = level == LogLevel::kError     ? "error: "
                      : level == LogLevel::kWarning ? "warning: "
                                                    : "";
    std::lock_guard<std::mutex> lock(mu_);
    std::fprintf(stderr, "kb: %s%.*s\n", tag, static_cast<int>(line.size()), line.data());
  }

 private:
  std::mutex mu_;
};

Result<std::unique_ptr<GitPublisher>> OpenGitPublisher(const ServerConfig& config) {
  static ServeStderrLog log;  // lives as long as any publisher
  GitPublisherOptions options;
  options.log = &log;
  options.source.repo = config.git_repo;
  options.source.branch = config.git_branch;
  options.source.cache_dir = config.git_cache_dir;
  options.db_dir = config.db_dir;
  options.poll_seconds = config.poll_seconds;
  options.allow_mass_delete = config.allow_mass_delete;
  auto publisher = GitPublisher::Create(options);
  if (!publisher.ok()) return publisher.status();
  (*publisher)->PublishNow();  // logs its outcome; a bad commit keeps the index as it is
  return publisher;
}

void RegisterGitRoutes(httplib::Server& server, GitServices services) {
  server.Post("/api/v1/hooks/git", Bind(PostHook, services));
  ServeGet(server, "/api/v1/publish/status", Bind(GetPublishStatus, services));
  ServeGet(server, R"(/api/v1/articles/(.+)/history)", Bind(GetHistory, services));
}

std::function<void(const httplib::Request&, httplib::Response&)> ArticleAtRefHandler(
    GitServices services) {
  return Bind(GetPreview, std::move(services));
}

}  // namespace kb::http
