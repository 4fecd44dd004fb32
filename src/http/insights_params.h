// The parameters of the insights routes: the search's `session` and `time`,
// and the stats reports' filters. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "kb/insights/event_store.h"
#include "params.h"

namespace kb::http {

namespace param {
inline constexpr const char* kSession = "session";
inline constexpr const char* kTime = "time";
inline constexpr const char* kFrom = "from";
inline constexpr const char* kTo = "to";
inline constexpr const char* kFormat = "format";
}  // namespace param

inline constexpr size_t kMaxEventsPerRequest = 100;
inline constexpr size_t kMaxEventsBodyBytes = 256 * 1024;

// Added to GET /api/v1/search: session (the id a search returned) and time
// (with --trust-event-time only).
std::vector<ParamSpec> SearchInsightsParams();
// GET /api/v1/stats/*: lang, category, from, to, limit (1..1000, default
// 50), offset, format (json or csv); the clicks report also q (required).
std::vector<ParamSpec> StatsParams(ReportKind kind);
// The report request the checked values ask for; InvalidArgument for a bad
// format (ReportRequest's own checks are the store's).
ReportRequest ReportRequestFrom(ReportKind kind, const ParamValues& values);
// "json" or "csv"; InvalidArgument otherwise.
Result<std::string> ReportFormat(const ParamValues& values);
// The time to record: now, or the `time` parameter when the server trusts
// it. InvalidArgument for a time given to a server that does not.
Result<int64_t> EventTime(const ParamValues& values, bool trusted, int64_t now);

}  // namespace kb::http
