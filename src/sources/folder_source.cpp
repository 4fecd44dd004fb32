// ArticleSource over a plain folder of Markdown files (CONTRACT §1 naming).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "kb/sources/article_sources.h"

namespace kb {
namespace {

constexpr const char* kSynonymsFile = "_synonyms.yml";

class FolderSource : public ArticleSource {
 public:
  FolderSource(std::string root, std::function<int64_t()> settled_before)
      : root_(std::move(root)), settled_before_(std::move(settled_before)) {}

  Diagnosed<std::vector<Entry>> List() override {
    Diagnosed<std::vector<ArticleFile>> files =
        settled_before_ ? ListArticleFiles(root_, settled_before_()) : ListArticleFiles(root_);
    Diagnosed<std::vector<Entry>> entries{{}, std::move(files.diagnostics)};
    entries.value.reserve(files.value.size());
    for (const ArticleFile& file : files.value) {
      Entry entry;
      entry.id = file.id;
      entry.path = file.path;
      entry.updated = file.mtime;
      entry.file_stamp = file.stamp;
      entries.value.push_back(std::move(entry));
    }
    files_ = std::move(files.value);  // sorted by id
    return entries;
  }

  Diagnosed<std::string> Read(const Entry& entry) override {
    auto it = std::lower_bound(
        files_.begin(), files_.end(), entry.id,
        [](const ArticleFile& file, const std::string& id) { return file.id < id; });
    if (it == files_.end() || it->id != entry.id)
      return {{}, Diagnostics(entry.path, 0, "not listed by this source")};
    return ReadArticleFile(*it);
  }

  std::string Describe() const override { return "folder:" + root_; }

  Diagnosed<std::optional<SynonymsFile>> ReadSynonyms() override {
    const std::string path = (std::filesystem::path(root_) / kSynonymsFile).string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return {std::nullopt, Diagnostics(path, 0, "cannot read file")};
    return {SynonymsFile{path, content.str()}, {}};
  }

 private:
  std::string root_;
  std::function<int64_t()> settled_before_;
  std::vector<ArticleFile> files_;  // of the last List(), sorted by id
};

}  // namespace

std::unique_ptr<ArticleSource> NewFolderSource(const std::string& root,
                                               std::function<int64_t()> settled_before) {
  return std::make_unique<FolderSource>(root, std::move(settled_before));
}

}  // namespace kb
