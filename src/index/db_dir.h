// The layout of a DB_DIR (SCALE.md §2):
//   DB_DIR/CURRENT        one line: the live generation's directory name
//   DB_DIR/gen-000001/    a Xapian database (one generation)
//   DB_DIR/gen-000002/    ...
//   DB_DIR/file-stamps.tsv  what publishing learned of folder files (file_stamps.h)
// Generation names are never reused. Only this file knows the layout.
// Functions are thread-safe (they touch only the file system).
#pragma once

#include <string>

#include "kb/core/status.h"

namespace kb {

// Name of the live generation, NotFound if DB_DIR has no CURRENT, Corruption
// if CURRENT is malformed.
Result<std::string> ReadCurrentGeneration(const std::string& db_dir);

// Full path of a generation directory.
std::string GenerationPath(const std::string& db_dir, const std::string& generation);

// Full path of the file stamps cache (file_stamps.h).
std::string FileStampsPath(const std::string& db_dir);

// A generation name higher than any present in DB_DIR (creates DB_DIR if needed).
Result<std::string> NewGenerationName(const std::string& db_dir);

// Makes `generation` live: writes CURRENT.tmp, fsyncs, renames over CURRENT,
// fsyncs the directory.
Status SwitchGeneration(const std::string& db_dir, const std::string& generation);

// Deletes generation directories other than `live` and `previous` (readers
// that still hold the previous one keep working until they re-open).
void RemoveStaleGenerations(const std::string& db_dir, const std::string& live,
                            const std::string& previous);

}  // namespace kb
