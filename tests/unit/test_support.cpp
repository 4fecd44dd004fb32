#include "test_support.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kb/sources/article_sources.h"

namespace kb::test {
namespace fs = std::filesystem;

void Workspace::Write(const std::string& id, const std::string& front, const std::string& body) {
  WriteFile(id + ".md", "---\n" + front + "\n---\n" + body + "\n");
}

void Workspace::WriteFile(const std::string& relative, const std::string& content) {
  dir_.Write("articles/" + relative, content);
}

void Workspace::Remove(const std::string& id) { fs::remove(fs::path(articles()) / (id + ".md")); }

PublishReport Workspace::Publish() { return PublishFrom(articles()); }

PublishReport Workspace::PublishFrom(const std::string& articles_dir) {
  auto source = NewFolderSource(articles_dir);
  PublishOptions options;
  options.db_dir = db();
  auto report = kb::Publish(*source, options);
  REQUIRE_MESSAGE(report.ok(), report.status().ToString());
  return *report;
}

Searcher& Workspace::searcher() {
  if (!searcher_) {
    auto opened = Searcher::Open(db());
    REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
    searcher_ = std::move(*opened);
  }
  return *searcher_;
}

SearchResponse Workspace::Search(const std::string& query, const std::string& lang, bool agent,
                                 size_t limit) {
  SearchRequest request;
  request.query = query;
  request.lang = lang;
  request.agent = agent;
  request.limit = limit;
  auto response = searcher().Search(request);
  REQUIRE_MESSAGE(response.ok(), response.status().ToString());
  return *response;
}

TempDir::TempDir(const std::string& name) {
  std::string templ = (fs::temp_directory_path() / (name + "-XXXXXX")).string();
  REQUIRE(mkdtemp(templ.data()) != nullptr);
  root_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void TempDir::Write(const std::string& relative, const std::string& content) const {
  const fs::path file = fs::path(root_) / fs::u8path(relative);
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
}

std::vector<std::string> Terms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.term);
  return out;
}

std::string Span(const std::string& text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Joined(const std::vector<ArticleError>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.ToString() + "\n";
  return s;
}

std::string Joined(const Diagnostics& errors) { return errors.ToString(); }

void CheckChangedWhilePublishing(const Result<PublishReport>& report) {
  REQUIRE(report.ok());
  REQUIRE(report->errors.size() == 1);
  CHECK(report->errors[0].message.find("changed while it was being published") !=
        std::string::npos);
  CHECK_FALSE(report->committed);
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& relative_path) {
  std::ifstream in(std::string(KB_TEST_DATA_DIR) + "/" + relative_path);
  REQUIRE_MESSAGE(in.good(), relative_path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(Unescape(cell));
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::string Unescape(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t close = text.compare(i, 3, "\\u{") == 0 ? text.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += text[i];
      continue;
    }
    const auto c = static_cast<UChar32>(std::stoul(text.substr(i + 3, close - i - 3), nullptr, 16));
    char buf[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buf, length, U8_MAX_LENGTH, c, error);
    REQUIRE_FALSE(error);
    out.append(buf, static_cast<size_t>(length));
    i = close;
  }
  return out;
}

}  // namespace kb::test
