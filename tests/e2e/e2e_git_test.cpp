// End-to-end: publishing from real git repositories (made with libgit2 in temp
// dirs): kb index/serve --repo, webhooks, publish status, history, preview,
// outdated translations, kb check, and searches while publishing.
#include <doctest/doctest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <atomic>
#include <regex>
#include <thread>

#include "../unit/git_test_repo.h"
#include "e2e_env.h"
#include "openapi_schema.h"

using kb_e2e::Eventually;
using kb_e2e::HttpReply;
using kb_e2e::RunKb;
using kb_e2e::RunResult;
using kb_test::ArticleText;
using nlohmann::json;

namespace {

const std::string kSecret = "webhook-s3cret";

// Hex HMAC-SHA256, computed here independently of kb (as a git host would).
std::string Hmac(const std::string& key, const std::string& body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &size);
  std::string hex;
  for (unsigned i = 0; i < size; ++i) {
    static const char kHex[] = "0123456789abcdef";
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

// A git repo of articles, an agent token, a webhook secret, and `kb serve --repo`.
class GitEnv {
 public:
  GitEnv() : repo_(tmp_.Sub("repo")) {
    repo_.Commit(
        "main",
        {{"en/account/reset.md", ArticleText("Reset your password", "en", "Use the zorblax link.")},
         {"en/billing/refund.md", ArticleText("Refunds", "en", "Refunds take five days.")},
         {"he/account/reset.md",
          ArticleText("איפוס סיסמה", "he", "שלום", "translation_of: en/account/reset")}},
        "first articles", {"Ann Editor", "ann@example.com", 1700000000});
    const RunResult token = RunKb({"token", "new", "agent", "--file", tmp_.Sub("tokens")});
    REQUIRE(token.exit_code == 0);
    token_ = token.out.substr(0, token.out.find_first_of(" \n"));
    kb_e2e::WriteTextFile(tmp_.Sub("secret"), kSecret + "\n");
  }

  void Start(const std::vector<std::string>& extra = {}, const std::string& repo = "") {
    std::vector<std::string> args = {"--repo", repo.empty() ? repo_.path() : repo,
                                     "--webhook-secret-file", tmp_.Sub("secret")};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string error;
    server_ =
        kb_e2e::KbServer::Start({tmp_.Sub("db"), tmp_.Sub("tokens"), tmp_.path(), args}, &error);
    INFO(error);
    REQUIRE(server_ != nullptr);
  }

  HttpReply Get(const std::string& path, bool agent = false) const {
    return GetAs(path, agent ? token_ : "");
  }
  // `bearer` empty: no Authorization header.
  HttpReply GetAs(const std::string& path, const std::string& bearer) const {
    httplib::Headers headers;
    if (!bearer.empty()) headers.emplace("Authorization", "Bearer " + bearer);
    return kb_e2e::ToHttpReply(server_->Client()->Get(path.c_str(), headers));
  }

  HttpReply Hook(const std::string& body, const httplib::Headers& headers) const {
    return kb_e2e::ToHttpReply(
        server_->Client()->Post("/api/v1/hooks/git", headers, body, "application/json"));
  }

  // A push notification signed as GitHub signs it.
  HttpReply GitHubHook(const std::string& secret = kSecret) const {
    const std::string body = R"({"ref":"refs/heads/main","after":")" + repo_.Tip("main") + "\"}";
    return Hook(body, {{"X-Hub-Signature-256", "sha256=" + Hmac(secret, body)},
                       {"X-GitHub-Event", "push"}});
  }

  std::vector<std::string> Hits(const std::string& q) const {
    const HttpReply r = Get(kb_e2e::SearchPath({{"q", q}}));
    REQUIRE(r.status == 200);
    return kb_e2e::HitIds(r.json);
  }

  kb_test::GitTestRepo& repo() { return repo_; }
  const kb_e2e::TempDir& tmp() const { return tmp_; }
  kb_e2e::KbServer& server() { return *server_; }

 private:
  kb_e2e::TempDir tmp_;
  kb_test::GitTestRepo repo_;
  std::string token_;
  std::unique_ptr<kb_e2e::KbServer> server_;
};

}  // namespace

