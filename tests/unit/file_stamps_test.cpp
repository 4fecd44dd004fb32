// Folder publishing does not read a settled file whose stamp is unchanged
// (ArticleFile::stamp, index/file_stamps.h), and never takes a changed file
// for an unchanged one.
#include "index/file_stamps.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "index/db_dir.h"
#include "kb/articles/article.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

using kb::test::Workspace;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A folder source that counts the files it reads. A file counts as settled
// when it last changed before `settled_before` (ns): by default every file
// written so far, as if the listing came a while after the last edit.
class CountingSource : public kb::ArticleSource {
 public:
  explicit CountingSource(const std::string& root,
                          int64_t settled_before = NowNs() + 60'000'000'000)
      : inner_(kb::NewFolderSource(root, [settled_before] { return settled_before; })) {}
  kb::Diagnosed<std::vector<Entry>> List() override { return inner_->List(); }
  kb::Diagnosed<std::string> Read(const Entry& e) override {
    ++reads;
    return inner_->Read(e);
  }
  std::string Describe() const override { return inner_->Describe(); }
  kb::Diagnosed<std::optional<SynonymsFile>> ReadSynonyms() override {
    return inner_->ReadSynonyms();
  }
  int reads = 0;

 private:
  std::unique_ptr<kb::ArticleSource> inner_;
};

kb::PublishReport PublishCounting(Workspace& ws, CountingSource& source) {
  kb::PublishOptions options;
  options.db_dir = ws.db();
  source.reads = 0;
  auto report = kb::Publish(source, options);
  REQUIRE(report.ok());
  REQUIRE(report->errors.ok());
  return *report;
}

void WriteThree(Workspace& ws) {
  ws.Write("en/a/one", "title: One\nlang: en", "The first gloptastic article.");
  ws.Write("en/a/two", "title: Two\nlang: en", "The second article.");
  ws.Write("en/a/three", "title: Three\nlang: en", "The third article.");
}

}  // namespace

TEST_CASE("file stamps: a settled file whose stamp is unchanged is not read again") {
  Workspace ws;
  WriteThree(ws);
  CountingSource source(ws.articles());
  CHECK(PublishCounting(ws, source).added == 3);
  CHECK(kb::ReadFileStamps(ws.db()).size() == 3);

  auto again = PublishCounting(ws, source);
  CHECK(again.unchanged == 3);
  CHECK(source.reads == 0);

  // New bytes of the same size, with the old modification time put back: the
  // change time and stat's other fields still tell, and the file is read.
  const fs::path one = fs::path(ws.articles()) / "en/a/one.md";
  const auto mtime = fs::last_write_time(one);
  const auto size = fs::file_size(one);
  ws.Write("en/a/one", "title: One\nlang: en", "The first blorptasti article.");
  fs::last_write_time(one, mtime);
  REQUIRE(fs::file_size(one) == size);
  auto edited = PublishCounting(ws, source);
  CHECK(edited.updated == 1);
  CHECK(edited.unchanged == 2);
  CHECK(source.reads >= 1);
  CHECK(ws.Search("blorptasti").total == 1);
  CHECK(ws.Search("gloptastic").total == 0);

  CHECK(PublishCounting(ws, source).unchanged == 3);
  CHECK(source.reads == 0);
}

TEST_CASE("file stamps: a file changed after the settling time is read on every publish") {
  Workspace ws;
  // A second before the writes: the kernel stamps a change with a clock that
  // may lag the real one by a tick.
  const int64_t before = NowNs() - 1'000'000'000;
  WriteThree(ws);
  // Changed too recently: two writes within one tick of the clock could leave
  // the same stamp, so none of the files gets one, and each is read again.
  for (const kb::ArticleFile& file : kb::ListArticleFiles(ws.articles(), before).value)
    CHECK(file.stamp.empty());
  for (const kb::ArticleFile& file : kb::ListArticleFiles(ws.articles(), NowNs() + 1).value)
    CHECK_FALSE(file.stamp.empty());
  CountingSource source(ws.articles(), before);
  PublishCounting(ws, source);
  CHECK(kb::ReadFileStamps(ws.db()).empty());
  CHECK(PublishCounting(ws, source).unchanged == 3);
  CHECK(source.reads == 3);
}

TEST_CASE("file stamps: a damaged or wrong cache costs reading, never a missed change") {
  Workspace ws;
  WriteThree(ws);
  CountingSource source(ws.articles());
  PublishCounting(ws, source);
  const kb::FileStamps learned = kb::ReadFileStamps(ws.db());
  REQUIRE(learned.size() == 3);

  // A cache whose stamps claim other bytes than the index has, lines cut short
  // and garbage: every file it does not vouch for is read.
  kb::FileStamps wrong = learned;
  wrong["en/a/one"].content_hash = std::string(64, '0');
  REQUIRE(kb::WriteFileStamps(ws.db(), wrong));
  std::ofstream(kb::FileStampsPath(ws.db()), std::ios::app)
      << "en/a/two\t" << learned.at("en/a/two").stamp << "\tabc\nnot a line\n\t\t\n";
  auto published = PublishCounting(ws, source);
  CHECK(published.unchanged == 3);
  CHECK(source.reads == 1);                       // one: its hash is not the index's
  CHECK(kb::ReadFileStamps(ws.db()) == learned);  // and the cache is mended

  // The cache vouches for bytes, not for the index: an article edited while
  // the cache was lost is read, published, and learned again.
  fs::remove(kb::FileStampsPath(ws.db()));
  ws.Write("en/a/two", "title: Two\nlang: en", "The second snazzleberry article.");
  auto edited = PublishCounting(ws, source);
  CHECK(edited.updated == 1);
  CHECK(source.reads == 3 + 1);  // all three listed, the edited one again to write it
  CHECK(ws.Search("snazzleberry").total == 1);
  CHECK(kb::ReadFileStamps(ws.db()).size() == 3);
}
