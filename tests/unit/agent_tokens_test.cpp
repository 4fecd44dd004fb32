// Tests for kb::CreateAgentToken and kb::AgentTokens (include/kb/agent_tokens.h).
#include "kb/auth/agent_tokens.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace {

using kb::test::TempDir;

// Loads `file` re-checking it at most every `interval` (REQUIREs success).
std::unique_ptr<kb::AgentTokens> LoadReloading(const std::string& file,
                                               std::chrono::milliseconds interval) {
  kb::AgentTokens::Options options;
  options.reload_check_interval = interval;
  auto tokens = kb::AgentTokens::Load(file, options);
  REQUIRE(tokens.ok());
  return std::move(*tokens);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::trunc);
  out << content;
}

// A hash line of 64 hex chars that no real token produces.
const std::string kZeroHash(64, '0');

}  // namespace

TEST_CASE("agent tokens: create, load and verify round trip") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto alice = kb::CreateAgentToken("alice", file);
  REQUIRE(alice.ok());
  auto bob = kb::CreateAgentToken("bob.smith-2_x", file);
  REQUIRE(bob.ok());
  CHECK(alice->rfind("kbt_", 0) == 0);
  CHECK(alice->size() == 4 + 64);
  CHECK(*alice != *bob);

  auto tokens = kb::AgentTokens::Load(file);
  REQUIRE(tokens.ok());
  CHECK((*tokens)->Verify(*alice) == std::optional<std::string>("alice"));
  CHECK((*tokens)->Verify(*bob) == std::optional<std::string>("bob.smith-2_x"));
}

TEST_CASE("agent tokens: the file stores name:sha256 of the token, never the token") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto token = kb::CreateAgentToken("alice", file);
  REQUIRE(token.ok());
  const std::string content = ReadFile(file);
  CHECK(content.find(token->substr(4)) == std::string::npos);
  REQUIRE(content.size() == std::string("alice:").size() + 64 + 1);
  CHECK(content.rfind("alice:", 0) == 0);
  CHECK(content.back() == '\n');
}

TEST_CASE("agent tokens: a known SHA-256 line verifies its token") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  // sha256("abc"), the FIPS 180-2 test vector.
  WriteFile(file, "carol:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n");
  auto tokens = kb::AgentTokens::Load(file);
  REQUIRE(tokens.ok());
  CHECK((*tokens)->Verify("abc") == std::optional<std::string>("carol"));
}

TEST_CASE("agent tokens: wrong, empty and truncated tokens are rejected") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto token = kb::CreateAgentToken("alice", file);
  REQUIRE(token.ok());
  auto tokens = kb::AgentTokens::Load(file);
  REQUIRE(tokens.ok());
  std::string flipped = *token;
  flipped.back() = flipped.back() == '0' ? '1' : '0';
  const std::vector<std::string> bad = {
      "", "kbt_", flipped, token->substr(0, token->size() - 1), *token + "0", "alice", kZeroHash};
  for (const auto& t : bad) {
    CAPTURE(t);
    CHECK_FALSE((*tokens)->Verify(t).has_value());
  }
}

TEST_CASE("agent tokens: missing file is an IOError") {
  TempDir dir;
  auto tokens = kb::AgentTokens::Load(dir.Sub("nope"));
  REQUIRE_FALSE(tokens.ok());
  CHECK(tokens.status().code() == kb::StatusCode::kIOError);
}

TEST_CASE("agent tokens: a malformed line is InvalidArgument naming file and line") {
  struct Case {
    std::string content;
    int line;
  };
  const Case cases[] = {
      {"garbage\n", 1},
      {"alice:abc\n", 1},                                                 // hash too short
      {("alice:" + kZeroHash + "\nbob\n"), 2},                            // no colon
      {("a:" + kZeroHash + "\n\nb:" + std::string(63, '0') + "g\n"), 3},  // not hex
      {(":" + kZeroHash + "\n"), 1},                                      // empty name
      {("bad name:" + kZeroHash + "\n"), 1},                              // space in name
  };
  for (const Case& c : cases) {
    TempDir dir;
    const std::string file = dir.Sub("tokens");
    WriteFile(file, c.content);
    auto tokens = kb::AgentTokens::Load(file);
    CAPTURE(c.content);
    REQUIRE_FALSE(tokens.ok());
    CHECK(tokens.status().code() == kb::StatusCode::kInvalidArgument);
    CHECK(tokens.status().message() ==
          file + ":" + std::to_string(c.line) + ": expected name:sha256hex");
  }
}

TEST_CASE("agent tokens: a duplicate name is rejected and the file is unchanged") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  REQUIRE(kb::CreateAgentToken("alice", file).ok());
  const std::string before = ReadFile(file);
  auto again = kb::CreateAgentToken("alice", file);
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == kb::StatusCode::kInvalidArgument);
  CHECK(ReadFile(file) == before);
}

