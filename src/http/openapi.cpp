#include "openapi.h"

#include <string>

#include "kb/http/server.h"
#include "route_table.h"

namespace kb::http {
namespace {

using Json = nlohmann::json;

Json Ref(const std::string& kind, const std::string& name) {
  return {{"$ref", "#/components/" + kind + "/" + name}};
}

Json ParamSchema(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::kText:
      return spec.max_bytes > 0 ? Json{{"type", "string"}, {"maxLength", spec.max_bytes}}
                                : Json{{"type", "string"}};
    case ParamType::kInteger: {
      Json schema = {
          {"type", "integer"}, {"minimum", spec.integer.min}, {"default", spec.integer.fallback}};
      if (spec.integer.above_max == AboveMax::kReject) schema["maximum"] = spec.integer.max;
      return schema;
    }
    case ParamType::kLanguage:
      return {{"type", "string"},
              {"default", "auto"},
              {"pattern", "^(auto|\\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*)$"}};
    case ParamType::kGitRef:
      return {{"type", "string"}};
  }
  return {{"type", "string"}};
}

Json Parameters(const Route& route) {
  Json params = Json::array();
  if (route.path.find("{id}") != std::string::npos)
    params.push_back(Ref("parameters", "ArticleId"));
  for (const ParamSpec& spec : route.params) {
    Json param = {{"name", spec.name}, {"in", "query"}};
    if (spec.required) param["required"] = true;
    std::string description = spec.description;
    if (spec.access == ParamAccess::kAgentsOnly && description.find("gents") == std::string::npos)
      description = "Agents only. " + description;
    param["description"] = description;
    param["schema"] = ParamSchema(spec);
    params.push_back(std::move(param));
  }
  return params;
}

bool HasSizeLimit(const Route& route) {
  if (route.has_body) return true;
  for (const ParamSpec& spec : route.params) {
    if (spec.max_bytes > 0) return true;
  }
  return false;
}

Json Responses(const Route& route) {
  Json responses = Json::object();
  for (const Reply& reply : route.replies) {
    const Json schema =
        reply.schema.empty() ? Json{{"type", "object"}} : Ref("schemas", reply.schema);
    Json content = {{"application/json", {{"schema", schema}}}};
    if (route.csv) content["text/csv"] = {{"schema", {{"type", "string"}}}};
    responses[std::to_string(reply.status)] = {{"description", reply.description},
                                               {"content", std::move(content)}};
  }
  responses["400"] = Ref("responses", "BadRequest");
  if (route.access != Access::kPublic || route.has_body)
    responses["401"] = Ref("responses", "Unauthorized");
  if (route.path.find("{id}") != std::string::npos || route.can_be_not_found)
    responses["404"] = Ref("responses", "NotFound");
  responses["405"] = Ref("responses", "MethodNotAllowed");
  if (HasSizeLimit(route)) responses["413"] = Ref("responses", "TooLarge");
  responses["414"] = Ref("responses", "TargetTooLong");
  responses["416"] = Ref("responses", "RangeNotSatisfiable");
  responses["500"] = Ref("responses", "Internal");
  return responses;
}

Json Security(Access access) {
  const Json agent = {{"agentToken", Json::array()}};
  if (access == Access::kPublic) return Json::array({Json::object()});
  if (access == Access::kAgents) return Json::array({agent});
  return Json::array({Json::object(), agent});
}

Json Operation(const Route& route) {
  Json op = {{"operationId", route.operation_id}, {"summary", route.summary}};
  std::string description = route.description;
  if (route.mode == RouteMode::kGitOnly)
    description +=
        std::string(description.empty() ? "" : " ") + "Served only in git mode (kb serve --repo).";
  if (!description.empty()) op["description"] = description;
  op["security"] = Security(route.access);
  const Json params = Parameters(route);
  if (!params.empty()) op["parameters"] = params;
  op["responses"] = Responses(route);
  if (route.extra_doc.is_object()) {
    for (const auto& [key, value] : route.extra_doc.items()) {
      if (key == "parameters") {
        for (const Json& p : value) op["parameters"].push_back(p);
      } else {
        op[key] = value;
      }
    }
  }
  return op;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Json OpenApiDocument(const std::vector<Route>& routes) {
  Json doc = OpenApiHead();
  doc["paths"] = Json::object();
  for (const Route& route : routes)
    doc["paths"][route.path][Lower(route.method)] = Operation(route);
  doc["components"] = OpenApiComponents();
  return doc;
}

std::string OpenApiJson() {
  const std::vector<Route> table = RouteTable(HandlerContext{});
  return OpenApiDocument(table).dump();
}

}  // namespace kb::http
