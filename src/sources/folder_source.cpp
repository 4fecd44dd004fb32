// ArticleSource over a plain folder of Markdown files (CONTRACT §1 naming).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "kb/index/publish.h"

namespace kb {
namespace {

constexpr const char* kSynonymsFile = "_synonyms.yml";

class FolderSource : public ArticleSource {
 public:
  explicit FolderSource(std::string root) : root_(std::move(root)) {}

  std::vector<Entry> List(std::vector<ArticleError>* errors) override {
    files_.clear();
    std::vector<Entry> entries;
    for (ArticleFile& file : ListArticleFiles(root_, errors)) {
      Entry entry;
      entry.id = file.id;
      entry.path = file.path;
      entry.updated = file.mtime;
      entries.push_back(std::move(entry));
      files_.emplace(file.id, std::move(file));
    }
    return entries;
  }

  bool Read(const Entry& entry, std::string* bytes, std::vector<ArticleError>* errors) override {
    auto it = files_.find(entry.id);
    if (it == files_.end()) {
      errors->push_back({entry.path, 0, "not listed by this source"});
      return false;
    }
    return ReadArticleFile(it->second, bytes, errors);
  }

  std::string Describe() const override { return "folder:" + root_; }

  bool ReadSynonyms(std::string* bytes, std::string* path,
                    std::vector<ArticleError>* errors) override {
    *path = (std::filesystem::path(root_) / kSynonymsFile).string();
    std::error_code ec;
    if (!std::filesystem::exists(*path, ec)) return false;
    std::ifstream in(*path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      errors->push_back({*path, 0, "cannot read file"});
      return false;
    }
    *bytes = content.str();
    return true;
  }

 private:
  std::string root_;
  std::map<std::string, ArticleFile> files_;
};

}  // namespace

std::unique_ptr<ArticleSource> NewFolderSource(const std::string& root) {
  return std::make_unique<FolderSource>(root);
}

}  // namespace kb
