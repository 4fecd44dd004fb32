// End-to-end: indexing, re-indexing under a running server, restarts,
// shutdown, tokens and the command line.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Contains;
using kb_e2e::Env;
using kb_e2e::Eventually;
using kb_e2e::HitIds;
using kb_e2e::RunKb;
using kb_e2e::RunResult;
using nlohmann::json;

namespace {

const char kNewArticle[] =
    "---\ntitle: Gift cards\nlang: en\ncategory: billing\n---\n"
    "A wobblequartz gift card never expires.\n";

// The responses of a few searches, without the timing and the (new, random)
// insights session.
std::vector<json> SomeResults(const Env& env) {
  const kb_e2e::Params queries[] = {{{"q", "password"}},
                                    {{"q", "reset password"}, {"lang", "en"}},
                                    {{"q", "סיסמה"}},
                                    {{"q", "κωδικό"}},
                                    {{"q", "رمز عبور"}},
                                    {{"q", "refund"}, {"limit", "2"}, {"offset", "1"}},
                                    {{"q", "app"}, {"tag", "security"}}};
  std::vector<json> results;
  for (const auto& params : queries) {
    json r = env.Search(params);
    r.erase("took_ms");
    r.erase("session");
    results.push_back(r);
    json agent = env.Search(params, env.token());
    agent.erase("took_ms");
    agent.erase("session");
    results.push_back(agent);
  }
  return results;
}

}  // namespace

TEST_SUITE_BEGIN("lifecycle");

TEST_CASE("kb index on a bad article exits non-zero with path:line: message lines") {
  kb_e2e::TempDir tmp;
  const RunResult r = RunKb({"index", kb_e2e::TestDataDir() + "/e2e-bad", "--db", tmp.Sub("db")});
  INFO(r.Describe());
  CHECK(r.exit_code != 0);
  CHECK_FALSE(r.timed_out);
  const std::regex no_front_matter(R"((^|\n)[^\n]*en/account/no-front-matter\.md:1: [^\n]+)");
  const std::regex bad_audience(R"((^|\n)[^\n]*en/account/bad-audience\.md:5: [^\n]+)");
  CHECK(std::regex_search(r.err, no_front_matter));
  CHECK(std::regex_search(r.err, bad_audience));
  CHECK(r.err.find("en/account/misspelled-audience.md:5: unknown key 'audiance' (did you mean "
                   "'audience'?)") != std::string::npos);
  CHECK(r.err.find("good-new.md:") == std::string::npos);
}

TEST_CASE("kb index of an empty folder over a live index is refused unless --allow-mass-delete") {
  Env env;
  env.StartServer();
  const json before = env.Search({{"q", "reset password"}, {"lang", "en"}});
  REQUIRE_FALSE(HitIds(before).empty());
  const std::string empty = env.tmp().Sub("empty");
  std::filesystem::create_directories(empty);
  const RunResult refused = env.Index(empty);
  INFO(refused.Describe());
  CHECK(refused.exit_code == 1);
  CHECK(std::regex_search(refused.err,
                          std::regex(R"(it would delete (\d+) of the \1 published articles)")));
  CHECK(refused.err.find("--allow-mass-delete") != std::string::npos);
  CHECK(refused.err.find("deleted") == std::string::npos);  // no "published: ... deleted" summary
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // time for a reload, if any
  CHECK(HitIds(env.Search({{"q", "reset password"}, {"lang", "en"}})) == HitIds(before));

  const RunResult allowed = RunKb({"index", empty, "--db", env.db(), "--allow-mass-delete"});
  INFO(allowed.Describe());
  CHECK(allowed.exit_code == 0);
  CHECK(Eventually([&] {
    return env.Search({{"q", "reset password"}, {"lang", "en"}})["total"] == 0;
  }));
}

TEST_CASE("a second kb serve on a port in use fails instead of sharing it; --share-port shares") {
  Env env;
  env.StartServer();
  const std::string port = std::to_string(env.server().port());
  const RunResult second =
      RunKb({"serve", "--db", env.db(), "--port", port}, std::chrono::seconds(20));
  INFO(second.Describe());
  CHECK_FALSE(second.timed_out);
  CHECK(second.exit_code == 3);
  CHECK(second.err.find("port " + port + " is already in use") != std::string::npos);
  CHECK(env.Get("/healthz").status == 200);  // the first one still serves

  // Sharing is for an operator who asks for it, on every server of the port.
  env.StopServer();
  env.StartServer({"--share-port"});
  const std::string shared = std::to_string(env.server().port());
  const RunResult joined =
      RunKb({"serve", "--db", env.db(), "--port", shared, "--share-port"}, std::chrono::seconds(3));
  CHECK(joined.timed_out);  // it kept serving until the harness stopped it
  CHECK(joined.err.find("serving") != std::string::npos);
  const RunResult refused =
      RunKb({"serve", "--db", env.db(), "--port", shared}, std::chrono::seconds(20));
  CHECK(refused.exit_code == 3);
}

