// Report names and request checks, the same for every store.
#include <cstdio>

#include "kb/insights/event_store.h"
#include "report_days.h"

namespace kb {

const std::vector<ReportName>& ReportNames() {
  static const std::vector<ReportName> names = {
      {ReportKind::kOverview, "overview"},        {ReportKind::kTopQueries, "top-queries"},
      {ReportKind::kZeroResults, "zero-results"}, {ReportKind::kNoClicks, "no-clicks"},
      {ReportKind::kArticles, "articles"},        {ReportKind::kContentGaps, "content-gaps"},
      {ReportKind::kQueryClicks, "clicks"},       {ReportKind::kFeedback, "feedback"}};
  return names;
}

Result<ReportKind> ParseReportKind(std::string_view name) {
  std::string known;
  for (const ReportName& r : ReportNames()) {
    if (name == r.name) return r.kind;
    known += (known.empty() ? "" : ", ") + std::string(r.name);
  }
  return Status::InvalidArgument("unknown report '" + std::string(name) + "' (reports: " + known +
                                 ")");
}

Result<int64_t> DayStart(const std::string& day, const char* name) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  const bool shaped = day.size() == 10 && day[4] == '-' && day[7] == '-' &&
                      std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int month_days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!shaped || y < 1970 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1])
    return Status::InvalidArgument(std::string(name) + " must be a day as YYYY-MM-DD, not '" + day +
                                   "'");
  // Days since the epoch of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const int yy = y - (m <= 2);
  const int era = yy / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (int64_t{era} * 146097 + doe - 719468) * 86400;
}

Result<TimeRange> RangeOf(const ReportRequest& request) {
  TimeRange range;
  if (!request.from.empty()) {
    auto from = DayStart(request.from, "from");
    if (!from.ok()) return from.status();
    range.from = *from;
  }
  if (!request.to.empty()) {
    auto to = DayStart(request.to, "to");
    if (!to.ok()) return to.status();
    range.to = *to + 86400;
  }
  if (range.from >= range.to) return Status::InvalidArgument("from must not be after to");
  return range;
}

Status ValidateReportRequest(const ReportRequest& request) {
  if (auto range = RangeOf(request); !range.ok()) return range.status();
  if (request.limit < 1 || request.limit > kMaxReportLimit)
    return Status::InvalidArgument("limit must be from 1 to " + std::to_string(kMaxReportLimit));
  if (request.kind == ReportKind::kQueryClicks &&
      request.query.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::InvalidArgument("q is required: the query whose clicks to show");
  return Status::OK();
}

}  // namespace kb