TEST_SUITE_BEGIN("git");

TEST_CASE(
    "kb index --repo publishes the committed tree; ARTICLES_DIR and --repo exclude each other") {
  GitEnv env;
  const RunResult r = RunKb({"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db")});
  INFO(r.Describe());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(env.repo().Tip("main")) != std::string::npos);
  CHECK(RunKb({"index", "--db", env.tmp().Sub("db")}).exit_code == 2);
  CHECK(RunKb({"index", env.tmp().path(), "--repo", env.repo().path(), "--db", env.tmp().Sub("db")})
            .exit_code == 2);
  env.repo().Commit("main", {{"en/bad.md", std::string("---\ntitle: Bad\n---\nno lang\n")}}, "bad");
  const RunResult bad = RunKb({"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db")});
  CHECK(bad.exit_code == 1);
  CHECK(std::regex_search(bad.err, std::regex(R"((^|\n)en/bad\.md:\d+: )")));
}

TEST_CASE("exit statuses: a missing repository is bad input (1), serving no index a failure (3)") {
  kb_e2e::TempDir tmp;
  const std::string missing = tmp.Sub("no-such-repo");
  const RunResult index = RunKb({"index", "--repo", missing, "--db", tmp.Sub("db")});
  INFO(index.Describe());
  CHECK(index.exit_code == 1);
  CHECK(RunKb({"check", "--repo", missing}).exit_code == 1);
  CHECK(RunKb({"index", "--repo", missing, "--branch", "x", "--db", tmp.Sub("db"), tmp.path()})
            .exit_code == 2);
  CHECK(
      RunKb({"serve", "--db", tmp.Sub("db"), "--port", "0"}, std::chrono::seconds(10)).exit_code ==
      3);
}

TEST_CASE("kb serve --repo builds the index on start; updated and author come from git") {
  GitEnv env;
  env.Start();
  CHECK(kb_e2e::Contains(env.Hits("zorblax"), "en/account/reset"));
  const HttpReply article = env.Get("/api/v1/articles/en/account/reset");
  REQUIRE(article.status == 200);
  CHECK(article.json["updated"] == "2023-11-14T22:13:20Z");
  CHECK(article.json["author"] == "Ann Editor");
  CHECK(article.json["outdated"] == false);
}

TEST_CASE("webhook: a wrong or missing signature is 401 and publishes nothing") {
  GitEnv env;
  env.Start();
  env.repo().Commit("main", {{"en/new.md", ArticleText("Gift cards", "en", "A quuxinator card.")}},
                    "new");
  CHECK(env.GitHubHook("wrong-secret").status == 401);
  CHECK(env.Hook("{}", {}).status == 401);
  CHECK(env.Hook("{}", {{"X-Gitlab-Token", "nope"}}).status == 401);
  CHECK(env.Hook("{}", {{"X-Gitea-Signature", Hmac(kSecret, "{ }")}}).status == 401);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(env.Hits("quuxinator").empty());
  const HttpReply status = env.Get("/api/v1/publish/status", true);
  REQUIRE(status.status == 200);
  CHECK(status.json["attempts"] == 1);  // only the publish at start
}