TEST_CASE("a failed kb index leaves the served index untouched") {
  Env env;
  env.StartServer();
  const json before = env.Search({{"q", "reset password"}, {"lang", "en"}});
  const RunResult bad = env.Index(kb_e2e::TestDataDir() + "/e2e-bad");
  INFO(bad.Describe());
  REQUIRE(bad.exit_code != 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // time for a reload, if any
  json after = env.Search({{"q", "reset password"}, {"lang", "en"}});
  CHECK(HitIds(after) == HitIds(before));
  CHECK(after["total"] == before["total"]);
  CHECK(env.Search({{"q", "flumtrax"}}, env.token())["total"] == 0);
  // The article whose `audience` key is misspelled is published to nobody.
  CHECK(env.Search({{"q", "zorblatt"}})["total"] == 0);
  CHECK(env.Search({{"q", "zorblatt"}}, env.token())["total"] == 0);
  CHECK(env.Get("/api/v1/articles/en/account/reset-password").status == 200);
  // And after a restart, too: nothing half-built was left on disk.
  env.StopServer();
  env.StartServer();
  CHECK(HitIds(env.Search({{"q", "reset password"}, {"lang", "en"}})) == HitIds(before));
  CHECK(env.Search({{"q", "flumtrax"}}, env.token())["total"] == 0);
  // The article whose `audience` key is misspelled is published to nobody.
  CHECK(env.Search({{"q", "zorblatt"}})["total"] == 0);
  CHECK(env.Search({{"q", "zorblatt"}}, env.token())["total"] == 0);
}

TEST_CASE("re-indexing an added article makes it findable without a restart") {
  Env env;
  env.StartServer();
  CHECK(env.Search({{"q", "wobblequartz"}})["total"] == 0);
  kb_e2e::WriteTextFile(env.articles() + "/en/billing/gift-cards.md", kNewArticle);
  const RunResult r = env.Index();
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  CHECK(Eventually([&] {
    return HitIds(env.Search({{"q", "wobblequartz"}})) ==
           std::vector<std::string>{"en/billing/gift-cards"};
  }));
  CHECK(env.Get("/api/v1/articles/en/billing/gift-cards").status == 200);
}

TEST_CASE("re-indexing a changed article updates it without a restart") {
  Env env;
  env.StartServer();
  const std::string path = env.articles() + "/en/account/reset-password.md";
  std::string text = kb_e2e::ReadTextFile(path);
  text += "\nIf nothing helps, try the snorkelmint trick.\n";
  kb_e2e::WriteTextFile(path, text);
  const RunResult r = env.Index();
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  CHECK(Eventually([&] {
    return HitIds(env.Search({{"q", "snorkelmint"}})) ==
           std::vector<std::string>{"en/account/reset-password"};
  }));
  CHECK(env.Get("/api/v1/articles/en/account/reset-password")
            .json.value("html", std::string())
            .find("snorkelmint") != std::string::npos);
}

TEST_CASE("re-indexing after deleting an article removes it without a restart") {
  Env env;
  env.StartServer();
  REQUIRE(env.Get("/api/v1/articles/en/billing/invoices").status == 200);
  REQUIRE(std::filesystem::remove(env.articles() + "/en/billing/invoices.md"));
  const RunResult r = env.Index();
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  CHECK(Eventually([&] { return env.Get("/api/v1/articles/en/billing/invoices").status == 404; }));
  CHECK_FALSE(Contains(HitIds(env.Search({{"q", "invoice"}}, env.token())), "en/billing/invoices"));
}

TEST_CASE("re-running kb index on unchanged articles changes no result") {
  Env env;
  env.StartServer();
  const auto before = SomeResults(env);
  const RunResult r = env.Index();
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(SomeResults(env) == before);
}

TEST_CASE("a restarted server on the same db gives the same results") {
  Env env;
  env.StartServer();
  const auto before = SomeResults(env);
  env.StopServer();
  env.StartServer();
  const auto after = SomeResults(env);
  REQUIRE(after.size() == before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CAPTURE(i);
    CHECK(after[i].dump() == before[i].dump());
  }
}

TEST_CASE("kb serve exits 0 on SIGTERM and on SIGINT") {
  Env env;
  for (int sig : {SIGTERM, SIGINT}) {
    CAPTURE(sig);
    env.StartServer();
    REQUIRE(env.Get("/healthz").status == 200);
    const int code = env.server().Stop(sig);
    INFO(env.server().Stderr());
    CHECK(code == 0);
  }
}

TEST_CASE("kb serve keeps its agent tokens and says so when the token file turns bad") {
  Env env;
  env.StartServer();
  REQUIRE(env.AsAgent(kb_e2e::SearchPath({{"q", "password"}})).status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past the reload check interval
  kb_e2e::WriteTextFile(env.tokens_file(), "not a token line\n");
  CHECK(Eventually([&] {
    // Each agent request may look at the file; the previous tokens stay valid.
    const bool agent = env.AsAgent(kb_e2e::SearchPath({{"q", "password"}})).status == 200;
    return agent && env.server().Stderr().find("agent tokens not reloaded") != std::string::npos;
  }));
  CHECK(env.server().Stderr().find("kb: warning: agent tokens not reloaded") != std::string::npos);
}

TEST_CASE("kb token new prints a token once and stores only its hash, mode 0600") {
  kb_e2e::TempDir tmp;
  const std::string file = tmp.Sub("tokens");
  const RunResult r = RunKb({"token", "new", "alice", "--file", file});
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  const std::regex token_re(R"(kbt_[0-9a-f]{64})");
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, token_re));
  const std::string token = m.str();
  const std::string content = kb_e2e::ReadTextFile(file);
  CHECK(std::regex_match(content, std::regex(R"(alice:[0-9a-f]{64}\n)")));
  CHECK(content.find(token.substr(4)) == std::string::npos);
  struct stat st;
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("kb token new rejects a duplicate or invalid name") {
  kb_e2e::TempDir tmp;
  const std::string file = tmp.Sub("tokens");
  REQUIRE(RunKb({"token", "new", "alice", "--file", file}).exit_code == 0);
  const std::string before = kb_e2e::ReadTextFile(file);
  for (const char* name : {"alice", "bad name", "a:b", "a/b"}) {
    CAPTURE(name);
    const RunResult r = RunKb({"token", "new", name, "--file", file});
    INFO(r.Describe());
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.err.empty());
    CHECK(r.out.find("kbt_") == std::string::npos);
  }
  CHECK(kb_e2e::ReadTextFile(file) == before);
}

