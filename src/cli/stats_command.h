// `kb stats REPORT`: prints an insights report (the tables of GET
// /api/v1/stats/REPORT) from the events database, read directly, also while
// kb serve writes it.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace kb::cli {

struct StatsArgs {
  std::string report;
  std::string data_dir;  // the folder of insights.sqlite
  std::string db_dir;    // or the index folder kb serve was given (its parent holds it)
  std::string lang, category, from, to, query;
  size_t limit = 50;
  size_t offset = 0;
  std::string format = "text";  // text (aligned columns) or csv
};

CLI::App* AddStatsCommand(CLI::App& app, StatsArgs* args);
// Exit status: 0 printed, 1 bad input (report, filter), 3 the database
// cannot be read.
int RunStats(const StatsArgs& args);

}  // namespace kb::cli
