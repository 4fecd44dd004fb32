// The SQLite EventStore: one connection for the writer, one for reports,
// each behind its own mutex (WAL lets them work at the same time), and an
// analyzer each for the query forms.
#include <filesystem>
#include <mutex>
#include <optional>

#include "kb/analysis/analysis.h"
#include "kb/insights/event_store.h"
#include "query_forms.h"
#include "report_days.h"
#include "sqlite_db.h"
#include "sqlite_reports.h"
#include "sqlite_schema.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using sqlite::Db;
using sqlite::Statement;

const char* const kInsertSql[] = {
    // search
    "INSERT INTO searches(time, session, query, analysed, lang, category, results, fallback,"
    " corrected, latency_ms, agent) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    // click
    "INSERT INTO clicks(time, session, query, analysed, lang, category, article, rank)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    // view
    "INSERT INTO views(time, session, article, lang, category) VALUES(?1, ?2, ?3, ?4, ?5)",
    // vote: one per session and article, the last one wins
    "INSERT OR REPLACE INTO votes(time, session, article, lang, category, helpful, reason, text)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    // contact
    "INSERT INTO contacts(time, session, channel) VALUES(?1, ?2, ?3)",
};

class SqliteEventStore : public EventStore {
 public:
  SqliteEventStore(std::unique_ptr<Db> writer, std::unique_ptr<Db> reader)
      : writer_(std::move(writer)),
        reader_(std::move(reader)),
        write_analyzer_(NewAnalyzer()),
        read_analyzer_(NewAnalyzer()) {}

