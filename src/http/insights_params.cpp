#include "insights_params.h"

#include "request_params.h"

namespace kb::http {

using namespace param;

namespace {

constexpr size_t kMaxDayBytes = 64;  // longer than a day, so a bad one is a 400 that says why
constexpr size_t kMaxReportOffset = 1000000;
constexpr size_t kMaxTime = 0xFFFFFFFF;

}  // namespace

std::vector<ParamSpec> SearchInsightsParams() {
  return {
      TextParam(kSession, 64,
                "The `session` a previous search returned, to keep the visitor's session "
                "(insights); a missing, malformed or expired one gets a new id."),
      IntegerParam(kTime, {1, kMaxTime, 0, AboveMax::kReject},
                   "Tests and imports only: the time to record (seconds since 1970); accepted "
                   "only when kb serve runs with --trust-event-time."),
  };
}

std::vector<ParamSpec> StatsParams(ReportKind kind) {
  std::vector<ParamSpec> specs;
  if (kind == ReportKind::kQueryClicks)
    specs.push_back(RequiredTextParam(kQuery, kMaxQueryBytes,
                                      "The query: clicks after searches with the same analysed "
                                      "form (its words' stems) are counted."));
  std::vector<ParamSpec> filters = {
      LanguageParam(kLang,
                    "Only this language (a BCP-47 tag means its language); absent or "
                    "`auto`: every language."),
      TextParam(kCategory, kMaxFilterBytes,
                "Only this category (a search's is its best hit's, an article event's the "
                "article's)."),
      TextParam(kFrom, kMaxDayBytes, "Only events on or after this UTC day (YYYY-MM-DD)."),
      TextParam(kTo, kMaxDayBytes, "Only events on or before this UTC day (YYYY-MM-DD)."),
      IntegerParam(kLimit, {1, kMaxReportLimit, 50, AboveMax::kClamp},
                   "Rows per page; larger values are clamped to 1000."),
      IntegerParam(kOffset, {0, kMaxReportOffset, 0, AboveMax::kClamp}, "Rows to skip."),
      TextParam(kFormat, 4, "`json` (default) or `csv` (text/csv, a header line first)."),
  };
  specs.insert(specs.end(), filters.begin(), filters.end());
  return specs;
}

ReportRequest ReportRequestFrom(ReportKind kind, const ParamValues& values) {
  ReportRequest request;
  request.kind = kind;
  request.query = values.Text(kQuery);
  request.lang = values.Language(kLang);
  if (request.lang == "auto") request.lang.clear();
  request.category = values.Text(kCategory);
  request.from = values.Text(kFrom);
  request.to = values.Text(kTo);
  request.limit = values.Integer(kLimit);
  request.offset = values.Integer(kOffset);
  return request;
}

Result<std::string> ReportFormat(const ParamValues& values) {
  const std::string format = values.Has(kFormat) ? values.Text(kFormat) : "json";
  if (format != "json" && format != "csv")
    return Status::InvalidArgument("format must be json or csv");
  return format;
}

Result<int64_t> EventTime(const ParamValues& values, bool trusted, int64_t now) {
  if (!values.Has(kTime)) return now;
  if (!trusted)
    return Status::InvalidArgument(
        "time is accepted only when kb serve runs with --trust-event-time");
  return static_cast<int64_t>(values.Integer(kTime));
}

}  // namespace kb::http
