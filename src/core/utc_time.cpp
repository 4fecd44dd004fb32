#include "kb/core/utc_time.h"

#include <ctime>

namespace kb {

std::string FormatUtc(int64_t seconds, const char* pattern) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[64];
  const size_t n = std::strftime(text, sizeof text, pattern, &tm);
  return std::string(text, n);
}

}  // namespace kb