TEST_CASE("webhook: GitHub, Gitea and GitLab signatures publish the new commit") {
  GitEnv env;
  env.Start();
  env.repo().Commit("main", {{"en/new.md", ArticleText("Gift cards", "en", "A quuxinator card.")}},
                    "new");
  const HttpReply r = env.GitHubHook();
  INFO(r.Describe());
  CHECK(r.status == 200);
  CHECK(r.json["status"] == "published");
  CHECK(r.json["commit"] == env.repo().Tip("main"));
  CHECK(r.json["added"] == 1);
  CHECK(kb_e2e::Contains(env.Hits("quuxinator"), "en/new"));

  env.repo().Commit("main", {{"en/gitea.md", ArticleText("Gitea", "en", "A frobnicator.")}},
                    "gitea");
  const std::string body = "{\"ref\":\"refs/heads/main\"}";
  CHECK(env.Hook(body, {{"X-Gitea-Signature", Hmac(kSecret, body)}}).status == 200);
  CHECK(kb_e2e::Contains(env.Hits("frobnicator"), "en/gitea"));

  env.repo().Commit("main", {{"en/gitlab.md", ArticleText("GitLab", "en", "A blorptastic.")}},
                    "gitlab");
  CHECK(env.Hook(body, {{"X-Gitlab-Token", kSecret}, {"X-Gitlab-Event", "Push Hook"}}).status ==
        200);
  CHECK(kb_e2e::Contains(env.Hits("blorptastic"), "en/gitlab"));
}

TEST_CASE("a bad commit publishes nothing and reports path:line errors; the fix publishes") {
  GitEnv env;
  env.Start();
  const std::string good = env.repo().Tip("main");
  env.repo().Commit(
      "main",
      {{"en/new.md", ArticleText("Gift cards", "en", "A quuxinator card.")},
       {"en/broken.md", std::string("---\ntitle: Broken\nlang: en\naudience: everyone\n---\nx\n")}},
      "bad commit");
  const HttpReply r = env.GitHubHook();
  INFO(r.Describe());
  CHECK(r.status == 200);
  CHECK(r.json["status"] == "failed");
  REQUIRE(r.json["errors"].is_array());
  REQUIRE(r.json["errors"].size() == 1);
  CHECK(std::regex_match(r.json["errors"][0].get<std::string>(),
                         std::regex(R"(en/broken\.md:4: .+)")));
  CHECK(env.Hits("quuxinator").empty());  // nothing of the bad commit is live
  CHECK(kb_e2e::Contains(env.Hits("zorblax"), "en/account/reset"));
  CHECK(env.server().Stderr().find("en/broken.md:4: ") != std::string::npos);

  CHECK(env.Get("/api/v1/publish/status").status == 401);
  const HttpReply status = env.Get("/api/v1/publish/status", true);
  REQUIRE(status.status == 200);
  CHECK(status.json["last_good"]["commit"] == good);
  CHECK(status.json["last_attempt"]["commit"] == env.repo().Tip("main"));
  CHECK(status.json["last_attempt"]["ok"] == false);
  CHECK(status.json["last_attempt"]["errors"].size() == 1);

  env.repo().Commit("main", {{"en/broken.md", ArticleText("Broken", "en", "fixed")}}, "fix");
  const HttpReply fixed = env.GitHubHook();
  CHECK(fixed.json["status"] == "published");
  CHECK(kb_e2e::Contains(env.Hits("quuxinator"), "en/new"));
  CHECK(env.Get("/api/v1/publish/status", true).json["last_good"]["commit"] ==
        env.repo().Tip("main"));
}

TEST_CASE("a commit with a misspelled front-matter key publishes nothing; kb check names the key") {
  GitEnv env;
  env.Start();
  env.repo().Commit("main",
                    {{"en/ops/override.md",
                      std::string("---\ntitle: Override\nlang: en\naudiance: internal\n---\n"
                                  "The glimmerfax override is for agents.\n")}},
                    "internal article with a typo");
  const HttpReply r = env.GitHubHook();
  INFO(r.Describe());
  CHECK(r.json["status"] == "failed");
  REQUIRE(r.json["errors"].size() == 1);
  CHECK(r.json["errors"][0] ==
        "en/ops/override.md:4: unknown key 'audiance' (did you mean 'audience'?)");
  CHECK(env.Hits("glimmerfax").empty());
  CHECK(env.Get(kb_e2e::SearchPath({{"q", "glimmerfax"}}), true).json["total"] == 0);

  for (const std::vector<std::string>& check :
       {std::vector<std::string>{"check", "--repo", env.repo().path()},
        {"check", "--strict", "--repo", env.repo().path()}}) {
    const RunResult lint = RunKb(check);
    INFO(lint.Describe());
    CHECK(lint.exit_code == 1);
    CHECK(lint.out.find(
              "en/ops/override.md:4: error: unknown key 'audiance' (did you mean 'audience'?)") !=
          std::string::npos);
  }
}

