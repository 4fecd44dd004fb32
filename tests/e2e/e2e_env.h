// Shared helpers of the e2e tests: a per-test environment (temp dir, indexed
// copy of a fixture, an agent token, a running server) and HTTP shortcuts.
// Uses doctest assertions: call only from inside a TEST_CASE.
#pragma once

#include <httplib.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "kb_process.h"

namespace kb_e2e {

struct HttpReply {
  int status = -1;  // -1: no HTTP answer at all (see `error`)
  std::string error;
  std::string body;
  std::string content_type;
  nlohmann::json json;  // discarded() when the body is not JSON
  std::string Describe() const;
};

// The reply of an httplib request, as HttpReply.
HttpReply ToHttpReply(const httplib::Result& res);

using Params = std::vector<std::pair<std::string, std::string>>;

// `path?k=v&...` with every byte outside [A-Za-z0-9-._~] percent-encoded.
std::string WithParams(std::string path, const Params& params);
// WithParams("/api/v1/search", params).
std::string SearchPath(const Params& params);
std::string PercentEncode(const std::string& s);

class Env {
 public:
  // Copies tests/data/<fixture> to <tmp>/articles, runs `kb index` into
  // <tmp>/db and creates agent token "agent" in <tmp>/tokens.
  explicit Env(const std::string& fixture = "e2e-articles");
  // Fails the test when the server reported a sanitizer error on stderr (a
  // race under TSan, say, in a request whose answer the test did not check).
  ~Env();

  // Starts `kb serve` on the db (REQUIREs that it comes up), with `extra_args`
  // appended to its command line.
  void StartServer(const std::vector<std::string>& extra_args = {});
  // Stops it with SIGTERM and CHECKs the exit code is 0.
  void StopServer();
  // `kb index <articles> --db <db>`; returns the result without checking it.
  RunResult Index() const;
  RunResult Index(const std::string& articles_dir) const;

  // GET `path`; `bearer` empty = customer (no Authorization header).
  HttpReply Get(const std::string& path, const std::string& bearer = "") const;
  HttpReply AsAgent(const std::string& path) const { return Get(path, token_); }
  // GET that must answer 200 with a JSON object (REQUIREd); returns the object.
  nlohmann::json GetJson(const std::string& path, const std::string& bearer = "") const;
  // GetJson of a search, which must also have a "hits" array.
  nlohmann::json Search(const Params& params, const std::string& bearer = "") const;

  const std::string& token() const { return token_; }
  const std::string& articles() const { return articles_; }
  const std::string& db() const { return db_; }
  const std::string& tokens_file() const { return tokens_file_; }
  KbServer& server() { return *server_; }
  const TempDir& tmp() const { return tmp_; }

 private:
  TempDir tmp_;
  std::string articles_;
  std::string db_;
  std::string tokens_file_;
  std::string token_;
  std::unique_ptr<KbServer> server_;
};

// Ids of the hits of a search response, in order.
std::vector<std::string> HitIds(const nlohmann::json& response);
bool Contains(const std::vector<std::string>& v, const std::string& s);

// CHECKs an error reply: status, JSON {"error":{"code":code,"message":non-empty}}.
void CheckError(const HttpReply& reply, int status, const std::string& code);

// Polls `done` every 100 ms for up to `seconds`; true once it holds (for
// changes a running server picks up asynchronously: publishes, reloads).
template <typename F>
bool Eventually(F done, int seconds = 10) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace kb_e2e
