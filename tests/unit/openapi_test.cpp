// The OpenAPI document: valid JSON, OpenAPI 3.0, and a path for every route
// that src/http registers (found by reading the sources, so a route added
// without documenting it fails here).
#include "http/openapi.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

namespace {

nlohmann::json Document() {
  auto text = kb::http::OpenApiJson();
  REQUIRE(text.ok());
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

// "/api/v1/articles/{id}/related" and R"(/api/v1/articles/(.+)/related)" ->
// "/api/v1/articles/{}/related".
std::string Normalize(std::string path) {
  path = std::regex_replace(path, std::regex(R"(\{[^}]*\})"), "{}");
  path = std::regex_replace(path, std::regex(R"(\((?:[^()]|\([^()]*\))*\)[?*+]?)"), "{}");
  return std::regex_replace(path, std::regex(R"(\\(.))"), "$1");
}

// "METHOD {normalized path}" of every server.Get/Post/... and ServeGet(server, ...)
// with a literal path in src/http.
std::set<std::string> RegisteredRoutes() {
  const std::regex route(
      R"re((?:\.(Get|Post|Put|Patch|Delete)\(|Serve(Get)\(server,)\s*(?:R"\((.*?)\)"|"([^"]*)"))re");
  std::set<std::string> routes;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(KB_SOURCE_DIR) + "/src/http")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), route), end; it != end; ++it) {
      std::string method = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
      for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      routes.insert(method + " " + Normalize((*it)[3].matched ? (*it)[3].str() : (*it)[4].str()));
    }
  }
  return routes;
}

}  // namespace

TEST_CASE("the OpenAPI document is valid JSON and OpenAPI 3.0.x") {
  const nlohmann::json doc = Document();
  REQUIRE(doc["openapi"].is_string());
  CHECK(doc["openapi"].get<std::string>().rfind("3.0.", 0) == 0);
  CHECK(doc["info"]["title"].is_string());
  CHECK(doc["info"]["version"].is_string());
  CHECK(doc["paths"].is_object());
  CHECK(doc["components"]["securitySchemes"]["agentToken"]["scheme"] == "bearer");
  CHECK(doc["components"]["schemas"]["Error"]["properties"]["error"]["required"] ==
        nlohmann::json({"code", "message"}));
}

TEST_CASE("every $ref in the OpenAPI document points at a component that exists") {
  const nlohmann::json doc = Document();
  const std::string text = doc.dump();
  const std::regex ref(R"re("\$ref":"#/components/(\w+)/(\w+)")re");
  int refs = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), ref), end; it != end; ++it, ++refs) {
    CAPTURE((*it)[0].str());
    CHECK(doc["components"].contains((*it)[1].str()));
    CHECK(doc["components"][(*it)[1].str()].contains((*it)[2].str()));
  }
  CHECK(refs > 10);
}

TEST_CASE("the OpenAPI document lists every route registered in src/http") {
  const nlohmann::json doc = Document();
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items())
      documented.insert(method + " " + Normalize(path));
  }
  const std::set<std::string> registered = RegisteredRoutes();
  // The routes that existed when this test was written must be found by the scan.
  for (const char* known : {"get /api/v1/search", "get /api/v1/articles/{}", "get /healthz",
                            "get /api/v1/openapi.json", "get /api/v2/help_center/articles/search",
                            "get /api/v2/help_center/articles/search.json"}) {
    CAPTURE(std::string(known));
    CHECK(registered.count(known) == 1);
  }
  for (const std::string& route : registered) {
    CAPTURE(route);
    CHECK(documented.count(route) == 1);
  }
}

TEST_CASE("every documented operation has responses and an operationId") {
  const nlohmann::json doc = Document();
  std::set<std::string> ids;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      CAPTURE(path);
      CHECK(operation["responses"].is_object());
      CHECK(operation["responses"].contains("200"));
      REQUIRE(operation["operationId"].is_string());
      CHECK(ids.insert(operation["operationId"].get<std::string>()).second);
    }
  }
}
