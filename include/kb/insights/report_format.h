// Reports as text: CSV (RFC 4180) for `?format=csv` and `kb stats --format
// csv`, and an aligned table for `kb stats`. Pure functions; thread-safe.
#pragma once

#include <string>

#include "kb/insights/event_store.h"

namespace kb {

// A cell as text: "" for null, integers in decimal, numbers with 4 decimals.
std::string CellText(const ReportCell& cell);
// A header line and one line per row (CRLF line ends, fields with a comma,
// quote or line break quoted). The overview adds its totals as a last row
// whose day is "total".
std::string ReportCsv(const ReportTable& table);
// The same rows as columns aligned with spaces, and a line "N of TOTAL rows".
std::string ReportText(const ReportTable& table);

}  // namespace kb