TEST_CASE("a token created while the server runs is accepted without a restart") {
  Env env;
  env.StartServer();
  const RunResult r = RunKb({"token", "new", "late-agent", "--file", env.tokens_file()});
  INFO(r.Describe());
  REQUIRE(r.exit_code == 0);
  std::smatch m;
  const std::string out = r.out;
  REQUIRE(std::regex_search(out, m, std::regex(R"(kbt_[0-9a-f]{64})")));
  const std::string late = m.str();
  CHECK(Eventually([&] {
    const auto reply = env.Get(kb_e2e::SearchPath({{"q", "zorblax"}}), late);
    return reply.status == 200 && reply.json["total"] == 1;
  }));
  CHECK(env.Search({{"q", "zorblax"}}, env.token())["total"] == 1);  // the first token still works
}

TEST_CASE("--help of kb and of every command exits 0 and names every flag") {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> mentions;
  };
  const Case cases[] = {
      {{"--help"}, {"index", "serve", "token"}},
      {{"index", "--help"}, {"--db"}},
      {{"serve", "--help"}, {"--db", "--bind", "--port", "--agent-tokens"}},
      {{"token", "new", "--help"}, {"--file"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args[0]);
    CAPTURE(c.args.size());
    const RunResult r = RunKb(c.args);
    INFO(r.Describe());
    CHECK(r.exit_code == 0);
    for (const auto& word : c.mentions) {
      CAPTURE(word);
      CHECK(r.out.find(word) != std::string::npos);
    }
  }
}

TEST_CASE("an unknown command, flag or missing argument exits non-zero with a message") {
  const std::vector<std::vector<std::string>> cases = {
      {"frobnicate"},
      {"index", "--no-such-flag"},
      {"serve", "--no-such-flag", "x"},
      {"token", "new", "alice", "--file", "/tmp/x", "--bogus"},
      {"index"},  // no articles dir
      {"serve", "--port", "abc", "--db", "/tmp/none"},
      {},  // no command at all
  };
  for (const auto& args : cases) {
    CAPTURE(args.size());
    CAPTURE(args.empty() ? std::string() : args[0]);
    const RunResult r = RunKb(args, std::chrono::seconds(10));
    INFO(r.Describe());
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.timed_out);
    CHECK_FALSE((r.err + r.out).empty());
  }
}

TEST_SUITE_END();
