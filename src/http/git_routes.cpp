// The git publishing handlers. See git_routes.h and docs/git-publishing.md.
#include "git_routes.h"

#include "git_json.h"
#include "handler_util.h"
#include "json_encode.h"
#include "kb/index/search.h"
#include "kb/publish/git_publisher.h"
#include "kb/publish/git_webhook.h"
#include "kb/sources/article_sources.h"
#include "kb/sources/git_articles.h"

namespace kb::http {
namespace {

constexpr const char* kLimitParam = "limit";
constexpr size_t kDefaultHistory = 50, kMaxHistory = 500;
// GitHub gives up on a webhook after 10 s: answer 202 before that.
constexpr std::chrono::seconds kWebhookWait{8};
constexpr int kAccepted = 202;  // a publish was queued and is still running

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

}  // namespace

ParamSpec PreviewRefParam() {
  ParamSpec ref = GitRefParam(kRefParam, "Agents, git mode: preview the version on this branch.");
  ref.access = ParamAccess::kAgentsOnly;
  ref.mode = ParamMode::kGitOnly;
  return ref;
}

std::vector<ParamSpec> HistoryParams() {
  std::vector<ParamSpec> params = {
      GitRefParam(kRefParam, "Branch or commit; default: the served branch."),
      IntegerParam(kLimitParam, {1, kMaxHistory, kDefaultHistory, AboveMax::kClamp},
                   "Larger values are clamped to 500."),
  };
  for (ParamSpec& p : params) p.access = ParamAccess::kAgentsOnly;
  return params;
}

void PostGitHook(const HandlerContext& context, const Call& call, httplib::Response& res) {
  const Services& services = context.services;
  if (services.webhook_secret.empty())
    return ReplyError(res,
                      Status::NotFound("webhook not configured (kb serve --webhook-secret-file)"));
  const httplib::Request& req = call.req;
  const GitWebhookHeaders headers{req.get_header_value("X-Hub-Signature-256"),
                                  req.get_header_value("X-Gitea-Signature"),
                                  req.get_header_value("X-Gitlab-Token")};
  if (Status s = VerifyGitWebhook(headers, req.body, services.webhook_secret); !s.ok()) {
    context.log().Warning("webhook rejected: " + s.message());
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

void GetPublishStatus(const HandlerContext& context, const Call&, httplib::Response& res) {
  ReplyJson(res, GitStatusJson(context.services.publisher->Status()));
}

bool AnswerHistoryPathAsArticle(const HandlerContext& context, const Call& call,
                                httplib::Response& res) {
  const std::string whole = call.id + "/history";
  auto article = context.services.searchers->With(
      [&](Searcher& s) { return s.GetArticle(whole, call.agent); });
  if (!article.ok()) return false;
  ReplyJson(res, ArticleJson(*article));
  return true;
}

void GetHistory(const HandlerContext& context, const Call& call, httplib::Response& res) {
  const GitSourceOptions& repo = context.services.publisher->source_options();
  const std::string ref = call.params.Has(kRefParam) ? call.params.Text(kRefParam) : repo.branch;
  auto commits = GitArticleHistory(repo, ref, call.id, call.params.Integer(kLimitParam));
  if (!commits.ok()) return ReplyError(res, commits.status());
  ReplyJson(res, GitHistoryJson(call.id, ref, *commits));
}

void GetPreview(const HandlerContext& context, const Call& call, httplib::Response& res) {
  const std::string ref = call.params.Text(kRefParam);
  auto version = ReadGitArticle(context.services.publisher->source_options(), ref, call.id);
  if (!version.ok()) return ReplyError(res, version.status());
  const Diagnosed<Article> parsed = ParseArticle(call.id, version->path, version->bytes);
  const Article& article = parsed.value;
  if (!parsed.ok()) {
    std::string message = "the article on " + ref + " is not valid:";
    for (const ArticleError& e : parsed.diagnostics) message += " " + e.ToString() + ";";
    return ReplyError(res, Status::InvalidArgument(message));
  }
  ReplyJson(res, GitPreviewJson(ViewOf(article, *version), ref, version->commit, article.draft));
}

}  // namespace kb::http
