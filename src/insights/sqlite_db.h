// A thin RAII layer over the SQLite C API for the events store: a
// connection, prepared statements with typed binds, and errors as Status.
// Not thread-safe: one connection per thread, or a mutex around it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kb/core/status.h"
#include "kb/insights/event_store.h"

namespace kb::sqlite {

class Statement;

class Db {
 public:
  // Opens (creating) the file read-write, with a busy timeout, WAL mode and
  // foreign keys on. IOError naming the file on failure.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  // A prepared statement; Internal on a SQL error (a bug in kb's SQL).
  Result<Statement> Prepare(const std::string& sql);
  // A Status for SQLite's last error on this connection, prefixed with `what`.
  Status Error(const std::string& what) const;
  int64_t Changes() const { return sqlite3_changes64(db_); }
  sqlite3* handle() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(Db* db) : db_(db) {}
  ~Transaction();
  Status Begin() { return db_->Exec("BEGIN IMMEDIATE"); }
  Status Commit();

 private:
  Db* db_;
  bool open_ = true;
};

class Statement {
 public:
  Statement(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt, sqlite3_finalize) {}

  // Binds by 1-based index.
  void Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_.get(), index, value); }
  void Bind(int index, const std::string& value) {
    sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
  }
  void Bind(int index, double value) { sqlite3_bind_double(stmt_.get(), index, value); }
  // Binds `value` to the named parameter (":lang"), if the SQL has it.
  void BindNamed(const char* name, const std::string& value);
  void BindNamed(const char* name, int64_t value);

  // Runs a statement without results (and resets it for the next binds).
  Status Run();
  // Every row, each cell typed as SQLite returns it.
  Result<std::vector<std::vector<ReportCell>>> Rows();

 private:
  Db* db_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_;
};

}  // namespace kb::sqlite
