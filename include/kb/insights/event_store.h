// kb::EventStore: where insights events are kept and the reports read from
// (docs/api.md, "Insights"). The interface is the whole contract, so that a
// PostgreSQL store can replace SQLite when kb runs on several nodes; nothing
// else in kb knows which database is behind it.
//
// Thread-safety: an EventStore is thread-safe. Record and DeleteBefore are
// meant for one writer thread (EventRecorder); reports may run from any
// number of threads at the same time, also in other processes (kb stats
// reads the file while kb serve writes it).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "kb/core/status.h"
#include "kb/insights/event.h"
#include "kb/insights/nudge.h"

namespace kb {

// The reports, by the name the API and `kb stats` use.
enum class ReportKind {
  kOverview,     // "overview": totals and one row per day
  kTopQueries,   // "top-queries"
  kZeroResults,  // "zero-results"
  kNoClicks,     // "no-clicks"
  kArticles,     // "articles"
  kContentGaps,  // "content-gaps"
  kQueryClicks,  // "clicks": which articles customers clicked for a query
  kFeedback,     // "feedback": votes with a text, newest first
};

struct ReportName {
  ReportKind kind;
  const char* name;
};
const std::vector<ReportName>& ReportNames();
// The kind named `name`; InvalidArgument listing the names otherwise.
Result<ReportKind> ParseReportKind(std::string_view name);

inline constexpr size_t kMaxReportLimit = 1000;

struct ReportRequest {
  ReportKind kind = ReportKind::kOverview;
  std::string lang;      // "": every language
  std::string category;  // "": every category
  std::string from;      // "" or a UTC day YYYY-MM-DD: events on or after it
  std::string to;        // "" or a UTC day YYYY-MM-DD: events on or before it
  std::string query;     // kQueryClicks only (required): the query as typed
  size_t limit = 50;     // rows per page, 1..kMaxReportLimit
  size_t offset = 0;
};

// One cell: null, an integer, a number (rates: 0..1, four decimals) or text.
using ReportCell = std::variant<std::monostate, int64_t, double, std::string>;

struct ReportTable {
  std::string name;                           // the report's name ("top-queries")
  std::vector<std::string> columns;           // names, in order
  std::vector<std::vector<ReportCell>> rows;  // one page, each as long as `columns`
  uint64_t total = 0;                         // rows over all pages
  // The overview's totals over the whole period (same columns as `rows`
  // without "day"); empty for the other reports.
  std::vector<std::string> summary_columns;
  std::vector<ReportCell> summary;
};

// OK, or InvalidArgument naming the bad field: a day that is not YYYY-MM-DD,
// from after to, a limit outside 1..1000, a clicks report without query.
Status ValidateReportRequest(const ReportRequest& request);

// A popular query for autocomplete: typed by several sessions, with results.
struct PopularQuery {
  std::string lang;
  std::string query;  // normalized
  uint64_t sessions = 0;
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // Stores `events` in one transaction: all or none. A vote replaces the
  // same session's earlier vote on the same article. IOError/Corruption when
  // the database cannot be written.
  virtual Status Record(const std::vector<Event>& events) = 0;
  // Deletes every event older than `cutoff` (seconds since the epoch);
  // returns how many were deleted.
  virtual Result<uint64_t> DeleteBefore(int64_t cutoff) = 0;
  // One page of a report (ValidateReportRequest's errors first).
  virtual Result<ReportTable> Report(const ReportRequest& request) = 0;
  // Queries customers searched since `since` from at least `min_sessions`
  // sessions and that found something, most sessions first, at most
  // `limit` per language.
  virtual Result<std::vector<PopularQuery>> PopularQueries(int64_t since, uint64_t min_sessions,
                                                           size_t limit) = 0;
  // Per article with any since `since`: its clicks and votes (the nudge).
  virtual Result<std::vector<ArticleSignal>> ArticleSignals(int64_t since) = 0;
};

// The SQLite store in the file DATA_DIR/insights.sqlite (kSqliteFileName),
// created with DATA_DIR if missing, in WAL mode. Its schema is versioned
// (PRAGMA user_version) and older files are migrated on open. IOError when
// it cannot be created or opened, Corruption when it is not a kb events
// database or was written by a newer kb.
inline constexpr const char* kSqliteFileName = "insights.sqlite";
Result<std::unique_ptr<EventStore>> OpenSqliteEventStore(const std::string& data_dir);

// The schema version this kb writes (the migrations it knows).
int SqliteSchemaVersion();

}  // namespace kb
