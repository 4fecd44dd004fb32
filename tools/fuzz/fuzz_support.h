// What the fuzz targets share: how a broken contract is reported (abort()
// makes libFuzzer keep the input and the replay, replay_main.cpp, fail), and
// an index of the repository's own articles/ to search, published once.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"

namespace kb::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

// A temporary folder, removed when the process exits normally.
inline std::filesystem::path TemporaryFolder() {
  static std::filesystem::path folder;
  if (!folder.empty()) return folder;
  char templ[] = "/tmp/kb-fuzz-XXXXXX";
  if (mkdtemp(templ) == nullptr) Fail("cannot make a temporary directory");
  folder = templ;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  });
  return folder;
}

// Publishes `articles_dir` (the repository's articles/) into a fresh index
// in TemporaryFolder() and returns the index's path.
inline std::string PublishArticles(const std::string& articles_dir) {
  auto source = NewFolderSource(articles_dir);
  PublishOptions options;
  options.db_dir = (TemporaryFolder() / "db").string();
  auto report = Publish(*source, options);
  if (!report.ok() || !report->errors.empty()) Fail("cannot publish articles/");
  return options.db_dir;
}

}  // namespace kb::fuzz