TEST_CASE("a commit that moves the articles away is refused unless --allow-mass-delete") {
  GitEnv env;
  kb_test::GitChanges more;
  for (int i = 0; i < 8; ++i)
    more["en/faq/q" + std::to_string(i) + ".md"] =
        ArticleText("Question " + std::to_string(i), "en", "A plimbo answer.");
  env.repo().Commit("main", more, "eight more");
  env.Start();
  REQUIRE(env.Hits("plimbo").size() == 8);

  // The articles now live under docs/: every published id would be deleted.
  kb_test::GitChanges moved;
  for (const auto& [path, text] : more) {
    moved[path] = std::nullopt;
    moved["docs/" + path] = text;
  }
  env.repo().Commit("main", moved, "move everything under docs/");
  const HttpReply r = env.GitHubHook();
  INFO(r.Describe());
  CHECK(r.json["status"] == "failed");
  CHECK(r.json.dump().find("it would delete 8 of the 11 published articles") != std::string::npos);
  CHECK(env.Hits("plimbo").size() == 8);
  CHECK(kb_e2e::Contains(env.Hits("plimbo"), "en/faq/q0"));

  const RunResult fresh =
      RunKb({"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db2")});
  CHECK(fresh.exit_code == 0);  // a first publish deletes nothing
  env.server().Stop();
  const RunResult again =
      RunKb({"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db")});
  INFO(again.Describe());
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("--allow-mass-delete") != std::string::npos);
  const RunResult allowed = RunKb(
      {"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db"), "--allow-mass-delete"});
  INFO(allowed.Describe());
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.err.find("8 deleted") != std::string::npos);
}

TEST_CASE("renames and deletes are published") {
  GitEnv env;
  env.Start();
  env.repo().Commit(
      "main",
      {{"en/billing/refund.md", std::nullopt},
       {"en/billing/refunds.md", ArticleText("Refunds", "en", "Refunds take five days.")},
       {"en/account/reset.md", std::nullopt}},
      "rename and delete");
  CHECK(env.GitHubHook().json["deleted"] == 2);
  CHECK(env.Get("/api/v1/articles/en/billing/refund").status == 404);
  CHECK(env.Get("/api/v1/articles/en/billing/refunds").status == 200);
  CHECK(env.Get("/api/v1/articles/en/account/reset").status == 404);
}

TEST_CASE("article history lists its commits for agents only") {
  GitEnv env;
  env.repo().Commit("main",
                    {{"en/account/reset.md", ArticleText("Reset your password", "en", "v2")}},
                    "clarify reset", {"Bob", "bob@example.com", 1700001000});
  env.repo().Commit("main", {{"en/billing/refund.md", ArticleText("Refunds", "en", "v2")}},
                    "other file");
  env.Start();
  CHECK(env.Get("/api/v1/articles/en/account/reset/history").status == 401);
  const HttpReply r = env.Get("/api/v1/articles/en/account/reset/history", true);
  INFO(r.Describe());
  REQUIRE(r.status == 200);
  REQUIRE(r.json["commits"].size() == 2);
  CHECK(r.json["commits"][0]["message"] == "clarify reset");
  CHECK(r.json["commits"][0]["author"] == "Bob");
  CHECK(r.json["commits"][1]["message"] == "first articles");
  CHECK(r.json["commits"][0]["sha"].get<std::string>().size() == 40);
  CHECK(env.Get("/api/v1/articles/en/account/reset/history?limit=1", true).json["commits"].size() ==
        1);
  CHECK(env.Get("/api/v1/articles/en/nope/history", true).status == 404);
}

