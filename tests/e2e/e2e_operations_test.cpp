// End-to-end: what an operator relies on (issue "operations and hardening"):
// rate limiting, slow clients, header caps, /metrics, /ready, the access log,
// revoking agent tokens and SIGHUP.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Env;
using kb_e2e::HttpReply;
using kb_e2e::RunKb;
using nlohmann::json;

namespace {

// GET `path` with extra request headers.
HttpReply GetWith(Env& env, const std::string& path, const httplib::Headers& headers) {
  auto client = env.server().Client();
  return kb_e2e::ToHttpReply(client->Get(path, headers));
}

// A raw TCP connection to the server, for clients httplib would not be.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval tv{1, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // True once the server has closed the connection (read gives 0 or an error
  // other than a timeout).
  bool ClosedByServer() {
    char buf[512];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n == 0) return true;
    return n < 0 && errno != EAGAIN && errno != EWOULDBLOCK;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// The value of a sample line `name{labels} value` in a scrape; -1 if absent.
double Sample(const std::string& scrape, const std::string& series) {
  std::istringstream lines(scrape);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

}  // namespace

TEST_SUITE_BEGIN("operations");

TEST_CASE("a flood from one address gets 429 with Retry-After; other clients and probes do not") {
  Env env;
  // A slow refill, so that a slow (sanitizer) build refuses as many.
  env.StartServer({"--rate-limit", "0.1", "--rate-burst", "3", "--trusted-proxy", "127.0.0.1"});
  const httplib::Headers flooder = {{"X-Forwarded-For", "198.51.100.7"}};
  int refused = 0;
  HttpReply last;
  for (int i = 0; i < 12; ++i) {
    last = GetWith(env, "/api/v1/suggest?q=pass", flooder);
    if (last.status == 429) ++refused;
  }
  CHECK(refused >= 8);
  CheckError(last, 429, "rate_limited");
  auto client = env.server().Client();
  auto res = client->Get("/api/v1/suggest?q=pass", flooder);
  REQUIRE(res);
  CHECK(std::stoi(res->get_header_value("Retry-After")) >= 1);
  // Another client behind the same proxy, an agent, and the probes still get answers.
  CHECK(GetWith(env, "/api/v1/suggest?q=pass", {{"X-Forwarded-For", "203.0.113.9"}}).status == 200);
  CHECK(GetWith(env, "/api/v1/suggest?q=pass",
                {{"X-Forwarded-For", "198.51.100.7"}, {"Authorization", "Bearer " + env.token()}})
            .status == 200);
  for (const char* probe : {"/healthz", "/ready", "/metrics"})
    CHECK(GetWith(env, probe, flooder).status == 200);
  CHECK(Sample(env.Get("/metrics").body, "kb_http_rate_limited_total{client=\"customer\"}") >= 8);
}

TEST_CASE("X-Forwarded-For is ignored without --trusted-proxy") {
  Env env;
  env.StartServer({"--rate-limit", "0.1", "--rate-burst", "2"});
  int refused = 0;
  for (int i = 0; i < 6; ++i) {
    // A client that writes a new address each time is still one address.
    const httplib::Headers spoof = {{"X-Forwarded-For", "192.0.2." + std::to_string(i)}};
    if (GetWith(env, "/api/v1/suggest?q=pass", spoof).status == 429) ++refused;
  }
  CHECK(refused >= 3);
}

TEST_CASE("kb serve validates its limits") {
  kb_e2e::TempDir tmp;
  for (const std::vector<std::string>& bad : {std::vector<std::string>{"--rate-limit", "-1"},
                                              {"--rate-burst", "0"},
                                              {"--request-timeout", "0"},
                                              {"--max-header-fields", "0"}}) {
    std::vector<std::string> args = {"serve", "--db", tmp.Sub("db")};
    args.insert(args.end(), bad.begin(), bad.end());
    const auto r = RunKb(args);
    INFO(r.Describe());
    CHECK(r.exit_code != 0);
  }
}

TEST_CASE("too many header fields are refused with 431") {
  Env env;
  env.StartServer({"--max-header-fields", "20"});
  httplib::Headers headers;
  for (int i = 0; i < 30; ++i) headers.emplace("X-Filler-" + std::to_string(i), "x");
  const HttpReply reply = GetWith(env, "/api/v1/search?q=password", headers);
  CheckError(reply, 431, "too_large");
  CHECK(env.Get("/api/v1/search?q=password").status == 200);
}

TEST_CASE("a slow client is cut off at the request timeout and cannot hold the workers") {
  Env env;
  env.StartServer({"--threads", "2", "--request-timeout", "2", "--read-timeout", "5"});
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(std::make_unique<RawConnection>(env.server().port()));
    REQUIRE(slow.back()->connected());
    REQUIRE(slow.back()->Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  }
  // A header byte a second: each read succeeds well within --read-timeout.
  bool all_closed = false;
  for (int second = 0; second < 20 && !all_closed; ++second) {
    all_closed = true;
    for (auto& c : slow) {
      if (c->ClosedByServer()) continue;
      c->Send("X");
      all_closed = false;
    }
  }
  CHECK(all_closed);
  CHECK(env.Get("/api/v1/search?q=password").status == 200);
  CHECK(Sample(env.Get("/metrics").body, "kb_http_connections_timed_out_total") >= 2);
}

TEST_CASE("/metrics is Prometheus text with kb_ names, HELP and TYPE for each family") {
  Env env;
  env.StartServer();
  env.Search({{"q", "password"}, {"lang", "en"}});
  env.Search({{"q", "qwxzvvy"}, {"lang", "en"}});
  auto client = env.server().Client();
  // A request is counted once it has been answered: wait for the second search's.
  REQUIRE(kb_e2e::Eventually([&] {
    return Sample(env.Get("/metrics").body,
                  "kb_http_request_duration_seconds_count{route=\"/api/v1/search\"}") == 2;
  }));
  auto res = client->Get("/metrics");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string scrape = res->body;
  REQUIRE(!scrape.empty());
  CHECK(scrape.back() == '\n');
  const std::regex sample(
      R"(^(kb_[a-z_]+)(\{[a-z_]+="([^"\\]|\\.)*"(,[a-z_]+="([^"\\]|\\.)*")*\})? -?[0-9.e+]+$|^kb_[a-z_]+(\{.*\})? \+Inf$)");
  std::set<std::string> typed;
  std::istringstream lines(scrape);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    if (line.rfind("# TYPE ", 0) == 0) {
      typed.insert(line.substr(7, line.find(' ', 7) - 7));
      continue;
    }
    if (line.rfind("# HELP ", 0) == 0) continue;
    std::smatch m;
    REQUIRE(std::regex_match(line, m, sample));
    std::string family = m[1];
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      const std::string s = suffix;
      if (!typed.count(family) && family.size() > s.size() &&
          family.compare(family.size() - s.size(), s.size(), s) == 0)
        family.resize(family.size() - s.size());
    }
    CHECK(typed.count(family) == 1);
  }
  CHECK(Sample(scrape, "kb_searches_total{lang=\"en\"}") == 2);
  CHECK(Sample(scrape, "kb_searches_zero_results_total{lang=\"en\"}") == 1);
  CHECK(Sample(scrape, "kb_http_requests_total{route=\"/api/v1/search\",status=\"200\"}") == 2);
  CHECK(Sample(scrape, "kb_http_request_duration_seconds_count{route=\"/api/v1/search\"}") == 2);
  CHECK(Sample(scrape, "kb_index_documents") > 0);
  CHECK(Sample(scrape, "kb_index_sequence") >= 1);
  CHECK(Sample(scrape, "kb_index_size_bytes") > 0);
  // The insights recorder's queue (-1: the series is missing).
  CHECK(Sample(scrape, "kb_events_dropped_total") == 0);
  CHECK(Sample(scrape, "kb_event_queue_length") >= 0);
  CHECK(scrape.find("# TYPE kb_events_dropped_total counter\n") != std::string::npos);
  CHECK(scrape.find("# TYPE kb_event_queue_length gauge\n") != std::string::npos);
}

