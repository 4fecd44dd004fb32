#include "stderr_log.h"

#include <cstdio>

namespace kb::cli {

void StderrLog::Write(LogLevel level, std::string_view line) {
  const char* tag = level == LogLevel::kError     ? "error: "
                    : level == LogLevel::kWarning ? "warning: "
                                                  : "";
  std::lock_guard<std::mutex> lock(mu_);
  std::fprintf(stderr, "kb: %s%.*s\n", tag, static_cast<int>(line.size()), line.data());
}

}  // namespace kb::cli
