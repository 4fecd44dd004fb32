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
    stamps[line.substr(0, first)] = {line.substr(first + 1, second - first - 1), std::move(hash)};
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

}  // namespace kb
