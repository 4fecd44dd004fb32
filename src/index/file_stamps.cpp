// The file stamps cache as a TSV file: id, stamp, content hash per line.
#include "file_stamps.h"

#include <cstdio>
#include <fstream>

#include "db_dir.h"

namespace kb {
namespace {

constexpr size_t kSha256HexLength = 64;

bool Writable(const std::string& field) { return field.find_first_of("\t\n") == std::string::npos; }

}  // namespace

FileStamps ReadFileStamps(const std::string& db_dir) {
  FileStamps stamps;
  std::ifstream in(FileStampsPath(db_dir), std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const size_t first = line.find('\t');
    const size_t second = first == std::string::npos ? first : line.find('\t', first + 1);
    if (second == std::string::npos || first == 0 || second == first + 1) continue;
    std::string hash = line.substr(second + 1);
    if (hash.size() != kSha256HexLength) continue;  // a line cut short
    // Written in id order: each entry goes at the end.
    stamps.insert_or_assign(
        stamps.end(), line.substr(0, first),
        StampedBytes{line.substr(first + 1, second - first - 1), std::move(hash)});
  }
  return stamps;
}

bool WriteFileStamps(const std::string& db_dir, const FileStamps& stamps) {
  const std::string path = FileStampsPath(db_dir), tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    for (const auto& [id, file] : stamps)
      if (Writable(id) && Writable(file.stamp))
        out << id << '\t' << file.stamp << '\t' << file.content_hash << '\n';
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return false;
    }
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

void HashesFromStamps(std::vector<ArticleSource::Entry>& entries, const FileStamps& known) {
  auto it = known.begin();  // both in id order: one walk, no look-ups
  for (ArticleSource::Entry& entry : entries) {
    while (it != known.end() && it->first < entry.id) ++it;
    if (it == known.end()) return;
    if (it->first == entry.id && !entry.file_stamp.empty() && entry.content_hash.empty() &&
        it->second.stamp == entry.file_stamp)
      entry.content_hash = it->second.content_hash;
  }
}

std::optional<FileStamps> UpdatedFileStamps(const FileStamps& known,
                                            const std::vector<std::string>& listed,
                                            const LearnedStamps& learned) {
  bool changed = false;
  for (const auto& [id, file] : learned) {
    auto it = known.find(id);
    if (it == known.end() || !(it->second == file)) changed = true;
  }
  std::vector<bool> keep;  // per known entry: its id is listed
  keep.reserve(known.size());
  auto next = listed.begin();  // both in id order: one walk
  for (const auto& [id, file] : known) {
    while (next != listed.end() && *next < id) ++next;
    keep.push_back(next != listed.end() && *next == id);
    changed = changed || !keep.back();
  }
  if (!changed) return std::nullopt;
  FileStamps updated;
  size_t i = 0;
  for (const auto& entry : known)
    if (keep[i++]) updated.insert(updated.end(), entry);
  for (const auto& [id, file] : learned) updated.insert_or_assign(id, file);
  return updated;
}

}  // namespace kb
