// ArticleSource over a plain folder of Markdown files (CONTRACT §1 naming).
#include "kb/publish.h"

#include <map>

namespace kb {
namespace {

class FolderSource : public ArticleSource {
 public:
  explicit FolderSource(std::string root) : root_(std::move(root)) {}

  std::vector<Entry> List(std::vector<ArticleError>* errors) override {
    files_.clear();
    std::vector<Entry> entries;
    for (ArticleFile& file : ListArticleFiles(root_, errors)) {
      entries.push_back({file.id, file.path, file.mtime});
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

 private:
  std::string root_;
  std::map<std::string, ArticleFile> files_;
};

}  // namespace

std::unique_ptr<ArticleSource> NewFolderSource(const std::string& root) {
  return std::make_unique<FolderSource>(root);
}

}  // namespace kb