TEST_CASE(
    "a repeated search is answered from the cache, the same; --search-cache-mb 0 keeps none") {
  Env env;
  env.StartServer();
  auto without_timing = [](json r) {
    r.erase("took_ms");
    r.erase("session");
    return r;
  };
  const json first = without_timing(env.Search({{"q", "reset password"}, {"lang", "en"}}));
  const json again = without_timing(env.Search({{"q", "reset password"}, {"lang", "en"}}));
  CHECK(again == first);
  // An agent asks another question than a customer: its own answer, internal articles and all.
  env.Search({{"q", "reset password"}, {"lang", "en"}}, env.token());
  // Every search still counts for the metrics and the insights, cached or not.
  REQUIRE(kb_e2e::Eventually(
      [&] { return Sample(env.Get("/metrics").body, "kb_searches_total{lang=\"en\"}") == 3; }));
  const std::string scrape = env.Get("/metrics").body;
  CHECK(Sample(scrape, "kb_search_cache_hits_total") == 1);
  CHECK(Sample(scrape, "kb_search_cache_misses_total") == 2);
  CHECK(Sample(scrape, "kb_search_cache_bytes") > 0);

  env.StopServer();
  env.StartServer({"--search-cache-mb", "0"});
  CHECK(without_timing(env.Search({{"q", "reset password"}, {"lang", "en"}})) == first);
  CHECK(Sample(env.Get("/metrics").body, "kb_search_cache_hits_total") == -1);
  const auto refused = RunKb({"serve", "--db", env.db(), "--search-cache-mb", "-1"});
  INFO(refused.Describe());
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("search-cache-mb") != std::string::npos);
}