TEST_CASE("an article whose id ends in /history is fetched, not its parent's history") {
  GitEnv env;
  env.repo().Commit("main",
                    {{"en/guide/history.md", ArticleText("Our history", "en", "Founded long ago.")},
                     {"en/team/history.md",
                      ArticleText("Team history", "en", "Internal notes.", "audience: internal")}},
                    "history articles");
  env.Start();
  CHECK(env.Get("/api/v1/articles/en/guide/history").json["title"] == "Our history");
  CHECK(env.Get("/api/v1/articles/en/guide/history", true).json["title"] == "Our history");
  // An internal one is the agents'; a customer gets the 401 of the history endpoint.
  kb_e2e::CheckError(env.Get("/api/v1/articles/en/team/history"), 401, "unauthorized");
  CHECK(env.Get("/api/v1/articles/en/team/history", true).json["title"] == "Team history");
  // A bad token is never taken for a customer, not even for a public article.
  kb_e2e::CheckError(env.GetAs("/api/v1/articles/en/guide/history", "not-a-token"), 401,
                     "unauthorized");
  // With history parameters it is the history of en/guide (which has none), for agents only.
  kb_e2e::CheckError(env.Get("/api/v1/articles/en/guide/history?limit=1"), 401, "unauthorized");
  kb_e2e::CheckError(env.Get("/api/v1/articles/en/guide/history?limit=1", true), 404, "not_found");
}

TEST_CASE("agents preview a branch's version with ?ref; drafts stay unpublished") {
  GitEnv env;
  env.repo().Commit(
      "draft-branch",
      {{"en/account/reset.md", ArticleText("Reset it (new)", "en", "New text")},
       {"en/secret.md", ArticleText("Coming soon", "en", "A plumbifex.", "draft: true")}},
      "work in progress");
  env.repo().Commit("main",
                    {{"en/soon.md", ArticleText("Soon", "en", "A snorkelwick.", "draft: true")}},
                    "a draft on main");
  env.Start();
  CHECK(env.Hits("snorkelwick").empty());
  CHECK(env.Get("/api/v1/articles/en/soon").status == 404);
  CHECK(env.Get("/api/v1/articles/en/account/reset?ref=draft-branch").status == 401);
  const HttpReply preview = env.Get("/api/v1/articles/en/account/reset?ref=draft-branch", true);
  INFO(preview.Describe());
  REQUIRE(preview.status == 200);
  CHECK(preview.json["title"] == "Reset it (new)");
  CHECK(preview.json["preview"] == true);
  CHECK(preview.json["commit"] == env.repo().Tip("draft-branch"));
  const HttpReply draft = env.Get("/api/v1/articles/en/secret?ref=draft-branch", true);
  CHECK(draft.status == 200);
  CHECK(draft.json["draft"] == true);
  CHECK(env.Get("/api/v1/articles/en/account/reset", true).json["title"] == "Reset your password");
  CHECK(env.Get("/api/v1/articles/en/account/reset?ref=no-such-branch", true).status == 404);
  // The error message names the ref as sent, even when it is not UTF-8.
  kb_e2e::CheckError(env.Get("/api/v1/articles/en/account/reset?ref=%FF", true), 404, "not_found");
}

TEST_CASE("a translation whose source changed later is outdated in the API and in kb check") {
  GitEnv env;
  env.Start();
  CHECK(env.Get("/api/v1/articles/he/account/reset").json["outdated"] == false);
  env.repo().Commit("main",
                    {{"en/account/reset.md", ArticleText("Reset your password", "en", "Changed.")}},
                    "source changed");
  CHECK(env.GitHubHook().json["status"] == "published");
  CHECK(env.Get("/api/v1/articles/he/account/reset").json["outdated"] == true);
  const RunResult check = RunKb({"check", "--repo", env.repo().path()});
  CHECK(check.exit_code == 0);  // warnings only
  CHECK(std::regex_search(
      check.out, std::regex(R"(he/account/reset\.md:\d+: warning: outdated translation)")));
  CHECK(RunKb({"check", "--repo", env.repo().path(), "--strict"}).exit_code == 1);
}

