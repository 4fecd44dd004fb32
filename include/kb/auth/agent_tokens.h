// Agent tokens: the credentials that let support agents see internal articles.
//
// A token file holds one `name:sha256hex` line per agent (CONTRACT.md §2): the
// SHA-256 of the token, never the token itself. `kb token new` appends a line
// with CreateAgentToken(); `kb serve` checks `Authorization: Bearer` tokens
// with AgentTokens::Verify().
//
// Thread-safety: CreateAgentToken() serialises concurrent creators in the same
// folder with an advisory lock. An AgentTokens object is fully thread-safe:
// Verify() may be called from any number of threads at once, and it picks up
// changes to the file (new tokens) while the server runs. It never prints:
// a reload that fails is logged to the Log in its Options.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/core/log.h"
#include "kb/core/status.h"

namespace kb {

// Creates a new random token for agent `name` and stores its hash in `file`.
// `name` must be non-empty and use only [A-Za-z0-9._-].
// The file is rewritten as a whole (temp file, fsync, rename) with mode 0600;
// it is created if missing.
// Returns the token ("kbt_" + 64 hex chars, 256 random bits) on success; the
// caller shows it once, it cannot be recovered later.
// Failures: InvalidArgument for a bad or already present name or a malformed
// existing file (with file:line); IOError when the file cannot be read or
// written, or no randomness is available.
Result<std::string> CreateAgentToken(const std::string& name, const std::string& file);

// The agent names in `file`, in file order. IOError when it cannot be read
// (missing included), InvalidArgument "file:line: ..." when malformed.
Result<std::vector<std::string>> ListAgentTokens(const std::string& file);

// Removes agent `name`'s line from `file` (rewritten as CreateAgentToken
// does, under the same lock). A running `kb serve` refuses the token from its
// next reload (a second at most, or at once on SIGHUP). NotFound when the
// file has no such agent; IOError/InvalidArgument as ListAgentTokens.
Status RevokeAgentToken(const std::string& name, const std::string& file);

// The set of valid agent tokens, loaded from a token file.
class AgentTokens {
 public:
  struct Options {
    // How often Verify() may look at the file's mtime to reload it.
    std::chrono::milliseconds reload_check_interval{1000};
    // Where a failed reload is logged (a warning). Not owned; must outlive the
    // AgentTokens and be thread-safe (kb/core/log.h).
    Log* log = &NullLog();
  };

  // Loads `file`. Returns IOError when it cannot be read (e.g. missing),
  // InvalidArgument "file:line: expected name:sha256hex" for a malformed line.
  static Result<std::unique_ptr<AgentTokens>> Load(const std::string& file);
  static Result<std::unique_ptr<AgentTokens>> Load(const std::string& file, Options options);

  ~AgentTokens();
  AgentTokens(const AgentTokens&) = delete;
  AgentTokens& operator=(const AgentTokens&) = delete;

  // Returns the agent name whose token this is, or nullopt for an unknown
  // token. Takes the same time whichever stored line matches. When the file
  // has changed since the last look (checked at most once per
  // reload_check_interval) it is reloaded first; a reload that fails keeps the
  // previous set and logs a warning, once per version of the file, to
  // Options::log: "agent tokens not reloaded, keeping the previous N
  // token(s): <status>".
  std::optional<std::string> Verify(std::string_view token) const;

  // Rereads the file now (SIGHUP), whatever its stamp. OK when the new set is
  // in use; otherwise the previous set is kept and the error returned (and
  // logged as Verify's reloads are).
  Status Reload() const;

 private:
  struct State;
  AgentTokens(std::string file, Options options, std::shared_ptr<const State> state);
  static Result<std::shared_ptr<const State>> ReadState(const std::string& file);
  std::shared_ptr<const State> CurrentState() const;

  const std::string file_;
  const Options options_;
  mutable std::mutex mu_;  // guards state_ and the reload bookkeeping below
  mutable std::shared_ptr<const State> state_;
  mutable std::chrono::steady_clock::time_point last_check_;
};

}  // namespace kb
