// AgentTokens: verify bearer tokens against the hashes in the token file,
// reloading the file when it changes.
#include "kb/auth/agent_tokens.h"

#include <openssl/crypto.h>

#include <string>
#include <vector>

#include "token_file.h"

namespace kb {

// One immutable snapshot of the file. Verify() works on a shared_ptr copy, so
// a reload never changes a set that another thread is reading.
struct AgentTokens::State {
  std::vector<auth::TokenEntry> entries;
  auth::FileStamp stamp;  // of the file version these entries came from (or failed to)
};

// Reads and parses `file` into a fresh snapshot.
Result<std::shared_ptr<const AgentTokens::State>> AgentTokens::ReadState(const std::string& file) {
  std::string content;
  auth::FileStamp stamp;
  Status s = auth::ReadWholeFile(file, &content, &stamp);
  if (!s.ok()) return s;
  auto entries = auth::ParseTokenFile(content, file);
  if (!entries.ok()) return entries.status();
  auto state = std::make_shared<AgentTokens::State>();
  state->entries = std::move(*entries);
  state->stamp = stamp;
  return std::shared_ptr<const AgentTokens::State>(std::move(state));
}

Result<std::unique_ptr<AgentTokens>> AgentTokens::Load(const std::string& file) {
  return Load(file, Options());
}

Result<std::unique_ptr<AgentTokens>> AgentTokens::Load(const std::string& file, Options options) {
  auto state = ReadState(file);
  if (!state.ok()) return state.status();
  return std::unique_ptr<AgentTokens>(new AgentTokens(file, options, std::move(*state)));
}

AgentTokens::AgentTokens(std::string file, Options options, std::shared_ptr<const State> state)
    : file_(std::move(file)),
      options_(options),
      state_(std::move(state)),
      last_check_(std::chrono::steady_clock::now()) {}

AgentTokens::~AgentTokens() = default;

std::shared_ptr<const AgentTokens::State> AgentTokens::CurrentState() const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < options_.reload_check_interval) return state_;
  last_check_ = now;

  auth::FileStamp stamp;  // stays "unknown" when stat fails
  Status stat = auth::StatFile(file_, &stamp);
  if (stamp == state_->stamp) return state_;
  auto fresh = stat.ok() ? ReadState(file_) : Result<std::shared_ptr<const State>>(stat);
  if (fresh.ok()) {
    state_ = std::move(*fresh);
    return state_;
  }
  // Keep the tokens we have; remember the bad version so it is logged once, not every second.
  options_.log->Warning("agent tokens not reloaded, keeping the previous " +
                        std::to_string(state_->entries.size()) +
                        " token(s): " + fresh.status().ToString());
  auto kept = std::make_shared<State>(*state_);
  kept->stamp = stamp;
  state_ = std::move(kept);
  return state_;
}

Status AgentTokens::Reload() const {
  auto fresh = ReadState(file_);
  std::lock_guard<std::mutex> lock(mu_);
  last_check_ = std::chrono::steady_clock::now();
  if (fresh.ok()) {
    state_ = std::move(*fresh);
    return Status::OK();
  }
  options_.log->Warning("agent tokens not reloaded, keeping the previous " +
                        std::to_string(state_->entries.size()) +
                        " token(s): " + fresh.status().ToString());
  return fresh.status();
}

std::optional<std::string> AgentTokens::Verify(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  const std::shared_ptr<const State> state = CurrentState();
  const auth::TokenHash hash = Sha256(token);
  // Look at every line and select the match with masks, so the time taken does
  // not depend on which line (if any) matched.
  size_t match_index = 0;
  size_t found = 0;
  for (size_t i = 0; i < state->entries.size(); ++i) {
    const size_t equal = static_cast<size_t>(
        CRYPTO_memcmp(state->entries[i].hash.data(), hash.data(), hash.size()) == 0);
    const size_t mask = 0 - equal;
    match_index = (match_index & ~mask) | (i & mask);
    found |= equal;
  }
  if (!found) return std::nullopt;
  return state->entries[match_index].name;
}

}  // namespace kb
