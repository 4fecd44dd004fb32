// Real answers of a running `kb serve` against the OpenAPI document it serves:
// every field of every answer is declared in the schema of its status, with
// its type, and every required field is there. Git mode's answers are checked
// in e2e_git_test.cpp.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "e2e_env.h"
#include "openapi_schema.h"

namespace {

using kb_e2e::Env;
using kb_e2e::HttpReply;
using Json = nlohmann::json;

struct Case {
  std::string target;  // what is requested
  std::string path;    // its document path
  bool agent = false;  // with the agent's token
  int status = 200;    // the expected answer
};

void CheckConforms(const Json& doc, const Case& c, const HttpReply& reply) {
  const std::string described = c.target.substr(0, 200) + " -> " + reply.Describe().substr(0, 400);
  INFO(described);
  REQUIRE(reply.status == c.status);
  const Json schema = kb_e2e::ResponseSchema(doc, c.path, "get", c.status);
  REQUIRE_FALSE(schema.is_null());
  for (const std::string& problem : kb_e2e::SchemaProblems(doc, schema, reply.json)) {
    INFO(problem);
    CHECK(problem.empty());
  }
}

}  // namespace

TEST_SUITE_BEGIN("openapi");

TEST_CASE("real answers validate field by field against the served OpenAPI document") {
  Env env;
  env.StartServer();
  const Json doc = env.GetJson("/api/v1/openapi.json");
  const std::string article = "/api/v1/articles/{id}";
  const std::string zendesk = "/api/v2/help_center/articles/search";
  const Case cases[] = {
      {"/api/v1/search?q=password", "/api/v1/search"},
      {"/api/v1/search?q=pasword&lang=en-US", "/api/v1/search", true},
      {"/api/v1/search?q=123", "/api/v1/search"},
      {"/api/v1/suggest?q=pass", "/api/v1/suggest"},
      {"/api/v1/faq", "/api/v1/faq"},
      {"/api/v1/faq?lang=EN", "/api/v1/faq", true},
      {"/api/v1/articles/en/account/reset-password", article},
      {"/api/v1/articles/en/support-ops/escalation-runbook", article, true},
      {"/api/v1/articles/en/account/reset-password/related", article + "/related"},
      {"/healthz", "/healthz"},
      {"/api/v1/stats/overview", "/api/v1/stats/overview", true},
      {"/api/v1/stats/articles?lang=en&limit=5", "/api/v1/stats/articles", true},
      {"/api/v1/stats/clicks?q=password", "/api/v1/stats/clicks", true},
      {"/api/v1/stats/top-queries", "/api/v1/stats/top-queries", false, 401},
      {zendesk + "?query=password&locale=en-US&per_page=2", zendesk},
      {zendesk + ".json?query=refund", zendesk + ".json", true},
      // Errors: every status a request can get is declared, with the error schema.
      {"/api/v1/search", "/api/v1/search", false, 400},
      {"/api/v1/search?q=x&colour=red", "/api/v1/search", false, 400},
      {"/api/v1/search?q=" + std::string(1100, 'a'), "/api/v1/search", false, 413},
      {"/api/v1/articles/en/no-such-article", article, false, 404},
      {"/api/v1/articles/en/support-ops/escalation-runbook", article, false, 404},
      {zendesk + "?query=x&per_page=101", zendesk, false, 400},
      {"/api/v1/search?q=" + std::string(9000, 'a'), "/api/v1/search", false, 414},
  };
  for (const Case& c : cases)
    CheckConforms(doc, c, c.agent ? env.AsAgent(c.target) : env.Get(c.target));
  // 401 (a bad token) and 405 (another method) are declared too.
  const Case bad_token{"/api/v1/search?q=x", "/api/v1/search", false, 401};
  CheckConforms(doc, bad_token, env.Get(bad_token.target, "not-a-token"));
  const Case post{"/api/v1/search?q=x", "/api/v1/search", false, 405};
  CheckConforms(doc, post,
                kb_e2e::ToHttpReply(env.server().Client()->Post(post.target, "", "text/plain")));
}

TEST_CASE("the schema check finds an undeclared, a missing or a mistyped field") {
  Env env;
  env.StartServer();
  const Json doc = env.GetJson("/api/v1/openapi.json");
  const Json schema = kb_e2e::ResponseSchema(doc, "/healthz", "get", 200);
  const Json health = env.GetJson("/healthz");
  CHECK(kb_e2e::SchemaProblems(doc, schema, health).empty());
  Json extra = health, missing = health, mistyped = health;
  extra["uptime"] = 1;
  missing.erase("generation");
  mistyped["sequence"] = "3";
  for (const Json& bad : {extra, missing, mistyped})
    CHECK(kb_e2e::SchemaProblems(doc, schema, bad).size() == 1);
}

TEST_CASE("the OpenAPI document served is the one kb openapi prints") {
  Env env;
  env.StartServer();
  const kb_e2e::RunResult printed = kb_e2e::RunKb({"openapi"});
  REQUIRE(printed.exit_code == 0);
  CHECK(Json::parse(printed.out) == env.GetJson("/api/v1/openapi.json"));
}

TEST_SUITE_END();
