// The SQL of each report over the schema of sqlite_schema.h. Every
// statement takes the same named parameters: :lang and :category ("" for
// all), :from and :to (seconds since the epoch, to exclusive), :limit and
// :offset, and :analysed (the clicks report's query). Customers' searches
// only (agent = 0). Rates are rounded to 4 decimals. Pure data; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "kb/insights/event_store.h"

namespace kb::sqlite {

struct ReportSql {
  std::vector<std::string> columns;
  std::string rows;   // one page
  std::string count;  // one row, one integer: the rows over all pages
  // The overview's totals; "" for the others.
  std::vector<std::string> summary_columns;
  std::string summary;
};

ReportSql SqlFor(ReportKind kind);

}  // namespace kb::sqlite
