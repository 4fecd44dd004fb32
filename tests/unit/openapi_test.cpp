// The OpenAPI document is generated from the route table: every route of the
// table is in it and nothing else, with its parameters and statuses; every
// $ref resolves; and the router tries the routes in an order where each
// path reaches its own route. (Real answers are checked against the
// document's schemas by tests/e2e/e2e_openapi_test.cpp; redocly lints it.)
#include "http/openapi.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "http/route_table.h"
#include "kb/http/server.h"

namespace {

using Json = nlohmann::json;

Json Document() {
  Json doc = Json::parse(kb::http::OpenApiJson(), nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

std::vector<kb::http::Route> Table() { return kb::http::RouteTable(kb::http::HandlerContext{}); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void CollectRefs(const Json& json, std::vector<std::string>* refs) {
  if (json.is_object()) {
    auto ref = json.find("$ref");
    if (ref != json.end()) refs->push_back(*ref);
  }
  if (json.is_structured()) {
    for (const Json& child : json) CollectRefs(child, refs);
  }
}

}  // namespace

TEST_CASE("the OpenAPI document is valid JSON and OpenAPI 3.0.x") {
  const Json doc = Document();
  REQUIRE(doc["openapi"].is_string());
  CHECK(doc["openapi"].get<std::string>().rfind("3.0.", 0) == 0);
  CHECK(doc["info"]["title"].is_string());
  CHECK(doc["info"]["version"].is_string());
  CHECK(doc["components"]["securitySchemes"]["agentToken"]["scheme"] == "bearer");
  CHECK(doc["components"]["schemas"]["Error"]["properties"]["error"]["required"] ==
        Json({"code", "message"}));
}

TEST_CASE("every route of the table is in the document, and nothing else") {
  std::set<std::string> routes, documented;
  for (const kb::http::Route& route : Table())
    routes.insert(Lower(route.method) + " " + route.path);
  const Json doc = Document();
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) documented.insert(method + " " + path);
  }
  CHECK(routes == documented);
  for (const char* known :
       {"get /api/v1/search", "get /api/v1/articles/{id}", "get /healthz",
        "get /api/v1/openapi.json", "get /api/v2/help_center/articles/search",
        "get /api/v2/help_center/articles/search.json", "post /api/v1/hooks/git",
        "get /api/v1/articles/{id}/history", "get /api/v1/publish/status"}) {
    CAPTURE(std::string(known));
    CHECK(routes.count(known) == 1);
  }
}

TEST_CASE("each operation declares its parameters and every status it answers") {
  const Json doc = Document();
  std::set<std::string> ids;
  for (const kb::http::Route& route : Table()) {
    CAPTURE(route.path);
    const Json& op = doc["paths"][route.path][Lower(route.method)];
    REQUIRE(op["operationId"].is_string());
    CHECK(ids.insert(op["operationId"].get<std::string>()).second);
    CHECK(op["summary"].is_string());
    std::set<std::string> names;
    for (const Json& p : op.value("parameters", Json::array()))
      if (p.contains("name") && p["in"] == "query") names.insert(p["name"]);
    for (const kb::http::ParamSpec& spec : route.params) CHECK(names.count(spec.name) == 1);
    const Json& responses = op["responses"];
    for (const char* status : {"400", "405", "414", "416", "500"})
      CHECK(responses.contains(status));
    CHECK(responses.contains("401") ==
          (route.access != kb::http::Access::kPublic || route.has_body));
    if (route.path.find("{id}") != std::string::npos) CHECK(responses.contains("404"));
    for (const kb::http::Reply& reply : route.replies)
      CHECK(responses.contains(std::to_string(reply.status)));
  }
  const Json& search = doc["paths"]["/api/v1/search"]["get"];
  CHECK(search["responses"].contains("413"));
  CHECK(search["security"] == Json::parse(R"([{}, {"agentToken": []}])"));
  CHECK(doc["paths"]["/api/v1/publish/status"]["get"]["security"] ==
        Json::parse(R"([{"agentToken": []}])"));
}

TEST_CASE("the Article schema lists the fields of folder and git mode") {
  const Json doc = Document();
  const Json& article = doc["components"]["schemas"]["Article"]["properties"];
  for (const char* field : {"id", "title", "lang", "category", "tags", "audience", "faq", "url",
                            "translation_of", "translations", "updated", "html", "author",
                            "outdated", "preview", "ref", "commit", "draft"}) {
    CAPTURE(std::string(field));
    CHECK(article.contains(field));
  }
}

TEST_CASE("every $ref in the OpenAPI document points at a component that exists") {
  const Json doc = Document();
  std::vector<std::string> refs;
  CollectRefs(doc, &refs);
  CHECK(refs.size() > 10);
  const std::regex ref(R"(#/components/(\w+)/(\w+))");
  for (const std::string& r : refs) {
    CAPTURE(r);
    std::smatch m;
    REQUIRE(std::regex_match(r, m, ref));
    CHECK(doc["components"][m[1].str()].contains(m[2].str()));
  }
}

TEST_CASE("the router tries routes so that every path reaches its own route") {
  const std::vector<kb::http::Route> table = Table();
  for (bool git_mode : {false, true}) {
    const auto served = kb::http::ServedRoutes(table, git_mode);
    for (const kb::http::Route* route : served) {
      std::string sample = route->path;
      const size_t brace = sample.find("{id}");
      if (brace != std::string::npos) sample.replace(brace, 4, "en/account/reset");
      CAPTURE(sample);
      for (const kb::http::Route* first : served) {
        if (first->method != route->method) continue;
        if (!std::regex_match(sample, std::regex(kb::http::PathPattern(first->path)))) continue;
        CHECK(first == route);
        break;
      }
    }
  }
}

TEST_CASE("git routes exist only in git mode") {
  const std::vector<kb::http::Route> table = Table();
  auto paths = [&](bool git_mode) {
    std::set<std::string> out;
    for (const kb::http::Route* r : kb::http::ServedRoutes(table, git_mode)) out.insert(r->path);
    return out;
  };
  CHECK(paths(false).count("/api/v1/hooks/git") == 0);
  CHECK(paths(false).count("/api/v1/articles/{id}/history") == 0);
  CHECK(paths(true).count("/api/v1/hooks/git") == 1);
  CHECK(paths(true).size() == table.size());
}
