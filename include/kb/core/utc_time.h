// UTC times as text: one strftime-based formatter for the HTTP dates, RFC
// 3339 stamps, log times and report days that several parts write.
// Thread-safe (gmtime_r); never fails for a time_t the platform can hold.
#pragma once

#include <cstdint>
#include <string>

namespace kb {

// `seconds` since the epoch, in UTC, as strftime `pattern` writes it
// ("%Y-%m-%d" -> "2026-12-06"); the text is cut at 63 bytes.
std::string FormatUtc(int64_t seconds, const char* pattern);

}  // namespace kb
