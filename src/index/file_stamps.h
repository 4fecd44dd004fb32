// The file stamps cache: what publishing learned of a folder's files, as
// "the file with this stamp (ArticleFile::stamp) has bytes with this SHA-256".
// A later publish takes a file whose stamp is unchanged to have those bytes
// and does not read it, as git's index spares `git status` from reading
// unchanged files. Each entry is a fact about a file, true whatever the index
// holds (a stamp is given only to a file settled before it was listed, and any
// later change gives the file another stamp), so the cache is never wrong,
// only incomplete: a missing, stale or damaged cache costs reading the files
// again, nothing else. It lives beside the generations (db_dir.h) and is not
// part of the index: replicas and rebuilds do not need it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kb/articles/article_source.h"

namespace kb {

struct StampedBytes {
  std::string stamp;         // ArticleFile::stamp, never empty
  std::string content_hash;  // hex SHA-256 of the bytes
  bool operator==(const StampedBytes& other) const {
    return stamp == other.stamp && content_hash == other.content_hash;
  }
};
using FileStamps = std::map<std::string, StampedBytes>;  // article id -> its file

// The cache of DB_DIR; empty when there is none or it cannot be read. Lines
// that are not well formed are left out.
FileStamps ReadFileStamps(const std::string& db_dir);

// Replaces the cache of DB_DIR (a temporary file renamed over it). False when
// it could not be written: the next publish then reads the files again.
bool WriteFileStamps(const std::string& db_dir, const FileStamps& stamps);

// Gives each entry whose file stamp the cache knows the content hash the cache
// holds for it (unless the source gave one): its bytes need not be read when
// the index has them. `entries` sorted by id, as ArticleSource::List() lists.
void HashesFromStamps(std::vector<ArticleSource::Entry>& entries, const FileStamps& known);

// What reading files taught: article id and its file's stamp and hash.
using LearnedStamps = std::vector<std::pair<std::string, StampedBytes>>;

// The cache to keep after a listing of `listed` (ids, sorted) that read files
// and learned `learned`: the known entries of listed ids, with what was
// learned; nothing when that is `known` itself (no write needed).
std::optional<FileStamps> UpdatedFileStamps(const FileStamps& known,
                                            const std::vector<std::string>& listed,
                                            const LearnedStamps& learned);

}  // namespace kb
