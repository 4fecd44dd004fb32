// Shared test plumbing for the unit tests: temp workspaces that publish and
// search a real index, and the data-file readers. Not thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kb/analysis/analysis.h"
#include "kb/articles/article.h"
#include "kb/index/publish.h"
#include "kb/index/search.h"

namespace kb::test {

// A fresh folder under the system temp dir, removed with its files on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name = "kb-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path path() const { return root_; }
  const std::string& str() const { return root_; }
  // "<root>/<relative>".
  std::string Sub(const std::string& relative) const { return root_ + "/" + relative; }
  // Writes a file below the folder (`relative` is UTF-8, '/' separated), creating its folders.
  void Write(const std::string& relative, const std::string& content) const;

 private:
  std::string root_;
};

// A temp folder with articles/ and db/ below it, removed on destruction.
class Workspace {
 public:
  explicit Workspace(const std::string& name = "kb-test") : dir_(name) {}

  std::string articles() const { return dir_.Sub("articles"); }
  std::string db() const { return dir_.Sub("db"); }

  // Writes articles/<id>.md: "---", the front matter lines, "---", the body.
  void Write(const std::string& id, const std::string& front, const std::string& body);
  // Writes any file below articles/ (e.g. "_synonyms.yml").
  void WriteFile(const std::string& relative, const std::string& content);
  void Remove(const std::string& id);

  // Publishes articles/ (or `articles_dir`) into db/; the index must be readable.
  PublishReport Publish();
  PublishReport PublishFrom(const std::string& articles_dir);

  // A searcher over db/, opened on first use and kept.
  Searcher& searcher();
  SearchResponse Search(const std::string& query, const std::string& lang = "", bool agent = false,
                        size_t limit = 10);

 private:
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;  // declared after dir_: closed before the folder goes
};

// The terms of analyzed tokens, in order.
std::vector<std::string> Terms(const std::vector<Token>& tokens);

// The original text a token spans.
std::string Span(const std::string& text, const Token& token);

// True when `v` has `s`.
bool Contains(const std::vector<std::string>& v, const std::string& s);

// Checks a publish abandoned because an article changed while it was being
// published: that one problem, and nothing committed.
void CheckChangedWhilePublishing(const Result<PublishReport>& report);

// Every error's ToString(), one per line (for failure messages).
std::string Joined(const std::vector<ArticleError>& errors);
std::string Joined(const Diagnostics& errors);

// The rows of a tab-separated data file below KB_TEST_DATA_DIR, skipping
// blank lines and '#' comments; \u{XXXX} escapes in cells become UTF-8.
std::vector<std::vector<std::string>> ReadTsv(const std::string& relative_path);

// Replaces \u{XXXX} escapes with the UTF-8 of the code point.
std::string Unescape(const std::string& text);

}  // namespace kb::test
