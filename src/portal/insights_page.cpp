// /agent/insights: the agents' insights page (issue 21 §2). Four reports of
// the EventStore (kb/insights/event_store.h), each drawn as an inline-SVG
// chart (svg_chart.h) with its table and a link to the same report as CSV:
// searches and self-service rate by day, top failed searches per language,
// articles by helpfulness with the reasons given, content gaps. Numbers and
// dates are formatted for the page's language; customers get the 404 page.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <variant>

#include "kb/insights/event_store.h"
#include "pages.h"
#include "svg_chart.h"

namespace kb::portal {
namespace {

constexpr size_t kChartRows = 10;  // bars per chart; the table and the CSV have the rest

// A bar chart as tall as its bars need (a fixed height makes two bars huge).
std::string Bars(const std::string& title, const std::vector<BarItem>& bars) {
  constexpr int kBarPixels = 28;
  return BarChartSvg(
      title, bars,
      ChartSize{640, static_cast<int>(bars.size()) * kBarPixels + 16});  // and the margins
}

double NumberOf(const ReportCell& cell) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  return 0;
}

std::string TextOf(const ReportCell& cell) {
  const auto* s = std::get_if<std::string>(&cell);
  return s ? *s : std::string();
}

// Column `name` of a report row (null when the report has no such column).
const ReportCell& At(const ReportTable& table, const std::vector<ReportCell>& row,
                     const std::string& name) {
  static const ReportCell kNull;
  for (size_t i = 0; i < table.columns.size() && i < row.size(); ++i)
    if (table.columns[i] == name) return row[i];
  return kNull;
}

// Seconds since the epoch of a UTC day "YYYY-MM-DD" (0 when it is not one).
int64_t DaySeconds(const std::string& day) {
  std::tm tm{};
  if (std::sscanf(day.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&tm));
}

class Formatter {
 public:
  Formatter(const PortalState& state, const std::string& lang) : state_(state), lang_(lang) {}
  std::string Percent(double rate) const {
    return state_.messages.Format(lang_, "insights_percent",
                                  {{"value", static_cast<int64_t>(rate * 100 + 0.5), "", false}});
  }
  // A cell as the table shows it: rates in percent, counts in the
  // language's digits, days in its date format, text as it is.
  std::string Cell(const std::string& column, const ReportCell& cell) const {
    if (std::holds_alternative<std::monostate>(cell)) return "";
    if (std::holds_alternative<double>(cell)) return Percent(std::get<double>(cell));
    if (std::holds_alternative<int64_t>(cell))
      return state_.messages.Number(lang_, std::get<int64_t>(cell));
    const std::string text = TextOf(cell);
    if (column == "day" || column == "last_day") {
      const int64_t seconds = DaySeconds(text);
      return seconds ? state_.messages.Date(lang_, seconds) : text;
    }
    return text;
  }
  std::string Text(const std::string& key) const { return state_.messages.Plain(lang_).at(key); }
  const std::string& lang() const { return lang_; }

