// End-to-end: faults an operator meets (issue "operations and hardening"):
// searches while publishing, the index folder replaced under a running
// server, an unreadable article, a full disk. tools/faults/kill_trials.sh
// covers kill -9 during publishes.
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "e2e_env.h"

using kb_e2e::Env;
using kb_e2e::HitIds;
using kb_e2e::RunResult;
using nlohmann::json;

namespace {

constexpr int kZebras = 6;

// The e2e fixture plus kZebras articles about zebras, all of version `version`.
std::string ZebraSet(const Env& env, const std::string& name, int version) {
  const std::string dir = env.tmp().Sub(name);
  kb_e2e::CopyTree(kb_e2e::TestDataDir() + "/e2e-articles", dir);
  for (int i = 0; i < kZebras; ++i) {
    kb_e2e::WriteTextFile(dir + "/en/zebra/zebra-" + std::to_string(i) + ".md",
                          "---\ntitle: Zebra crossing v" + std::to_string(version) + " number " +
                              std::to_string(i) + "\nlang: en\n---\nZebra stripes, edition v" +
                              std::to_string(version) + ".\n");
  }
  return dir;
}

// The version ("v1", "v2") every hit's title names, or "mixed".
std::string VersionOf(const json& response) {
  std::string version;
  for (const json& hit : response["hits"]) {
    const std::string title = hit["title"];
    const size_t v = title.find(" v");
    const std::string this_one = v == std::string::npos ? "?" : title.substr(v + 1, 2);
    if (!version.empty() && version != this_one) return "mixed";
    version = this_one;
  }
  return version;
}

}  // namespace

TEST_SUITE_BEGIN("faults");

TEST_CASE("searches during publishes never fail and never mix old and new articles") {
  Env env;
  const std::string v1 = ZebraSet(env, "v1", 1), v2 = ZebraSet(env, "v2", 2);
  REQUIRE(env.Index(v1).exit_code == 0);
  env.StartServer();
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0}, failures{0}, mixed{0}, wrong_total{0};
  std::vector<std::thread> searchers;
  for (int t = 0; t < 4; ++t) {
    searchers.emplace_back([&] {
      auto client = env.server().Client();
      while (!stop) {
        auto res = client->Get("/api/v1/search?q=zebra&lang=en&limit=20");
        ++searches;
        if (!res || res->status != 200) {
          ++failures;
          continue;
        }
        const json body = json::parse(res->body, nullptr, false);
        if (body.is_discarded() || !body.contains("hits")) {
          ++failures;
          continue;
        }
        if (VersionOf(body) == "mixed") ++mixed;
        if (body["total"] != kZebras) ++wrong_total;
      }
    });
  }
  for (int round = 0; round < 6; ++round) {
    const RunResult r = env.Index(round % 2 == 0 ? v2 : v1);
    INFO(r.Describe());
    CHECK(r.exit_code == 0);
  }
  stop = true;
  for (auto& t : searchers) t.join();
  CHECK(searches > 20);
  CHECK(failures == 0);
  CHECK(mixed == 0);
  CHECK(wrong_total == 0);
}

TEST_CASE("the server survives its index folder being replaced under it") {
  Env env;
  const std::string v1 = ZebraSet(env, "v1", 1), v2 = ZebraSet(env, "v2", 2);
  REQUIRE(env.Index(v1).exit_code == 0);
  env.StartServer();
  REQUIRE(VersionOf(env.Search({{"q", "zebra"}, {"lang", "en"}})) == "v1");
  const std::string fresh = env.tmp().Sub("db-fresh");
  REQUIRE(kb_e2e::RunKb({"index", v2, "--db", fresh}).exit_code == 0);
  std::filesystem::rename(env.db(), env.tmp().Sub("db-old"));
  std::filesystem::rename(fresh, env.db());
  CHECK(kb_e2e::Eventually([&] {
    return VersionOf(env.Search({{"q", "zebra"}, {"lang", "en"}})) == "v2";
  }));
  // Removed altogether, then back: errors meanwhile, answers again after.
  std::filesystem::rename(env.db(), env.tmp().Sub("db-gone"));
  const kb_e2e::HttpReply gone = env.Get("/api/v1/search?q=zebra");
  CHECK(gone.status != -1);
  CHECK(gone.status < 600);
  std::filesystem::rename(env.tmp().Sub("db-gone"), env.db());
  CHECK(kb_e2e::Eventually([&] { return env.Get("/api/v1/search?q=zebra").status == 200; }));
  CHECK(env.Get("/ready").status == 200);
}

