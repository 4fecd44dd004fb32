#include "token_file.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kb {
namespace auth {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseHash(std::string_view hex, TokenHash* out) {
  if (hex.size() != out->size() * 2) return false;
  for (size_t i = 0; i < out->size(); ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

FileStamp StampOf(const struct stat& st) {
  FileStamp s;
  s.device = static_cast<uint64_t>(st.st_dev);
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.size = static_cast<int64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return s;
}

}  // namespace

bool IsValidAgentName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::vector<TokenEntry>> ParseTokenFile(std::string_view content, const std::string& file) {
  std::vector<TokenEntry> entries;
  int line_no = 0;
  while (!content.empty()) {
    ++line_no;
    const size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const size_t colon = line.find(':');
    TokenEntry entry;
    if (colon == std::string_view::npos || !IsValidAgentName(line.substr(0, colon)) ||
        !ParseHash(line.substr(colon + 1), &entry.hash)) {
      return Status::InvalidArgument(file + ":" + std::to_string(line_no) +
                                     ": expected name:sha256hex");
    }
    entry.name = std::string(line.substr(0, colon));
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string FormatTokenLine(const TokenEntry& entry) {
  return entry.name + ":" + HexEncode(entry.hash) + "\n";
}

Status ReadWholeFile(const std::string& file, std::string* content, FileStamp* stamp) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(file + ": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Status::IOError(file + ": " + std::strerror(err));
  }
  *stamp = StampOf(st);
  content->clear();
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return Status::IOError(file + ": " + std::strerror(err));
    }
    content->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::OK();
}

Status StatFile(const std::string& file, FileStamp* stamp) {
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return Status::IOError(file + ": " + std::strerror(errno));
  *stamp = StampOf(st);
  return Status::OK();
}

}  // namespace auth
}  // namespace kb