 private:
  const PortalState& state_;
  const std::string& lang_;
};

// A table of `columns` of `rows` (all of `table`'s rows when null).
TemplateData Table(const Formatter& f, const ReportTable& table,
                   const std::vector<std::string>& columns,
                   const std::vector<const std::vector<ReportCell>*>& rows) {
  TemplateList head, body;
  for (const std::string& column : columns) {
    TemplateData th;
    th.set("text", f.Text("col_" + column));
    head.push_back(th);
  }
  for (const auto* row : rows) {
    TemplateList cells;
    for (const std::string& column : columns) {
      TemplateData td;
      td.set("text", f.Cell(column, At(table, *row, column)));
      cells.push_back(td);
    }
    TemplateData tr;
    tr.set("cells", cells);
    body.push_back(tr);
  }
  TemplateData data;
  data.set("head", head);
  data.set("empty", body.empty());
  data.set("rows", body);
  return data;
}

std::vector<const std::vector<ReportCell>*> AllRows(const ReportTable& table) {
  std::vector<const std::vector<ReportCell>*> rows;
  for (const auto& row : table.rows) rows.push_back(&row);
  return rows;
}

// One section of the page: heading, chart, table, CSV link.
TemplateData Section(const PortalState& state, const std::string& heading,
                     const std::string& report, std::string charts, TemplateData table) {
  TemplateData section;
  section.set("heading", heading);
  section.set("anchor", "insights-" + report);
  section.set("charts", charts);
  section.set("table", table);
  section.set("csv_url", SiteUrl(state, "/agent/insights/" + report + ".csv"));
  return section;
}

Result<ReportTable> Report(const PortalState& state, ReportKind kind, size_t limit) {
  ReportRequest request;
  request.kind = kind;
  request.limit = limit;
  return state.options.events->Report(request);
}

Result<TemplateData> Overview(const PortalState& state, const Formatter& f) {
  auto table = Report(state, ReportKind::kOverview, kMaxReportLimit);
  if (!table.ok()) return table.status();
  std::vector<std::string> days;
  Series searches{f.Text("col_searches"), {}}, zero{f.Text("col_zero_result_searches"), {}},
      rate{f.Text("col_self_service_rate"), {}};
  for (const auto& row : table->rows) {
    days.push_back(f.Cell("day", At(*table, row, "day")));
    searches.values.push_back(NumberOf(At(*table, row, "searches")));
    zero.values.push_back(NumberOf(At(*table, row, "zero_result_searches")));
    rate.values.push_back(NumberOf(At(*table, row, "self_service_rate")) * 100);
  }
  const std::string charts =
      TimeSeriesSvg(f.Text("insights_searches_chart"), days, {searches, zero}) +
      TimeSeriesSvg(f.Text("insights_rate_chart"), days, {rate});
  return Section(
      state, f.Text("insights_overview"), "overview", charts,
      Table(f, *table, {"day", "searches", "sessions", "zero_result_searches", "self_service_rate"},
            AllRows(*table)));
}

// The zero-result report split by language: a chart and a table for each.
Result<TemplateList> FailedByLanguage(const PortalState& state, const Formatter& f) {
  auto table = Report(state, ReportKind::kZeroResults, kMaxReportLimit);
  if (!table.ok()) return table.status();
  std::map<std::string, std::vector<const std::vector<ReportCell>*>> by_lang;
  for (const auto& row : table->rows) by_lang[TextOf(At(*table, row, "lang"))].push_back(&row);
  TemplateList sections;
  for (auto& [lang, rows] : by_lang) {
    if (rows.size() > kChartRows * 2) rows.resize(kChartRows * 2);
    std::vector<BarItem> bars;
    for (const auto* row : rows) {
      if (bars.size() == kChartRows) break;
      bars.push_back({TextOf(At(*table, *row, "query")), NumberOf(At(*table, *row, "searches"))});
    }
    const std::string heading = state.messages.Format(
        f.lang(), "insights_failed", {{"lang", 0, state.messages.NativeName(lang), true}});
    TemplateData section =
        Section(state, heading, "zero-results", Bars(heading, bars),
                Table(f, *table, {"query", "searches", "sessions", "last_day"}, rows));
    section.set("anchor", "insights-zero-results-" + lang);
    sections.push_back(section);
  }
  return sections;
}

Result<TemplateData> Helpfulness(const PortalState& state, const Formatter& f) {
  auto table = Report(state, ReportKind::kArticles, kMaxReportLimit);
  if (!table.ok()) return table.status();
  std::vector<const std::vector<ReportCell>*> voted;
  for (const auto& row : table->rows)
    if (NumberOf(At(*table, row, "votes")) > 0) voted.push_back(&row);
  // Most helpful first; the least helpful end the list, where a writer looks.
  std::stable_sort(voted.begin(), voted.end(), [&](const auto* a, const auto* b) {
    return NumberOf(At(*table, *a, "helpfulness")) > NumberOf(At(*table, *b, "helpfulness"));
  });
  std::vector<BarItem> bars;
  for (const auto* row : voted) {
    if (bars.size() == kChartRows) break;
    bars.push_back(
        {TextOf(At(*table, *row, "article")), NumberOf(At(*table, *row, "helpfulness")) * 100});
  }
  const std::string heading = f.Text("insights_helpfulness");
  return Section(state, heading, "articles", Bars(heading, bars),
                 Table(f, *table, {"article", "votes", "helpfulness", "reasons"}, voted));
}

Result<TemplateData> ContentGaps(const PortalState& state, const Formatter& f) {
  auto table = Report(state, ReportKind::kContentGaps, kChartRows * 5);
  if (!table.ok()) return table.status();
  std::vector<BarItem> bars;
  for (const auto& row : table->rows) {
    if (bars.size() == kChartRows) break;
    bars.push_back(
        {TextOf(At(*table, row, "example")) + " (" + TextOf(At(*table, row, "lang")) + ")",
         NumberOf(At(*table, row, "searches"))});
  }
  const std::string heading = f.Text("insights_gaps");
  return Section(state, heading, "content-gaps", Bars(heading, bars),
                 Table(f, *table, {"lang", "example", "searches", "zero_results", "no_clicks"},
                       AllRows(*table)));
}

}  // namespace

Page InsightsPage(const PortalState& state, const PageRequest& request) {
  if (!request.agent) return NotFoundPage(state, request);  // never a customer's
  const std::string lang = UiLanguage(state, request, "");
  const Formatter f(state, lang);
  PageFrame frame;
  frame.lang = lang;
  frame.title = f.Text("insights_title");
  frame.noindex = true;
  frame.switch_path = "/agent/insights";
  TemplateData data = CommonData(state, request, lang);
  data.set("insights_section", state.templates.Partial("insights_section"));
  if (!state.options.events) {
    data.set("off", true);
    return RenderPage(state, frame, "insights", data);
  }
  auto overview = Overview(state, f);
  auto failed = FailedByLanguage(state, f);
  auto helpfulness = Helpfulness(state, f);
  auto gaps = ContentGaps(state, f);
  for (const Status& s : {overview.status(), failed.status(), helpfulness.status(), gaps.status()})
    if (!s.ok()) return BadRequestPage(state, request, s);
  data.set("overview", *overview);
  data.set("failed_heading", f.Text("insights_failed_heading"));
  data.set("failed", *failed);
  data.set("helpfulness", *helpfulness);
  data.set("gaps", *gaps);
  return RenderPage(state, frame, "insights", data);
}

}  // namespace kb::portal
