#include "stats_command.h"

#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "kb/core/language_tag.h"
#include "kb/insights/event_store.h"
#include "kb/insights/report_format.h"
#include "serve_command.h"

namespace kb::cli {

CLI::App* AddStatsCommand(CLI::App& app, StatsArgs* args) {
  std::string names;
  for (const ReportName& r : ReportNames())
    names += (names.empty() ? "" : ", ") + std::string(r.name);
  auto* stats = app.add_subcommand("stats", "Print an insights report (agents' /api/v1/stats)");
  stats->add_option("REPORT", args->report, "One of: " + names)->required();
  stats->add_option("--data", args->data_dir, "Folder of insights.sqlite (kb serve --data)");
  stats->add_option("--db", args->db_dir, "Or the index folder kb serve was given without --data");
  stats->add_option("--lang", args->lang, "Only this language");
  stats->add_option("--category", args->category, "Only this category");
  stats->add_option("--from", args->from, "Only events on or after this UTC day (YYYY-MM-DD)");
  stats->add_option("--to", args->to, "Only events on or before this UTC day (YYYY-MM-DD)");
  stats->add_option("--q", args->query, "The clicks report's query");
  stats->add_option("--limit", args->limit, "Rows per page")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, kMaxReportLimit));
  stats->add_option("--offset", args->offset, "Rows to skip")->capture_default_str();
  stats->add_option("--format", args->format, "text or csv")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "csv"}));
  return stats;
}

int RunStats(const StatsArgs& args) {
  auto fail = [](const Status& s) {
    std::fprintf(stderr, "kb: %s\n", s.ToString().c_str());
    return s.code() == StatusCode::kInvalidArgument ? kExitBadInput : kExitFailure;
  };
  auto kind = ParseReportKind(args.report);
  if (!kind.ok()) return fail(kind.status());
  if (args.data_dir.empty() && args.db_dir.empty())
    return fail(Status::InvalidArgument("give --data DIR (or --db DB_DIR)"));
  const std::string data_dir = InsightsDataDir(args.data_dir, args.db_dir);
  // Never create a database here: a wrong folder is an error, not an empty report.
  if (!std::filesystem::exists(std::filesystem::path(data_dir) / kSqliteFileName))
    return fail(Status::IOError("no insights database in " + data_dir));
  ReportRequest request;
  request.kind = *kind;
  if (!args.lang.empty()) {
    auto lang = PrimaryLanguageSubtag(args.lang, TagSeparators::kHyphen);
    if (!lang) return fail(Status::InvalidArgument("--lang must be a language tag such as en"));
    request.lang = *lang;
  }
  request.category = args.category;
  request.from = args.from;
  request.to = args.to;
  request.query = args.query;
  request.limit = args.limit;
  request.offset = args.offset;
  auto store = OpenSqliteEventStore(data_dir);
  if (!store.ok()) return fail(store.status());
  auto table = (*store)->Report(request);
  if (!table.ok()) return fail(table.status());
  const std::string out = args.format == "csv" ? ReportCsv(*table) : ReportText(*table);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace kb::cli