TEST_CASE("kb check reports broken links, missing images and bad front matter like a compiler") {
  GitEnv env;
  env.repo().Commit(
      "main",
      {{"en/guide.md", ArticleText("Guide", "en",
                                   "See [reset](account/reset.md) and [gone](/kb/en/gone).\n\n"
                                   "![shot](img/shot.png) ![ok](img/ok.png)\n\n"
                                   "`[not](a/link.md)`\n")},
       {"en/img/ok.png", std::string("PNG")},
       {"en/dup.md", ArticleText("Refunds", "en", "same title as en/billing/refund")},
       {"en/nolang.md", std::string("---\ntitle: X\n---\nbody\n")}},
      "lint me");
  const RunResult r = RunKb({"check", "--repo", env.repo().path()});
  INFO(r.Describe());
  CHECK(r.exit_code == 1);
  CHECK(std::regex_search(r.out,
                          std::regex(R"((^|\n)en/guide\.md:5: error: broken link '/kb/en/gone')")));
  CHECK(std::regex_search(
      r.out, std::regex(R"((^|\n)en/guide\.md:7: error: missing image 'img/shot\.png')")));
  CHECK(r.out.find("img/ok.png") == std::string::npos);
  CHECK(r.out.find("account/reset.md'") == std::string::npos);
  CHECK(r.out.find("a/link.md") == std::string::npos);
  CHECK(std::regex_search(r.out, std::regex(R"((^|\n)en/dup\.md:2: warning: duplicate title)")));
  CHECK(std::regex_search(r.out, std::regex(R"((^|\n)en/nolang\.md:\d+: error: )")));
  CHECK(std::regex_search(
      r.out,
      std::regex(R"((^|\n)en/billing/refund\.md:1: warning: missing translation: no 'he')")));
}

TEST_CASE("polling publishes without a webhook") {
  GitEnv env;
  env.Start({"--poll-seconds", "1"});
  env.repo().Commit("main", {{"en/polled.md", ArticleText("Polled", "en", "A wibblestone.")}},
                    "polled");
  CHECK(Eventually([&] { return kb_e2e::Contains(env.Hits("wibblestone"), "en/polled"); }));
}

TEST_CASE("a repository URL is cloned into DB_DIR/git-cache and fetched on webhook") {
  GitEnv env;
  env.Start({}, "file://" + env.repo().path());
  CHECK(kb_e2e::Contains(env.Hits("zorblax"), "en/account/reset"));
  env.repo().Commit("main", {{"en/new.md", ArticleText("Gift cards", "en", "A quuxinator card.")}},
                    "new");
  CHECK(env.GitHubHook().json["status"] == "published");
  CHECK(kb_e2e::Contains(env.Hits("quuxinator"), "en/new"));
  CHECK(kb_e2e::ReadTextFile(env.tmp().Sub("db/git-cache/HEAD")).size() > 0);
}

TEST_CASE("searches keep answering while commits are published") {
  GitEnv env;
  env.Start();
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0}, searches{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      auto client = env.server().Client();
      while (!stop) {
        auto res = client->Get("/api/v1/search?q=refunds");
        if (!res || res->status != 200 || res->body.find("en/billing/refund") == std::string::npos)
          ++failures;
        ++searches;
      }
    });
  }
  for (int i = 0; i < 8; ++i) {
    env.repo().Commit(
        "main",
        {{"en/n" + std::to_string(i) + ".md",
          ArticleText("Note " + std::to_string(i), "en", "gizmo" + std::to_string(i))}},
        "note " + std::to_string(i));
    CHECK(env.GitHubHook().json["status"] == "published");
  }
  stop = true;
  for (auto& t : readers) t.join();
  CHECK(failures == 0);
  CHECK(searches > 0);
  CHECK(kb_e2e::Contains(env.Hits("gizmo7"), "en/n7"));
}