TEST_CASE("/ready reports the generation and sequence the server has open") {
  Env env;
  env.StartServer();
  const json ready = env.GetJson("/ready");
  CHECK(ready["status"] == "ready");
  CHECK(ready["generation"].get<std::string>().rfind("gen-", 0) == 0);
  CHECK(ready["sequence"].get<int>() >= 1);
  CHECK(env.GetJson("/healthz")["status"] == "ok");
}

TEST_CASE("the access log is JSON lines without query text unless --log-queries") {
  for (const bool with_queries : {false, true}) {
    Env env;
    std::vector<std::string> args = {"--access-log"};
    if (with_queries) args.push_back("--log-queries");
    env.StartServer(args);
    env.Search({{"q", "secretword"}});
    env.Get("/no/such/path");
    std::string log;
    // Lines are written after each answer: wait for all three (the harness's
    // /healthz, the search, the 404).
    REQUIRE(kb_e2e::Eventually([&] {
      log = env.server().Stdout();
      return std::count(log.begin(), log.end(), '\n') >= 3;
    }));
    std::istringstream lines(log);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
      const json entry = json::parse(line, nullptr, false);
      REQUIRE_FALSE(entry.is_discarded());
      for (const char* key : {"time", "client", "method", "path", "route", "status", "bytes"})
        CHECK(entry.contains(key));
      ++count;
    }
    CHECK(count == 3);
    CHECK(log.find("\"path\":\"/no/such/path\"") != std::string::npos);
    CHECK((log.find("secretword") != std::string::npos) == with_queries);
  }
}

TEST_CASE("kb token list and revoke; a revoked token is refused without a restart") {
  Env env;
  REQUIRE(RunKb({"token", "new", "bob", "--file", env.tokens_file()}).exit_code == 0);
  const auto listed = RunKb({"token", "list", "--file", env.tokens_file()});
  CHECK(listed.exit_code == 0);
  CHECK(listed.out == "agent\nbob\n");
  env.StartServer();
  CHECK(env.AsAgent("/api/v1/search?q=zorblax").status == 200);
  const auto revoked = RunKb({"token", "revoke", "agent", "--file", env.tokens_file()});
  INFO(revoked.Describe());
  CHECK(revoked.exit_code == 0);
  CHECK(RunKb({"token", "list", "--file", env.tokens_file()}).out == "bob\n");
  CHECK(kb_e2e::Eventually([&] { return env.AsAgent("/api/v1/search?q=x").status == 401; }));
  CHECK(RunKb({"token", "revoke", "nobody", "--file", env.tokens_file()}).exit_code != 0);
}

TEST_CASE("SIGHUP rereads the token file even when its size and mtime did not change") {
  Env env;
  env.StartServer();
  REQUIRE(env.AsAgent("/api/v1/search?q=password").status == 200);
  // Replace the hash in place, same size, then put the old mtime back: the
  // file's stamp is unchanged, so only SIGHUP can make the server notice.
  struct stat before;
  REQUIRE(stat(env.tokens_file().c_str(), &before) == 0);
  std::string content = kb_e2e::ReadTextFile(env.tokens_file());
  const size_t colon = content.find(':');
  REQUIRE(colon != std::string::npos);
  content[colon + 1] = content[colon + 1] == '0' ? '1' : '0';
  {
    std::fstream f(env.tokens_file(), std::ios::in | std::ios::out | std::ios::binary);
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  const timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(utimensat(AT_FDCWD, env.tokens_file().c_str(), times, 0) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // past the 1 s stamp check
  CHECK(env.AsAgent("/api/v1/search?q=password").status == 200);
  env.server().Signal(SIGHUP);
  CHECK(kb_e2e::Eventually([&] { return env.AsAgent("/api/v1/search?q=x").status == 401; }));
  CHECK(env.server().running());
  CHECK(env.Get("/healthz").status == 200);
}

TEST_SUITE_END();
