#include "sqlite_schema.h"

#include <string>

namespace kb::sqlite {
namespace {

// Migration N takes user_version N to N+1. Never edit one that has shipped:
// add the next.
const char* const kMigrations[kSchemaVersion] = {
    // 0 -> 1: the event tables.
    R"sql(
CREATE TABLE searches(time INTEGER NOT NULL, session TEXT NOT NULL, query TEXT NOT NULL,
  analysed TEXT NOT NULL, lang TEXT NOT NULL, category TEXT NOT NULL, results INTEGER NOT NULL,
  fallback INTEGER NOT NULL, corrected INTEGER NOT NULL, latency_ms REAL NOT NULL,
  agent INTEGER NOT NULL);
CREATE TABLE clicks(time INTEGER NOT NULL, session TEXT NOT NULL, query TEXT NOT NULL,
  analysed TEXT NOT NULL, lang TEXT NOT NULL, category TEXT NOT NULL, article TEXT NOT NULL,
  rank INTEGER NOT NULL);
CREATE TABLE views(time INTEGER NOT NULL, session TEXT NOT NULL, article TEXT NOT NULL,
  lang TEXT NOT NULL, category TEXT NOT NULL);
CREATE TABLE votes(time INTEGER NOT NULL, session TEXT NOT NULL, article TEXT NOT NULL,
  lang TEXT NOT NULL, category TEXT NOT NULL, helpful INTEGER NOT NULL, reason TEXT NOT NULL,
  text TEXT NOT NULL, PRIMARY KEY(session, article));
CREATE TABLE contacts(time INTEGER NOT NULL, session TEXT NOT NULL, channel TEXT NOT NULL);
)sql",
    // 1 -> 2: indexes for the time filters, retention and the search-click joins.
    R"sql(
CREATE INDEX searches_by_time ON searches(time);
CREATE INDEX searches_by_session ON searches(session, query);
CREATE INDEX clicks_by_session ON clicks(session, query);
CREATE INDEX clicks_by_time ON clicks(time);
CREATE INDEX views_by_time ON views(time);
CREATE INDEX votes_by_time ON votes(time);
CREATE INDEX contacts_by_session ON contacts(session);
CREATE INDEX contacts_by_time ON contacts(time);
)sql",
};

Result<int64_t> SingleInteger(Db* db, const std::string& sql) {
  auto stmt = db->Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto rows = stmt->Rows();
  if (!rows.ok()) return rows.status();
  if (rows->empty() || !std::holds_alternative<int64_t>(rows->front().front())) return int64_t{0};
  return std::get<int64_t>(rows->front().front());
}

// The file's version, read inside the caller's transaction; Corruption
// for a newer kb's file or another program's.
Result<int64_t> CheckedVersion(Db* db) {
  auto version = SingleInteger(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion)
    return Status::Corruption("the events database has schema version " + std::to_string(*version) +
                              ", newer than this kb's (" + std::to_string(kSchemaVersion) +
                              "): written by a newer kb");
  if (*version == 0) {
    auto tables = SingleInteger(db, "SELECT COUNT(*) FROM sqlite_master");
    if (!tables.ok()) return tables.status();
    if (*tables > 0) return Status::Corruption("not a kb events database (it has other tables)");
  }
  return version;
}

}  // namespace

Status Migrate(Db* db, int target) {
  // One step per write transaction, the version read inside it: two servers
  // starting on one file (--share-port) never run a migration twice.
  for (;;) {
    Transaction tx(db);
    if (Status s = tx.Begin(); !s.ok()) return s;
    auto version = CheckedVersion(db);
    if (!version.ok()) return version.status();
    if (*version >= target) return Status::OK();  // the transaction rolls back: nothing to do
    if (Status s = db->Exec(kMigrations[*version]); !s.ok()) return s;
    if (Status s = db->Exec("PRAGMA user_version = " + std::to_string(*version + 1)); !s.ok())
      return s;
    if (Status s = tx.Commit(); !s.ok()) return s;
  }
}

}  // namespace kb::sqlite
