#include "page_routes.h"

#include "agent_session.h"
#include "insights_routes.h"
#include "kb/core/utf8.h"
#include "kb/insights/event_store.h"
#include "kb/insights/report_format.h"
#include "kb/insights/session.h"
#include "kb/portal/portal.h"
#include "page_reply.h"

namespace kb::http {
namespace {

constexpr size_t kMaxFeedbackTextBytes = 2000;  // as the events API's vote text
// The insights session of a visitor's searches (issue 20: "set as a cookie by the portal").
constexpr const char* kSessionCookie = "kb_session";

bool SecureCookies(const HandlerContext& context) {
  return context.public_url.rfind("https://", 0) == 0;
}

// The portal's view of the request; sets the CSRF cookie when the browser has none.
portal::PageRequest PageRequestOf(const HandlerContext& context, const httplib::Request& req,
                                  httplib::Response& res) {
  portal::PageRequest request;
  request.lang = req.get_param_value("lang");
  request.accept_language = req.get_header_value("Accept-Language");
  request.agent = IsSignedInAgent(req, context.services.agent_tokens);
  request.csrf_token = CsrfToken(req, res, SecureCookies(context));
  const std::string session = CookieValue(req, kSessionCookie);
  if (context.services.recorder && IsSessionId(session)) request.session = session;
  return request;
}

// The visitor's insights session, kept or rotated, and its cookie when it is
// new; "" when the server records nothing.
std::string KeepSession(const HandlerContext& context, const httplib::Request& req,
                        httplib::Response& res) {
  const std::string passed = CookieValue(req, kSessionCookie);
  const std::string session = PageSession(context, passed);
  if (!session.empty() && session != passed)
    res.set_header("Set-Cookie", CookieHeader(kSessionCookie, session, SecureCookies(context),
                                              kSessionLifetimeSeconds));
  return session;
}

std::vector<std::string> Values(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> values;
  const size_t count = req.get_param_value_count(name);
  for (size_t i = 0; i < count; ++i) values.push_back(req.get_param_value(name, i));
  return values;
}

using PageHandler = std::function<portal::Page(const portal::Portal&, const portal::PageRequest&,
                                               const httplib::Request&)>;

httplib::Server::Handler Page(const HandlerContext& context, PageHandler handler) {
  return [context, handler](const httplib::Request& req, httplib::Response& res) {
    const portal::PageRequest request = PageRequestOf(context, req, res);
    ReplyPage(req, res, handler(*context.services.portal, request, req));
  };
}

// GET /search, recorded like the API's searches (with the visitor's session).
void GetSearchPage(const HandlerContext& context, const httplib::Request& req,
                   httplib::Response& res) {
  portal::PageRequest request = PageRequestOf(context, req, res);
  request.session = KeepSession(context, req, res);
  portal::SearchPageQuery query;
  query.q = req.get_param_value("q");
  query.categories = Values(req, "category");
  query.tags = Values(req, "tag");
  query.page = req.get_param_value("page");
  query.searched = [&](const SearchRequest& search, const SearchResponse& response) {
    SubmitSearch(context, request.session, /*time=*/0, request.agent, search, response);
  };
  ReplyPage(req, res, context.services.portal->Search(request, query));
}

// An article, or a file beside the articles (an image it shows).
portal::Page Article(const portal::Portal& p, const portal::PageRequest& r,
                     const httplib::Request& req) {
  const std::string path = req.matches[1].str();
  if (portal::Portal::LooksLikeFile(path)) {
    portal::Page file = p.ArticleFile(r, path);
    if (file.status.ok()) return file;
  }
  return p.Article(r, path);
}

// POST /kb/{id}/feedback: the "Was this helpful?" form without JavaScript.
// With JavaScript the page posts the vote to the events API instead.
void PostFeedback(const HandlerContext& context, const httplib::Request& req,
                  httplib::Response& res) {
  const portal::PageRequest request = PageRequestOf(context, req, res);
  const portal::Portal& portal = *context.services.portal;
  const std::string helpful = req.get_param_value("helpful");
  const std::string text = req.get_param_value("text");
  Status status;
  if (!CsrfMatches(req))
    status = Status::InvalidArgument("the form has expired: reload the page and send it again");
  else if (helpful != "yes" && helpful != "no")
    status = Status::InvalidArgument("helpful must be yes or no");
  else if (text.size() > kMaxFeedbackTextBytes || !IsValidUtf8(text))
    status = Status::InvalidArgument("the comment must be text of at most 2000 bytes");
  if (status.ok()) {
    Event vote;  // one per session and article: the store keeps the last
    vote.type = EventType::kVote;
    vote.session = KeepSession(context, req, res);
    vote.article = req.matches[1].str();
    vote.helpful = helpful == "yes";
    vote.text = text;
    if (!vote.session.empty()) status = SubmitPageEvent(context, request.agent, std::move(vote));
  }
  if (!status.ok()) return ReplyPage(req, res, portal.BadRequest(request, status));
  ReplyPage(req, res, portal.FeedbackThanks(request, req.matches[1].str()));
}

// GET /contact: the "Contact support" link without JavaScript; records the
// contact (with the visitor's session) and sends the browser to the ticket URL.
void GetContact(const HandlerContext& context, const httplib::Request& req,
                httplib::Response& res) {
  const std::string& ticket_url = context.services.portal->Site().ticket_url;
  if (ticket_url.empty()) {
    ReplyNotFoundPage(context, req, res);
    return;
  }
  Event contact;
  contact.type = EventType::kContact;
  contact.session = KeepSession(context, req, res);
  contact.channel = "portal";
  if (!contact.session.empty())
    (void)SubmitPageEvent(context, /*agent=*/false, std::move(contact));  // no article: cannot fail
  ReplySeeOther(res, ticket_url);
}

void PostSignIn(const HandlerContext& context, const httplib::Request& req,
                httplib::Response& res) {
  const portal::PageRequest request = PageRequestOf(context, req, res);
  const portal::Portal& portal = *context.services.portal;
  if (!CsrfMatches(req))
    return ReplyPage(req, res,
                     portal.BadRequest(request, Status::InvalidArgument(
                                                    "the form has expired: reload the page")));
  const std::string token = req.get_param_value("token");
  const AgentTokens* tokens = context.services.agent_tokens;
  if (!tokens || token.empty() || !tokens->Verify(token))
    return ReplyPage(req, res, portal.SignIn(request, /*failed=*/true));
  constexpr long kSessionSeconds = 8 * 3600;
  res.set_header("Set-Cookie",
                 CookieHeader(kAgentCookie, token, SecureCookies(context), kSessionSeconds));
  ReplySeeOther(res, context.public_url + "/?lang=" + request.lang);
}

void PostSignOut(const HandlerContext& context, const httplib::Request& req,
                 httplib::Response& res) {
  const portal::PageRequest request = PageRequestOf(context, req, res);
  if (!CsrfMatches(req))
    return ReplyPage(
        req, res,
        context.services.portal->BadRequest(
            request, Status::InvalidArgument("the form has expired: reload the page")));
  res.set_header("Set-Cookie", CookieHeader(kAgentCookie, "", SecureCookies(context), 0));
  ReplySeeOther(res, context.public_url + "/");
}

// GET /agent/insights/REPORT.csv: a report of the insights page as CSV, as
// GET /api/v1/stats/REPORT?format=csv answers it, for a signed-in agent's
// browser (the cookie; the API wants a Bearer header). Customers get the 404 page.
void GetInsightsCsv(const HandlerContext& context, const httplib::Request& req,
                    httplib::Response& res) {
  const auto kind = ParseReportKind(req.matches[1].str());
  if (!IsSignedInAgent(req, context.services.agent_tokens) || !kind.ok() ||
      !context.services.events) {
    ReplyNotFoundPage(context, req, res);
    return;
  }
  ReportRequest request;
  request.kind = *kind;
  request.limit = kMaxReportLimit;
  if (*kind == ReportKind::kQueryClicks) request.query = req.get_param_value("q");
  auto table = context.services.events->Report(request);
  if (!table.ok()) {
    const portal::PageRequest page = PageRequestOf(context, req, res);
    return ReplyPage(req, res, context.services.portal->BadRequest(page, table.status()));
  }
  res.set_header("Content-Disposition", "attachment; filename=\"" + table->name + ".csv\"");
  SetSecurityHeaders(res);
  res.set_header("Cache-Control", "no-store");
  res.set_content(ReportCsv(*table), "text/csv; charset=utf-8");
}

void GetAsset(const HandlerContext& context, const httplib::Request& req, httplib::Response& res) {
  const portal::Asset* asset = context.services.portal->FindAsset(req.matches[1].str());
  if (!asset) {
    ReplyNotFoundPage(context, req, res);
    return;
  }
  ReplyAsset(req, res, *asset);
}

}  // namespace

void RegisterPageRoutes(httplib::Server& server, const HandlerContext& context) {
  if (!context.services.portal) return;
  server.Get("/", Page(context, [](const portal::Portal& p, const portal::PageRequest& r,
                                   const httplib::Request&) { return p.Home(r); }));
  server.Get("/search", [context](const httplib::Request& req, httplib::Response& res) {
    GetSearchPage(context, req, res);
  });
  server.Get("/contact", [context](const httplib::Request& req, httplib::Response& res) {
    GetContact(context, req, res);
  });
  server.Get("/kb/(.+)", Page(context, Article));
  server.Post("/kb/(.+)/feedback", [context](const httplib::Request& req, httplib::Response& res) {
    PostFeedback(context, req, res);
  });
  server.Get("/agent/sign-in",
             Page(context, [](const portal::Portal& p, const portal::PageRequest& r,
                              const httplib::Request&) { return p.SignIn(r, /*failed=*/false); }));
  server.Post("/agent/sign-in", [context](const httplib::Request& req, httplib::Response& res) {
    PostSignIn(context, req, res);
  });
  server.Get("/agent/insights",
             Page(context, [](const portal::Portal& p, const portal::PageRequest& r,
                              const httplib::Request&) { return p.Insights(r); }));
  server.Get("/agent/insights/([a-z-]+)\\.csv",
             [context](const httplib::Request& req, httplib::Response& res) {
               GetInsightsCsv(context, req, res);
             });
  server.Post("/agent/sign-out", [context](const httplib::Request& req, httplib::Response& res) {
    PostSignOut(context, req, res);
  });
  server.Get("/sitemap.xml", [context](const httplib::Request& req, httplib::Response& res) {
    ReplyPage(req, res, context.services.portal->Sitemap());
  });
  server.Get("/robots.txt", [context](const httplib::Request& req, httplib::Response& res) {
    ReplyPage(req, res, context.services.portal->Robots());
  });
  server.Get("/opensearch.xml",
             Page(context, [](const portal::Portal& p, const portal::PageRequest& r,
                              const httplib::Request&) { return p.OpenSearch(r); }));
  server.Get("/assets/([a-z.]+)", [context](const httplib::Request& req, httplib::Response& res) {
    GetAsset(context, req, res);
  });
}

bool ReplyNotFoundPage(const HandlerContext& context, const httplib::Request& req,
                       httplib::Response& res) {
  if (!context.services.portal || req.path.rfind("/api/", 0) == 0 || req.path == "/healthz")
    return false;
  const portal::PageRequest request = PageRequestOf(context, req, res);
  ReplyPage(req, res, context.services.portal->NotFound(request));
  return true;
}

}  // namespace kb::http
