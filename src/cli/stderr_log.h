// The CLI's kb::Log: one "kb: line" per entry on stderr, whole lines even
// when worker threads log at once. Thread-safe.
#pragma once

#include <mutex>

#include "kb/core/log.h"

namespace kb::cli {

class StderrLog : public Log {
 public:
  void Write(LogLevel level, std::string_view line) override;

 private:
  std::mutex mu_;
};

}  // namespace kb::cli
