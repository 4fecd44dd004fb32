#include "kb/insights/report_format.h"

#include <algorithm>
#include <cstdio>

#include "kb/core/utf8.h"

namespace kb {
namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The overview's rows with the totals as a last row whose day is "total".
std::vector<std::vector<ReportCell>> RowsWithTotals(const ReportTable& table) {
  std::vector<std::vector<ReportCell>> rows = table.rows;
  if (!table.summary.empty()) {
    std::vector<ReportCell> total = {std::string("total")};
    total.insert(total.end(), table.summary.begin(), table.summary.end());
    rows.push_back(std::move(total));
  }
  return rows;
}

}  // namespace

std::string CellText(const ReportCell& cell) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", *d);
    return buf;
  }
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  return "";
}

std::string ReportCsv(const ReportTable& table) {
  std::string out;
  auto line = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
    out += "\r\n";
  };
  line(table.columns);
  for (const auto& row : RowsWithTotals(table)) {
    std::vector<std::string> fields;
    for (const ReportCell& cell : row) fields.push_back(CellText(cell));
    line(fields);
  }
  return out;
}

std::string ReportText(const ReportTable& table) {
  std::vector<std::vector<std::string>> lines = {table.columns};
  for (const auto& row : RowsWithTotals(table)) {
    std::vector<std::string> fields;
    for (const ReportCell& cell : row) fields.push_back(CellText(cell));
    lines.push_back(std::move(fields));
  }
  std::vector<size_t> widths(table.columns.size(), 0);
  for (const auto& fields : lines)
    for (size_t i = 0; i < fields.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], CountCodePoints(fields[i]));
  std::string out;
  for (const auto& fields : lines) {
    std::string text;
    for (size_t i = 0; i < fields.size(); ++i) {
      text += fields[i];
      if (i + 1 < fields.size())
        text += std::string(widths[i] - CountCodePoints(fields[i]) + 2, ' ');
    }
    out += text + "\n";
  }
  out += std::to_string(table.rows.size()) + " of " + std::to_string(table.total) + " rows\n";
  return out;
}

}  // namespace kb
