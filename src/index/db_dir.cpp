#include "db_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kb {
namespace fs = std::filesystem;

namespace {

constexpr const char* kPointerFile = "CURRENT";
constexpr const char* kFileStampsFile = "file-stamps.tsv";
constexpr const char* kGenerationPrefix = "gen-";

bool IsGenerationName(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0 || name.size() <= 4) return false;
  for (size_t i = 4; i < name.size(); ++i)
    if (name[i] < '0' || name[i] > '9') return false;
  return true;
}

Status FsyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) return Status::IOError("open " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IOError("fsync " + path + ": " + std::strerror(errno));
  return Status::OK();
}

}  // namespace

Result<std::string> ReadCurrentGeneration(const std::string& db_dir) {
  std::ifstream in(fs::path(db_dir) / kPointerFile);
  if (!in) return Status::NotFound("no index in " + db_dir + " (run kb index first)");
  std::string name;
  std::getline(in, name);
  if (!IsGenerationName(name))
    return Status::Corruption(db_dir + "/CURRENT does not name a generation: '" + name + "'");
  return name;
}

std::string GenerationPath(const std::string& db_dir, const std::string& generation) {
  return (fs::path(db_dir) / generation).string();
}

std::string FileStampsPath(const std::string& db_dir) {
  return (fs::path(db_dir) / kFileStampsFile).string();
}

Result<std::string> NewGenerationName(const std::string& db_dir) {
  std::error_code ec;
  fs::create_directories(db_dir, ec);
  if (ec) return Status::IOError("cannot create " + db_dir + ": " + ec.message());
  unsigned long highest = 0;
  for (const auto& entry : fs::directory_iterator(db_dir, ec)) {
    std::string name = entry.path().filename().string();
    // A ".build" directory left by an interrupted rebuild still uses up its number.
    std::string base = name.substr(0, name.find('.'));
    if (IsGenerationName(base)) highest = std::max(highest, std::stoul(base.substr(4)));
  }
  if (ec) return Status::IOError("cannot list " + db_dir + ": " + ec.message());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06lu", kGenerationPrefix, highest + 1);
  return std::string(buf);
}

Status SwitchGeneration(const std::string& db_dir, const std::string& generation) {
  const std::string tmp = (fs::path(db_dir) / "CURRENT.tmp").string();
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << generation << "\n";
    out.flush();
    if (!out) return Status::IOError("cannot write " + tmp);
  }
  if (Status s = FsyncPath(tmp, O_RDONLY); !s.ok()) return s;
  const std::string target = (fs::path(db_dir) / kPointerFile).string();
  if (::rename(tmp.c_str(), target.c_str()) != 0)
    return Status::IOError("rename " + tmp + ": " + std::strerror(errno));
  return FsyncPath(db_dir, O_RDONLY | O_DIRECTORY);
}

void RemoveStaleGenerations(const std::string& db_dir, const std::string& live,
                            const std::string& previous) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_dir, ec)) {
    std::string name = entry.path().filename().string();
    std::string base = name.substr(0, name.find('.'));
    if (!IsGenerationName(base) || name == live || name == previous) continue;
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace kb
