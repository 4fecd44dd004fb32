#include "router.h"

#include <algorithm>
#include <map>

#include "handler_util.h"
#include "page_routes.h"

namespace kb::http {
namespace {

constexpr int kMethodNotAllowed = 405;  // HTTP's own answer, not a kb::Status

void Dispatch(const Route& route, const HandlerContext& context, const httplib::Request& req,
              httplib::Response& res) {
  bool agent = false;
  if (route.access != Access::kPublic) {
    auto is_agent = IsAgent(req, context.services.agent_tokens);
    if (!is_agent.ok()) return ReplyError(res, is_agent.status());
    agent = *is_agent;
  }
  const std::string id = route.path.find('{') != std::string::npos ? req.matches[1].str() : "";
  const ParamValues none;
  if (route.answer_first && req.params.empty() &&
      route.answer_first(Call{req, agent, none, id}, res))
    return;
  if (route.access == Access::kAgents && !agent) return ReplyError(res, AgentsOnly());
  ParamContext params;
  params.agent = agent;
  params.git_mode = context.git_mode();
  params.unknown = route.unknown;
  auto values = ParseParams(route.params, ParamPairs(req.params.begin(), req.params.end()), params);
  if (!values.ok()) return ReplyError(res, values.status());
  route.handler(Call{req, agent, *values, id}, res);
}

httplib::Server::Handler NotAllowed(const std::vector<std::string>& methods) {
  const std::string allow = AllowHeader(methods);
  const std::string use = methods.empty() ? "GET" : methods.front();
  return [allow, use](const httplib::Request& req, httplib::Response& res) {
    ReplyError(res, Status::InvalidArgument("method " + req.method + " not allowed on " + req.path +
                                            ": use " + use));
    res.status = kMethodNotAllowed;
    res.set_header("Allow", allow);
  };
}

void Register(httplib::Server& server, const std::string& method, const std::string& pattern,
              httplib::Server::Handler handler) {
  if (method == "GET") server.Get(pattern, std::move(handler));
  if (method == "POST") server.Post(pattern, std::move(handler));
  if (method == "PUT") server.Put(pattern, std::move(handler));
  if (method == "PATCH") server.Patch(pattern, std::move(handler));
  if (method == "DELETE") server.Delete(pattern, std::move(handler));
}

Status StatusOfRefusal(int code) {
  if (code == 404) return Status::NotFound("no such endpoint");
  if (code == 413) return Status::TooLarge("request too large");
  if (code == 414)
    return Status::TooLarge("request target too long (at most " +
                            std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH) + " bytes)");
  if (code == 416)
    return Status::InvalidArgument("malformed Range header (kb ignores byte ranges)");
  if (code == 400) return Status::InvalidArgument("malformed request");
  if (code < 500)
    return Status::InvalidArgument("request refused (HTTP " + std::to_string(code) + ")");
  return Status::Internal("HTTP " + std::to_string(code));
}

void HandleRefusalsAndErrors(httplib::Server& server, const HandlerContext& context) {
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    IgnoreRangeHeader(req);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Unknown paths and methods, and what httplib refuses before routing.
  server.set_error_handler([context](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int code = res.status;
    if (code == 404 && ReplyNotFoundPage(context, req, res)) return;
    ReplyError(res, StatusOfRefusal(code));
    res.status = code;
  });
  server.set_exception_handler(
      [context](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        context.log().Error(req.method + " " + req.path + ": " + what);
        ReplyError(res, Status::Internal("internal error"));
      });
}

}  // namespace

void IgnoreRangeHeader(const httplib::Request& req) {
  // RFC 9110 §14.2 allows it: kb's answers are small JSON documents, and
  // httplib would otherwise cut them to the range, even errors, under a 200
  // status. httplib passes the request as const but owns it as a mutable
  // object, so clearing its parsed ranges is sound.
  const_cast<httplib::Request&>(req).ranges.clear();
}

std::string AllowHeader(const std::vector<std::string>& methods) {
  std::string allow;
  for (const std::string& method : methods) {
    allow += (allow.empty() ? "" : ", ") + method;
    if (method == "GET") allow += ", HEAD";
  }
  return allow;
}

void RegisterRoutes(httplib::Server& server, const std::vector<Route>& table,
                    const HandlerContext& context) {
  const std::vector<const Route*> served = ServedRoutes(table, context.git_mode());
  std::vector<std::string> paths;  // in registration order
  std::map<std::string, std::vector<std::string>> methods;
  for (const Route* route : served) {
    if (!methods.count(route->path)) paths.push_back(route->path);
    methods[route->path].push_back(route->method);
    Register(server, route->method, PathPattern(route->path),
             [route = *route, context](const httplib::Request& req, httplib::Response& res) {
               Dispatch(route, context, req, res);
             });
  }
  for (const std::string& path : paths) {
    const std::vector<std::string>& own = methods[path];
    for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      if (std::find(own.begin(), own.end(), method) == own.end())
        Register(server, method, PathPattern(path), NotAllowed(own));
    }
  }
  HandleRefusalsAndErrors(server, context);
}

}  // namespace kb::http
