// Test helper: a real git repository in a temp dir, written with libgit2
// (no git CLI needed). Commits are built in memory from the branch tip, so the
// working copy stays empty: kb must read the committed tree, never the files.
// Not thread-safe; one object per test.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kb_test {

struct GitAuthor {
  std::string name = "Editor";
  std::string email = "editor@example.com";
  int64_t time = 0;  // 0: one minute after the previous commit of this repo
};

// path -> new content, or nullopt to delete the file.
using GitChanges = std::map<std::string, std::optional<std::string>>;

class GitTestRepo {
 public:
  // `git init` at `path` (created if missing) with HEAD on "main".
  explicit GitTestRepo(std::string path);
  ~GitTestRepo();
  GitTestRepo(const GitTestRepo&) = delete;
  GitTestRepo& operator=(const GitTestRepo&) = delete;

  // Commits `changes` on `branch` and returns the new commit's sha. A branch
  // that does not exist yet starts from main's tip (or as a root commit).
  std::string Commit(const std::string& branch, const GitChanges& changes,
                     const std::string& message, const GitAuthor& author = {});
  // Moves `branch` to `sha` (a force-push).
  void Reset(const std::string& branch, const std::string& sha);
  // Sha of a branch's tip, "" when the branch does not exist.
  std::string Tip(const std::string& branch) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  void* repo_ = nullptr;  // git_repository*, kept out of this header
  int64_t clock_ = 1700000000;
};

// "---\ntitle: T\nlang: L\n[extra\n]---\nbody\n"
std::string ArticleText(const std::string& title, const std::string& lang, const std::string& body,
                        const std::string& extra_front_matter = "");

}  // namespace kb_test
