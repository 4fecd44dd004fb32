// A report's from/to days as epoch seconds. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "kb/insights/event_store.h"

namespace kb {

struct TimeRange {
  int64_t from = 0;
  int64_t to = int64_t{1} << 40;  // exclusive
};

// Seconds since the epoch at 00:00 UTC of "YYYY-MM-DD"; InvalidArgument
// naming `name` otherwise.
Result<int64_t> DayStart(const std::string& day, const char* name);
// [from's start, the end of to's day); InvalidArgument as ValidateReportRequest.
Result<TimeRange> RangeOf(const ReportRequest& request);

}  // namespace kb
