// The token file's administration: create a token (storing only its hash),
// list the agents, revoke one.
#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "kb/auth/agent_tokens.h"
#include "token_file.h"

namespace kb {
namespace {

constexpr char kTokenPrefix[] = "kbt_";
constexpr size_t kTokenRandomBytes = 32;

std::string DirName(const std::string& file) {
  const size_t slash = file.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return file.substr(0, slash);
}

Status OsError(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

// Holds an exclusive flock on the folder so two `kb token new` runs cannot
// both read the old file and lose one line on rename.
class DirLock {
 public:
  explicit DirLock(const std::string& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

Result<std::string> NewToken() {
  auth::TokenHash bytes{};  // 32 random bytes, hex-encoded like a hash
  static_assert(sizeof bytes == kTokenRandomBytes, "32 random bytes");
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    return Status::IOError("RAND_bytes failed");
  return std::string(kTokenPrefix) + HexEncode(bytes);
}

Status WriteAll(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return OsError(path);
    }
    done += static_cast<size_t>(n);
  }
  return Status::OK();
}

// Replaces `file` with `content` (mode 0600): temp file, fsync, rename, fsync dir.
Status ReplaceFile(const std::string& file, const std::string& content, int dir_fd) {
  std::string tmp = file + ".tmp.XXXXXX";
  const int fd = ::mkstemp(tmp.data());  // mkstemp creates the file with mode 0600
  if (fd < 0) return OsError(tmp);
  Status s = WriteAll(fd, content, tmp);
  if (s.ok() && ::fchmod(fd, 0600) != 0) s = OsError(tmp);
  if (s.ok() && ::fsync(fd) != 0) s = OsError(tmp);
  if (::close(fd) != 0 && s.ok()) s = OsError(tmp);
  if (s.ok() && ::rename(tmp.c_str(), file.c_str()) != 0) s = OsError(file);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  if (dir_fd >= 0) ::fsync(dir_fd);  // make the rename durable; best effort
  return Status::OK();
}

// The file's entries, and its content ("" when it does not exist yet).
Status ReadEntries(const std::string& file, std::string* content,
                   std::vector<auth::TokenEntry>* entries) {
  content->clear();
  struct stat st;
  if (::stat(file.c_str(), &st) == 0) {
    auth::FileStamp stamp;
    Status read = auth::ReadWholeFile(file, content, &stamp);
    if (!read.ok()) return read;
  } else if (errno != ENOENT) {
    return OsError(file);
  }
  auto parsed = auth::ParseTokenFile(*content, file);
  if (!parsed.ok()) return parsed.status();
  *entries = std::move(*parsed);
  return Status::OK();
}

}  // namespace

Result<std::vector<std::string>> ListAgentTokens(const std::string& file) {
  std::string content;
  std::vector<auth::TokenEntry> entries;
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return OsError(file);
  if (Status s = ReadEntries(file, &content, &entries); !s.ok()) return s;
  std::vector<std::string> names;
  for (const auth::TokenEntry& e : entries) names.push_back(e.name);
  return names;
}

Status RevokeAgentToken(const std::string& name, const std::string& file) {
  DirLock lock(DirName(file));
  if (lock.fd() < 0) return OsError(DirName(file));
  std::string content;
  std::vector<auth::TokenEntry> entries;
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return OsError(file);
  if (Status s = ReadEntries(file, &content, &entries); !s.ok()) return s;
  std::string kept;
  bool found = false;
  for (const auth::TokenEntry& e : entries) {
    if (e.name == name) {
      found = true;
      continue;
    }
    kept += auth::FormatTokenLine(e);
  }
  if (!found) return Status::NotFound("no agent '" + name + "' in " + file);
  return ReplaceFile(file, kept, lock.fd());
}

Result<std::string> CreateAgentToken(const std::string& name, const std::string& file) {
  if (!auth::IsValidAgentName(name)) {
    return Status::InvalidArgument(
        "agent name must be non-empty and use only A-Z a-z 0-9 . _ -: '" + name + "'");
  }
  DirLock lock(DirName(file));
  if (lock.fd() < 0) return OsError(DirName(file));

  std::string content;  // stays empty when the file does not exist yet: it is created
  std::vector<auth::TokenEntry> entries;
  if (Status s = ReadEntries(file, &content, &entries); !s.ok()) return s;
  for (const auto& e : entries) {
    if (e.name == name)
      return Status::InvalidArgument("agent '" + name + "' already has a token in " + file);
  }

  auto token = NewToken();
  if (!token.ok()) return token;
  if (!content.empty() && content.back() != '\n') content.push_back('\n');
  content += auth::FormatTokenLine({name, Sha256(*token)});
  Status s = ReplaceFile(file, content, lock.fd());
  if (!s.ok()) return s;
  return token;
}

}  // namespace kb