TEST_CASE("an unreadable article fails kb index with its name and publishes nothing") {
  Env env;
  env.StartServer();
  const json before = env.Search({{"q", "password"}, {"lang", "en"}});
  // As root a file mode does not stop reading: a link to nowhere is unreadable for everyone.
  const std::string broken = env.articles() + "/en/account/lost-phone.md";
  REQUIRE(symlink((env.tmp().Sub("nowhere.md")).c_str(), broken.c_str()) == 0);
  kb_e2e::WriteTextFile(env.articles() + "/en/account/new-one.md",
                        "---\ntitle: Quokka sightings\nlang: en\n---\nQuokka.\n");
  const RunResult r = env.Index();
  INFO(r.Describe());
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("lost-phone.md") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  CHECK(env.Search({{"q", "quokka"}})["total"] == 0);
  CHECK(HitIds(env.Search({{"q", "password"}, {"lang", "en"}})) == HitIds(before));
}

TEST_CASE("a full disk fails kb index with a clear error and leaves the index as it was") {
  Env env;
  const std::string mnt = env.tmp().Sub("small-disk");
  std::filesystem::create_directories(mnt);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=2m") != 0) {
    MESSAGE("skipped: cannot mount a small tmpfs here (" << std::strerror(errno)
                                                         << "); run as root to test a full disk");
    return;
  }
  struct Unmount {
    std::string at;
    ~Unmount() { umount2(at.c_str(), MNT_DETACH); }
  } unmount{mnt};
  const std::string db = mnt + "/db";
  REQUIRE(kb_e2e::RunKb({"index", env.articles(), "--db", db}).exit_code == 0);
  std::string error;
  auto server = kb_e2e::KbServer::Start({db, "", env.tmp().path(), {}}, &error);
  REQUIRE(server);
  auto client = server->Client();
  auto before = client->Get("/api/v1/search?q=password&lang=en");
  REQUIRE(before);
  REQUIRE(before->status == 200);
  // Many long articles: more than the 2 MB that is left.
  const std::string big = env.tmp().Sub("big");
  kb_e2e::CopyTree(env.articles(), big);
  std::string words;
  for (int w = 0; w < 4000; ++w) words += "word" + std::to_string(w * 7919 % 100003) + " ";
  for (int i = 0; i < 150; ++i)
    kb_e2e::WriteTextFile(
        big + "/en/filler/filler-" + std::to_string(i) + ".md",
        "---\ntitle: Filler " + std::to_string(i) + "\nlang: en\n---\n" + words + "\n");
  const RunResult full = kb_e2e::RunKb({"index", big, "--db", db});
  INFO(full.Describe());
  CHECK(full.exit_code != 0);
  CHECK(full.err.find("kb: ") != std::string::npos);
  CHECK(full.err.find("No space left on device") != std::string::npos);
  auto after = client->Get("/api/v1/search?q=password&lang=en");
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(json::parse(after->body)["hits"] == json::parse(before->body)["hits"]);
  // The failed run left nothing behind that keeps the disk full: the next
  // (small) run completes.
  const RunResult next = kb_e2e::RunKb({"index", env.articles(), "--db", db});
  INFO(next.Describe());
  CHECK(next.exit_code == 0);
  CHECK(server->Stop() == 0);
}

TEST_SUITE_END();