TEST_CASE("agent tokens: bad names are rejected and no file is created") {
  const std::vector<std::string> bad = {"",     "a b",   "a:b",       "a/b",
                                        "näme", "tab\t", "new\nline", "x;y"};
  for (const auto& name : bad) {
    TempDir dir;
    const std::string file = dir.Sub("tokens");
    auto token = kb::CreateAgentToken(name, file);
    CAPTURE(name);
    REQUIRE_FALSE(token.ok());
    CHECK(token.status().code() == kb::StatusCode::kInvalidArgument);
    CHECK(::access(file.c_str(), F_OK) != 0);
  }
}

TEST_CASE("agent tokens: creating into a malformed file fails and keeps it") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  WriteFile(file, "garbage\n");
  auto token = kb::CreateAgentToken("alice", file);
  REQUIRE_FALSE(token.ok());
  CHECK(token.status().code() == kb::StatusCode::kInvalidArgument);
  CHECK(ReadFile(file) == "garbage\n");
}

TEST_CASE("agent tokens: the file has mode 0600, also when it existed with another mode") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  REQUIRE(kb::CreateAgentToken("alice", file).ok());
  struct stat st;
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);

  REQUIRE(::chmod(file.c_str(), 0644) == 0);
  REQUIRE(kb::CreateAgentToken("bob", file).ok());
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("agent tokens: a running set picks up a token created after Load") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto alice = kb::CreateAgentToken("alice", file);
  REQUIRE(alice.ok());
  const auto tokens = LoadReloading(file, std::chrono::milliseconds(0));
  auto bob = kb::CreateAgentToken("bob", file);
  REQUIRE(bob.ok());
  CHECK(tokens->Verify(*bob) == std::optional<std::string>("bob"));
  CHECK(tokens->Verify(*alice) == std::optional<std::string>("alice"));
}

TEST_CASE("agent tokens: reloads are throttled by the check interval") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  REQUIRE(kb::CreateAgentToken("alice", file).ok());
  const auto tokens = LoadReloading(file, std::chrono::milliseconds(300));
  auto bob = kb::CreateAgentToken("bob", file);
  REQUIRE(bob.ok());
  CHECK_FALSE(tokens->Verify(*bob).has_value());  // checked too recently
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  CHECK(tokens->Verify(*bob) == std::optional<std::string>("bob"));
}

TEST_CASE("agent tokens: a failed reload keeps the previous tokens") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto alice = kb::CreateAgentToken("alice", file);
  REQUIRE(alice.ok());
  const auto tokens = LoadReloading(file, std::chrono::milliseconds(0));
  WriteFile(file, "this is not a token file\n");
  CHECK(tokens->Verify(*alice) == std::optional<std::string>("alice"));
  REQUIRE(::unlink(file.c_str()) == 0);
  CHECK(tokens->Verify(*alice) == std::optional<std::string>("alice"));
}

TEST_CASE("agent tokens: a failed reload is logged once, as a warning, to the options' log") {
  struct RecordingLog : kb::Log {
    void Write(kb::LogLevel level, std::string_view line) override {
      lines.emplace_back(level, line);
    }
    std::vector<std::pair<kb::LogLevel, std::string>> lines;
  } log;
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto alice = kb::CreateAgentToken("alice", file);
  REQUIRE(alice.ok());
  kb::AgentTokens::Options options;
  options.reload_check_interval = std::chrono::milliseconds(0);
  options.log = &log;
  auto tokens = kb::AgentTokens::Load(file, options);
  REQUIRE(tokens.ok());
  WriteFile(file, "this is not a token file\n");
  CHECK((*tokens)->Verify(*alice) == std::optional<std::string>("alice"));
  CHECK((*tokens)->Verify(*alice) == std::optional<std::string>("alice"));
  REQUIRE(log.lines.size() == 1);
  CHECK(log.lines[0].first == kb::LogLevel::kWarning);
  CHECK(log.lines[0].second.rfind(
            "agent tokens not reloaded, keeping the previous 1 token(s): InvalidArgument: ", 0) ==
        0);
}

TEST_CASE("agent tokens: Verify is safe from many threads during reloads") {
  TempDir dir;
  const std::string file = dir.Sub("tokens");
  auto alice = kb::CreateAgentToken("alice", file);
  REQUIRE(alice.ok());
  const auto tokens = LoadReloading(file, std::chrono::milliseconds(0));
  const kb::AgentTokens& set = *tokens;
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&set, &alice, &failures, t] {
      for (int i = 0; i < 300; ++i) {
        if (set.Verify(*alice) != std::optional<std::string>("alice")) ++failures[t];
      }
    });
  }
  for (int i = 0; i < 20; ++i)
    REQUIRE(kb::CreateAgentToken("agent" + std::to_string(i), file).ok());
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
}
