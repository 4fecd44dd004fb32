// kb::Publish: builds or updates the search index from a source of articles.
//
// Publishing is incremental and atomic (../shared/SCALE.md): every listed
// article is fingerprinted by its content; only new or changed ones are parsed
// and analysed, deleted ones are removed, and everything is validated BEFORE
// the first write. Then all changes go to the one writable Xapian database in
// ONE commit, which readers see atomically. A bad article means no commit at
// all: the live index stays exactly as it was.
//
// A full rebuild (first run, or an index written with another schema version)
// is built under a new, never-reused generation directory beside the live one,
// compacted, and made live by atomically replacing the pointer file
// DB_DIR/CURRENT (write temp, fsync, rename). Readers resolve the index through
// that pointer (see kb/index/search.h).
//
// Thread-safety: Publish() may be called from one thread/process at a time per
// DB_DIR; Xapian's write lock makes a second concurrent writer fail with IOError.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/articles/article.h"
#include "kb/articles/article_source.h"
#include "kb/core/status.h"

namespace kb {

struct PublishOptions {
  std::string db_dir;
  // Called now and then during the "reading" phase (every listed article is
  // read and the changed ones validated) and the "indexing" phase (changed
  // articles analysed and written); may be empty.
  std::function<void(std::string_view phase, size_t done, size_t total)> progress;
  bool force_rebuild = false;  // build a new generation even if the schema matches
  // Without it, a publish that would delete more than half of the published
  // articles (and more than five) is refused with InvalidArgument and changes
  // nothing: an empty or wrong folder, or a branch that lost its articles,
  // must not empty the live help center.
  bool allow_mass_delete = false;
  // Databases a full rebuild writes at once, one per core, merged in order by
  // the compaction that ends every rebuild (the same index as one writer
  // would build). 0: two from 2,000 articles on a machine with two cores or
  // more, else one.
  size_t rebuild_writers = 0;
};

struct PublishReport {
  size_t added = 0, updated = 0, deleted = 0, unchanged = 0;
  bool incremental_listing = false;  // only the source's changes were looked at (git diff)
  uint64_t sequence = 0;   // publish sequence number now live (unchanged if nothing changed)
  std::string generation;  // generation directory name now live
  bool rebuilt = false;    // true if a new generation was built
  bool committed = false;  // false when there was nothing to change
  Diagnostics errors;      // not ok() => nothing was written
};

// Publishes `source` into options.db_dir. Returns the report; report.errors is
// not ok() (and nothing was written) when any article or the synonyms file is
// malformed or unreadable, or an article changed while it was being published
// (run the publish again). A non-OK Result means nothing was written either:
// InvalidArgument when the publish would delete too much (see
// allow_mass_delete), IOError or Corruption when the index itself could not be
// read or written or the source's history could not be read (ChangesSince).
Result<PublishReport> Publish(ArticleSource& source, const PublishOptions& options);

}  // namespace kb
