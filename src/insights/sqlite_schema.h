// The events database's schema, as migrations: migration N brings a file
// from PRAGMA user_version N to N+1, each in its own transaction, so a file
// of any earlier version (0: new and empty) is brought up to date on open.
//
// Tables (every `time` is seconds since the epoch, UTC; `query` is the
// normalized query and `analysed` its analysed form, query_forms.h):
//   searches(time, session, query, analysed, lang, category, results,
//            fallback, corrected, latency_ms, agent)   one per first page
//   clicks(time, session, query, analysed, lang, category, article, rank)
//   views(time, session, article, lang, category)
//   votes(time, session, article, lang, category, helpful, reason, text)
//            one row per (session, article): a new vote replaces it
//   contacts(time, session, channel)
// lang and category are the search's (best hit) or the article's.
#pragma once

#include "sqlite_db.h"

namespace kb::sqlite {

inline constexpr int kSchemaVersion = 2;

// Brings the file up to `version` (kSchemaVersion; tests make older files
// with a lower one). Corruption when it is not a kb events database or its
// version is newer than this kb's.
Status Migrate(Db* db, int version = kSchemaVersion);

}  // namespace kb::sqlite