  Status Record(const std::vector<Event>& events) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    sqlite::Transaction tx(writer_.get());
    if (Status s = tx.Begin(); !s.ok()) return s;
    for (const Event& e : events) {
      auto stmt = Insert(e.type);
      if (!stmt.ok()) return stmt.status();
      Bind(e, *stmt);
      if (Status s = (*stmt)->Run(); !s.ok()) return s;
    }
    return tx.Commit();
  }

  Result<uint64_t> DeleteBefore(int64_t cutoff) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    sqlite::Transaction tx(writer_.get());
    if (Status s = tx.Begin(); !s.ok()) return s;
    uint64_t deleted = 0;
    for (const char* table : {"searches", "clicks", "views", "votes", "contacts"}) {
      auto stmt = writer_->Prepare(std::string("DELETE FROM ") + table + " WHERE time < ?1");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, cutoff);
      if (Status s = stmt->Run(); !s.ok()) return s;
      deleted += static_cast<uint64_t>(writer_->Changes());
    }
    if (Status s = tx.Commit(); !s.ok()) return s;
    return deleted;
  }

  Result<ReportTable> Report(const ReportRequest& request) override {
    if (Status s = ValidateReportRequest(request); !s.ok()) return s;
    auto range = RangeOf(request);
    if (!range.ok()) return range.status();
    const sqlite::ReportSql sql = sqlite::SqlFor(request.kind);
    std::lock_guard<std::mutex> lock(read_mu_);
    std::string analysed;
    if (request.kind == ReportKind::kQueryClicks) {
      const std::string lang = request.lang.empty() ? DetectLanguage(request.query) : request.lang;
      analysed = FormsOf(*read_analyzer_, request.query, lang).analysed;
    }
    auto bind = [&](Statement* stmt) {
      stmt->BindNamed(":lang", request.lang);
      stmt->BindNamed(":category", request.category);
      stmt->BindNamed(":from", range->from);
      stmt->BindNamed(":to", range->to);
      stmt->BindNamed(":limit", static_cast<int64_t>(request.limit));
      stmt->BindNamed(":offset", static_cast<int64_t>(request.offset));
      stmt->BindNamed(":analysed", analysed);
    };
    // One read transaction, so the page, the count and the totals agree.
    sqlite::Transaction tx(reader_.get());
    if (Status s = reader_->Exec("BEGIN"); !s.ok()) return s;
    ReportTable table;
    for (const ReportName& n : ReportNames())
      if (n.kind == request.kind) table.name = n.name;
    table.columns = sql.columns;
    auto rows = Query(sql.rows, bind);
    if (!rows.ok()) return rows.status();
    table.rows = std::move(*rows);
    auto count = Query(sql.count, bind);
    if (!count.ok()) return count.status();
    table.total = static_cast<uint64_t>(std::get<int64_t>(count->front().front()));
    if (!sql.summary.empty()) {
      auto summary = Query(sql.summary, bind);
      if (!summary.ok()) return summary.status();
      table.summary_columns = sql.summary_columns;
      table.summary = std::move(summary->front());
    }
    return table;
  }

  Result<std::vector<PopularQuery>> PopularQueries(int64_t since, uint64_t min_sessions,
                                                   size_t limit) override {
    std::lock_guard<std::mutex> lock(read_mu_);
    auto stmt = reader_->Prepare(
        "SELECT lang, query, COUNT(DISTINCT session) AS n FROM searches"
        " WHERE agent = 0 AND results > 0 AND time >= ?1 GROUP BY lang, query"
        " HAVING n >= ?2 ORDER BY lang, n DESC, query");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, since);
    stmt->Bind(2, static_cast<int64_t>(min_sessions));
    auto rows = stmt->Rows();
    if (!rows.ok()) return rows.status();
    std::vector<PopularQuery> out;
    size_t in_lang = 0;
    for (const auto& row : *rows) {
      PopularQuery q{std::get<std::string>(row[0]), std::get<std::string>(row[1]),
                     static_cast<uint64_t>(std::get<int64_t>(row[2]))};
      in_lang = !out.empty() && out.back().lang == q.lang ? in_lang + 1 : 1;
      if (in_lang <= limit) out.push_back(std::move(q));
    }
    return out;
  }

 private:
  // The prepared INSERT of an event type, made once (guarded by write_mu_).
  Result<Statement*> Insert(EventType type) {
    std::optional<Statement>& insert = inserts_[static_cast<int>(type)];
    if (!insert) {
      auto stmt = writer_->Prepare(kInsertSql[static_cast<int>(type)]);
      if (!stmt.ok()) return stmt.status();
      insert.emplace(std::move(*stmt));
    }
    return &*insert;
  }

  Result<std::vector<ArticleSignal>> ArticleSignals(int64_t since) override {
    std::lock_guard<std::mutex> lock(read_mu_);
    auto stmt = reader_->Prepare(
        "SELECT article, SUM(c), SUM(h), SUM(n) FROM ("
        " SELECT article, 1 AS c, 0 AS h, 0 AS n FROM clicks WHERE time >= ?1"
        " UNION ALL SELECT article, 0, helpful, 1 - helpful FROM votes WHERE time >= ?1)"
        " GROUP BY article");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, since);
    auto rows = stmt->Rows();
    if (!rows.ok()) return rows.status();
    std::vector<ArticleSignal> out;
    for (const auto& row : *rows) {
      auto count = [&](size_t i) { return static_cast<uint64_t>(std::get<int64_t>(row[i])); };
      out.push_back({std::get<std::string>(row[0]), count(1), count(2), count(3)});
    }
    return out;
  }

  template <typename BindFn>
  Result<std::vector<std::vector<ReportCell>>> Query(const std::string& sql, BindFn bind) {
    auto stmt = reader_->Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    bind(&*stmt);
    return stmt->Rows();
  }

  void Bind(const Event& e, Statement* stmt) {
    stmt->Bind(1, e.time);
    stmt->Bind(2, e.session);
    switch (e.type) {
      case EventType::kSearch:
      case EventType::kClick: {
        const QueryForms forms = FormsOf(*write_analyzer_, e.query, e.lang);
        stmt->Bind(3, forms.normalized);
        stmt->Bind(4, forms.analysed);
        stmt->Bind(5, e.lang);
        stmt->Bind(6, e.category);
        if (e.type == EventType::kClick) {
          stmt->Bind(7, e.article);
          stmt->Bind(8, e.rank);
          return;
        }
        stmt->Bind(7, static_cast<int64_t>(e.results));
        stmt->Bind(8, int64_t{e.fallback});
        stmt->Bind(9, int64_t{e.corrected});
        stmt->Bind(10, e.latency_ms);
        stmt->Bind(11, int64_t{e.agent});
        return;
      }
      case EventType::kView:
      case EventType::kVote:
        stmt->Bind(3, e.article);
        stmt->Bind(4, e.lang);
        stmt->Bind(5, e.category);
        if (e.type == EventType::kVote) {
          stmt->Bind(6, int64_t{e.helpful});
          stmt->Bind(7, e.reason);
          stmt->Bind(8, e.text);
        }
        return;
      case EventType::kContact:
        stmt->Bind(3, e.channel);
        return;
    }
  }

  std::mutex write_mu_;
  std::unique_ptr<Db> writer_;
  std::mutex read_mu_;
  std::unique_ptr<Db> reader_;
  std::unique_ptr<Analyzer> write_analyzer_;  // guarded by write_mu_
  std::unique_ptr<Analyzer> read_analyzer_;   // guarded by read_mu_
  std::optional<Statement> inserts_[5];       // by EventType; guarded by write_mu_
};

}  // namespace

int SqliteSchemaVersion() { return sqlite::kSchemaVersion; }

Result<std::unique_ptr<EventStore>> OpenSqliteEventStore(const std::string& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return Status::IOError("cannot create " + data_dir + ": " + ec.message());
  const std::string path = (fs::path(data_dir) / kSqliteFileName).string();
  auto writer = Db::Open(path);
  if (!writer.ok()) return writer.status();
  if (Status s = sqlite::Migrate(writer->get()); !s.ok())
    return Status(s.code() == StatusCode::kCorruption
                      ? Status::Corruption(path + ": " + s.message())
                      : Status::IOError(path + ": " + s.message()));
  auto reader = Db::Open(path);
  if (!reader.ok()) return reader.status();
  return std::unique_ptr<EventStore>(new SqliteEventStore(std::move(*writer), std::move(*reader)));
}

}  // namespace kb
