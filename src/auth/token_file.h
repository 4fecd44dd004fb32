// Private to src/auth: the token file format (`name:sha256hex` per line),
// agent name rules, hashing, and whole-file reading. Pure functions, safe
// from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/core/sha256.h"
#include "kb/core/status.h"

namespace kb {
namespace auth {

using TokenHash = Sha256Digest;

struct TokenEntry {
  std::string name;
  TokenHash hash{};
};

// Non-empty, only [A-Za-z0-9._-].
bool IsValidAgentName(std::string_view name);

// Parses a token file's content. Blank lines are skipped. Any other line that
// is not `valid-name:64-hex` gives InvalidArgument "file:line: expected
// name:sha256hex" (`file` is only used in the message).
Result<std::vector<TokenEntry>> ParseTokenFile(std::string_view content, const std::string& file);

// The line CreateAgentToken appends, with its trailing newline.
std::string FormatTokenLine(const TokenEntry& entry);

// Identity of a file version: reload when any of these change.
struct FileStamp {
  uint64_t device = 0;
  uint64_t inode = 0;
  int64_t size = -1;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && mtime_ns == o.mtime_ns;
  }
  bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

// Reads all of `file` and its stamp (taken from the same open descriptor).
// IOError with the OS reason when it cannot be opened or read.
Status ReadWholeFile(const std::string& file, std::string* content, FileStamp* stamp);

// The stamp of `file` by path; IOError when stat fails.
Status StatFile(const std::string& file, FileStamp* stamp);

}  // namespace auth
}  // namespace kb
