// ListArticleFiles and ReadArticleFile: finding and reading article files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include "kb/articles/article.h"
#include "kb/articles/article_names.h"
#include "kb/articles/id_key.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

// True when `path` (canonical) is `root` (canonical) or below it.
bool IsUnder(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

int64_t Nanoseconds(const struct timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// ArticleFile::stamp of a file stat() described.
std::string StampOf(const struct stat& st, int64_t settled_before) {
  const int64_t changed = Nanoseconds(st.st_ctim), modified = Nanoseconds(st.st_mtim);
  if (changed >= settled_before || modified >= settled_before) return "";
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
         std::to_string(st.st_size) + ":" + std::to_string(modified) + ":" +
         std::to_string(changed);
}

// Walks one root. Symlinked folders are never entered, so a link cannot lead
// out of the root or into a loop.
class Scanner {
 public:
  Scanner(fs::path canonical_root, int64_t settled_before)
      : canonical_root_(std::move(canonical_root)), settled_before_(settled_before) {}

  void ScanFolder(const fs::path& folder, const std::string& id_prefix) {
    // Files are stat()ed relative to their folder: the kernel does not walk
    // the whole path again for each of a help center's files.
    const FolderFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      VisitEntry(*it, id_prefix, dir.fd);
    }
    if (ec) Error(folder.string(), "cannot read folder: " + ec.message());
  }

  std::vector<ArticleFile> TakeFiles() { return std::move(files_); }
  Diagnostics TakeErrors() { return std::move(errors_); }

 private:
  // An open folder (-1 when it could not be opened), closed at the end of scope.
  struct FolderFd {
    explicit FolderFd(int opened) : fd(opened) {}
    ~FolderFd() {
      if (fd >= 0) ::close(fd);
    }
    FolderFd(const FolderFd&) = delete;
    FolderFd& operator=(const FolderFd&) = delete;
    const int fd;
  };

  void VisitEntry(const fs::directory_entry& entry, const std::string& id_prefix, int dir) {
    const fs::path& path = entry.path();
    const std::string name = path.filename().string();
    if (IsHiddenName(name)) return;
    // The types come from the folder listing where it gave them: no lstat().
    std::error_code ec;
    const bool link = entry.is_symlink(ec);
    if (ec) {
      Error(path.string(), "cannot read file: " + ec.message());
    } else if (!link && entry.is_directory(ec)) {
      ScanFolder(path, id_prefix + name + "/");
    } else if (!HasArticleExtension(name)) {
      return;
    } else if (link) {
      VisitSymlink(path, id_prefix + name, dir);
    } else if (entry.is_regular_file(ec)) {
      AddFile(path, id_prefix + name, dir);
    }
  }

  void VisitSymlink(const fs::path& path, const std::string& name_id, int dir) {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    if (ec) {
      Error(path.string(), "cannot resolve symlink: " + ec.message());
    } else if (!IsUnder(target, canonical_root_)) {
      Error(path.string(), "symlink points outside the articles root; skipped");
    } else if (fs::is_regular_file(target, ec)) {
      AddFile(path, name_id, dir);
    }  // a link to a folder named *.md is not followed, like any linked folder
  }

  // `dir`: the open folder of `path` (-1: stat the whole path).
  void AddFile(const fs::path& path, const std::string& name_id, int dir) {
    ArticleFile file;
    file.path = path.string();
    Diagnosed<std::string> id = ArticleIdOfName(name_id, file.path);
    if (!id.ok()) {
      errors_.Append(std::move(id.diagnostics));
      return;
    }
    file.id = std::move(id.value);
    struct stat st;  // following a link, as stat() does
    const int found =
        dir >= 0 ? ::fstatat(dir, path.filename().c_str(), &st, 0) : ::stat(file.path.c_str(), &st);
    if (found == 0) {
      file.mtime = static_cast<int64_t>(st.st_mtime);
      file.stamp = StampOf(st, settled_before_);
    }
    files_.push_back(std::move(file));
  }

  void Error(std::string path, std::string message) {
    errors_.Add(std::move(path), 0, std::move(message));
  }

  fs::path canonical_root_;
  int64_t settled_before_;
  Diagnostics errors_;
  std::vector<ArticleFile> files_;
};

// Drops (with an error) every file whose id collides with an earlier one.
Diagnosed<std::vector<ArticleFile>> RemoveDuplicateIds(std::vector<ArticleFile> files) {
  std::map<std::string, std::string> first_by_key;
  Diagnosed<std::vector<ArticleFile>> unique;
  for (ArticleFile& file : files) {
    Diagnostics claim = ClaimArticleId(file.id, ArticleIdKey(file.id), file.path, &first_by_key);
    if (claim.ok()) {
      unique.value.push_back(std::move(file));
    } else {
      unique.diagnostics.Append(std::move(claim));
    }
  }
  return unique;
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

Diagnosed<std::vector<ArticleFile>> ListArticleFiles(const std::string& root) {
  const auto settled = std::chrono::system_clock::now() - kFileSettleTime;
  return ListArticleFiles(
      root,
      std::chrono::duration_cast<std::chrono::nanoseconds>(settled.time_since_epoch()).count());
}

Diagnosed<std::vector<ArticleFile>> ListArticleFiles(const std::string& root,
                                                     int64_t settled_before) {
  using Listed = Diagnosed<std::vector<ArticleFile>>;
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (!fs::exists(status)) return Listed{{}, Diagnostics(root, 0, "articles root does not exist")};
  if (!fs::is_directory(status))
    return Listed{{}, Diagnostics(root, 0, "articles root is not a directory")};
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return Listed{{}, Diagnostics(root, 0, "cannot resolve articles root: " + ec.message())};
  Scanner scanner(std::move(canonical_root), settled_before);
  scanner.ScanFolder(fs::path(root), "");
  std::vector<ArticleFile> files = scanner.TakeFiles();
  std::sort(files.begin(), files.end(),
            [](const ArticleFile& a, const ArticleFile& b) { return a.id < b.id; });
  Listed listed{{}, scanner.TakeErrors()};
  Listed unique = RemoveDuplicateIds(std::move(files));
  listed.value = std::move(unique.value);
  listed.diagnostics.Append(std::move(unique.diagnostics));
  return listed;
}

Diagnosed<std::string> ReadArticleFile(const ArticleFile& file) {
  Diagnosed<std::string> read;
  std::string* bytes = &read.value;
  const auto fail = [&](std::string message) {
    return Diagnosed<std::string>{{}, Diagnostics(file.path, 0, std::move(message))};
  };
  struct stat st;
  if (::stat(file.path.c_str(), &st) != 0) return fail("cannot read file: " + ErrnoMessage(errno));
  if (S_ISDIR(st.st_mode)) return fail("cannot read file: " + ErrnoMessage(EISDIR));
  if (st.st_size > kMaxArticleBytes) return fail(TooLargeMessage(st.st_size));

  std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.path.c_str(), "rb"));
  if (!in) return fail("cannot read file: " + ErrnoMessage(errno));
  bytes->clear();
  char buffer[64 * 1024];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in.get())) > 0) {
    bytes->append(buffer, n);
    // The file may have grown since stat().
    if (static_cast<int64_t>(bytes->size()) > kMaxArticleBytes) {
      return fail(TooLargeMessage(static_cast<int64_t>(bytes->size())));
    }
  }
  if (std::ferror(in.get())) return fail("cannot read file: " + ErrnoMessage(errno));
  return read;
}

}  // namespace kb
