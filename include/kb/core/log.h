// kb::Log: where library code reports what an operator should know (a git
// publish that failed, a token file that could not be reloaded, a request
// that hit a bug). Library code never prints: the program that builds the
// services (the CLI) hands each one a Log, and decides where lines go.
//
// Implementations must be thread-safe: services log from worker threads.
#pragma once

#include <string_view>

namespace kb {

enum class LogLevel { kInfo, kWarning, kError };

class Log {
 public:
  virtual ~Log() = default;
  // One line, without a trailing newline.
  virtual void Write(LogLevel level, std::string_view line) = 0;

  void Info(std::string_view line) { Write(LogLevel::kInfo, line); }
  void Warning(std::string_view line) { Write(LogLevel::kWarning, line); }
  void Error(std::string_view line) { Write(LogLevel::kError, line); }
};

// A Log that drops every line (tests, and services nobody listens to).
Log& NullLog();

}  // namespace kb
