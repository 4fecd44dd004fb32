#include "sqlite_db.h"

namespace kb::sqlite {

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK) {
    const std::string message = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    return Status::IOError("cannot open " + path + ": " + message);
  }
  std::unique_ptr<Db> db(new Db(handle));
  // A reader (kb stats) or a second writer waits for a commit rather than failing.
  sqlite3_busy_timeout(handle, 5000);
  // WAL: readers never block the writer; NORMAL sync: a power cut may lose
  // the last commits but never corrupts the file.
  if (Status s = db->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"); !s.ok())
    return Status::IOError("cannot open " + path + ": " + s.message());
  return db;
}

Db::~Db() { sqlite3_close(db_); }

Status Db::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::OK();
  const std::string text = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  const int code = sqlite3_errcode(db_);
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corruption(text);
  return Status::IOError(text);
}

Result<Statement> Db::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return Error("cannot prepare statement");
  return Statement(this, stmt);
}

Status Db::Error(const std::string& what) const {
  const int code = sqlite3_errcode(db_);
  const std::string text = what + ": " + sqlite3_errmsg(db_);
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corruption(text);
  if (code == SQLITE_ERROR) return Status::Internal(text);
  return Status::IOError(text);
}

Transaction::~Transaction() {
  if (open_) db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

void Statement::BindNamed(const char* name, const std::string& value) {
  const int index = sqlite3_bind_parameter_index(stmt_.get(), name);
  if (index > 0) Bind(index, value);
}

void Statement::BindNamed(const char* name, int64_t value) {
  const int index = sqlite3_bind_parameter_index(stmt_.get(), name);
  if (index > 0) Bind(index, value);
}

Status Statement::Run() {
  const int rc = sqlite3_step(stmt_.get());
  sqlite3_reset(stmt_.get());
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::OK();
  return db_->Error("cannot write event");
}

Result<std::vector<std::vector<ReportCell>>> Statement::Rows() {
  std::vector<std::vector<ReportCell>> rows;
  sqlite3_stmt* s = stmt_.get();
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    std::vector<ReportCell> row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(s, i)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(s, i));
          break;
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        default:
          row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                                       static_cast<size_t>(sqlite3_column_bytes(s, i))));
      }
    }
    rows.push_back(std::move(row));
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return db_->Error("cannot read report");
  return rows;
}

}  // namespace kb::sqlite