TEST_CASE("git mode's answers validate field by field against the OpenAPI document") {
  GitEnv env;
  env.repo().Commit("draft-branch",
                    {{"en/account/reset.md", ArticleText("Reset it (new)", "en", "New text")}},
                    "work in progress");
  env.Start();
  const nlohmann::json doc = env.Get("/api/v1/openapi.json").json;
  struct Case {
    std::string target, path, method;
    int status;
  };
  const std::string article = "/api/v1/articles/{id}";
  const std::vector<std::pair<Case, HttpReply>> replies = {
      {{"/api/v1/articles/en/account/reset", article, "get", 200},
       env.Get("/api/v1/articles/he/account/reset")},
      {{"?ref=draft-branch", article, "get", 200},
       env.Get("/api/v1/articles/en/account/reset?ref=draft-branch", true)},
      {{"history", article + "/history", "get", 200},
       env.Get("/api/v1/articles/en/account/reset/history", true)},
      {{"history as a customer", article + "/history", "get", 401},
       env.Get("/api/v1/articles/en/account/reset/history?limit=1")},
      {{"status", "/api/v1/publish/status", "get", 200}, env.Get("/api/v1/publish/status", true)},
      {{"webhook", "/api/v1/hooks/git", "post", 200}, env.GitHubHook()},
      {{"webhook, bad secret", "/api/v1/hooks/git", "post", 401}, env.GitHubHook("wrong")},
      {{"status again", "/api/v1/publish/status", "get", 200},
       env.Get("/api/v1/publish/status", true)},
  };
  for (const auto& [c, reply] : replies) {
    CAPTURE(c.target);
    REQUIRE(reply.status == c.status);
    const nlohmann::json schema = kb_e2e::ResponseSchema(doc, c.path, c.method, c.status);
    REQUIRE_FALSE(schema.is_null());
    for (const std::string& problem : kb_e2e::SchemaProblems(doc, schema, reply.json)) {
      INFO(problem);
      CHECK(problem.empty());
    }
  }
}

TEST_CASE("GET on the webhook's path is a 405 naming POST") {
  GitEnv env;
  env.Start();
  const HttpReply r = env.Get("/api/v1/hooks/git");
  kb_e2e::CheckError(r, 405, "bad_request");
  CHECK(r.json["error"]["message"] == "method GET not allowed on /api/v1/hooks/git: use POST");
}
TEST_CASE("git mode: /ready is 503 until a publish from git succeeds, then 200") {
  GitEnv env;
  // An index from an earlier run, then a start whose commit has a bad article:
  // the old index is served (healthz 200) but nothing was published from git.
  REQUIRE(RunKb({"index", "--repo", env.repo().path(), "--db", env.tmp().Sub("db")}).exit_code ==
          0);
  env.repo().Commit("main", {{"en/bad.md", std::string("no front matter\n")}}, "bad");
  env.Start({"--poll-seconds", "1"});
  CHECK(env.Get("/healthz").status == 200);
  const HttpReply waiting = env.Get("/ready");
  CHECK(waiting.status == 503);
  CHECK(waiting.json["status"] == "not_ready");
  CHECK(waiting.json["reason"] == "waiting for the first publish from git");
  env.repo().Commit("main", {{"en/bad.md", std::nullopt}}, "fix");
  CHECK(kb_e2e::Eventually([&] { return env.Get("/ready").status == 200; }));
  CHECK(env.Get("/ready").json["status"] == "ready");
  CHECK(env.Get("/metrics").body.find("kb_publish_last_attempt_ok 1\n") != std::string::npos);
}

TEST_SUITE_END();
