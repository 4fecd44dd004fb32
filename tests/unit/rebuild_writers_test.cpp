// A rebuild written by several writers at once (PublishOptions::rebuild_writers)
// is the same index as one writer builds: documents, terms, positions, values,
// the Greeklish table and the metadata.
#include <doctest/doctest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>

#include "index/db_dir.h"
#include "index/schema.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace {

using kb::test::Workspace;

void WriteMixed(Workspace& ws) {
  const char* words[] = {"router", "password", "invoice", "refund", "printer", "backup"};
  for (int i = 0; i < 13; ++i) {
    const std::string n = std::to_string(i), w = words[i % 6], v = words[(i + 1) % 6];
    ws.Write("en/c" + std::to_string(i % 3) + "/a" + n,
             "title: Fix the " + w + " " + n + "\nlang: en\ntags: [" + v + "]" +
                 (i % 4 == 0 ? "\naudience: internal" : ""),
             "## Steps\nRestart the " + w + " and check the " + v + " settings " + n + " times.");
    ws.Write("el/c/a" + n, "title: Κωδικός πρόσβασης " + n + "\nlang: el",
             "Αλλάξτε τον κωδικό πρόσβασης και ενημερώστε τον λογαριασμό " + n + ".");
    ws.Write("he/c/a" + n, "title: איפוס סיסמה " + n + "\nlang: he",
             "כדי לאפס את הסיסמה שלך פתח את ההגדרות " + n + ".");
    ws.Write("fa/c/a" + n, "title: بازیابی رمز عبور " + n + "\nlang: fa",
             "برای بازیابی رمز عبور به تنظیمات بروید " + n + ".");
  }
  ws.Write("en/c0/draft", "title: Draft\nlang: en\ndraft: true", "not published");
  // One modification time for all (an article's `updated`), in every workspace.
  static const auto when = std::filesystem::file_time_type::clock::now() - std::chrono::hours(48);
  for (const auto& file : std::filesystem::recursive_directory_iterator(ws.articles()))
    if (file.is_regular_file()) std::filesystem::last_write_time(file.path(), when);
}

void Rebuild(Workspace& ws, size_t writers) {
  auto source = kb::NewFolderSource(ws.articles());
  kb::PublishOptions options;
  options.db_dir = ws.db();
  options.rebuild_writers = writers;
  auto report = kb::Publish(*source, options);
  REQUIRE(report.ok());
  REQUIRE(report->errors.ok());
  REQUIRE(report->rebuilt);
}

// Everything the index holds, as text.
std::string Dump(const std::string& db_dir) {
  auto generation = kb::ReadCurrentGeneration(db_dir);
  REQUIRE(generation.ok());
  Xapian::Database db(kb::GenerationPath(db_dir, *generation));
  std::ostringstream out;
  out << "docs " << db.get_doccount() << " last " << db.get_lastdocid() << " length "
      << db.get_total_length() << "\n";
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const Xapian::Document doc = db.get_document(*id);
    out << "doc " << *id << " " << doc.get_data() << "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      out << " value " << v.get_valueno() << " " << *v << "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      out << " term " << *t << " " << t.get_wdf() << " " << db.get_termfreq(*t) << ":";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << " " << *p;
      out << "\n";
    }
  }
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    out << "synonyms " << *k << ":";
    for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) out << " " << *s;
    out << "\n";
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
    if (*k != kb::schema::kMetaPublishedAt && *k != kb::schema::kMetaSource)  // time, folder
      out << "metadata " << *k << " " << db.get_metadata(*k) << "\n";
  return out.str();
}

}  // namespace

TEST_CASE("publish: a rebuild by two or three writers (threads) is the index one writer builds") {
  Workspace one;
  WriteMixed(one);
  Rebuild(one, 1);
  const std::string expected = Dump(one.db());
  CHECK(expected.find("synonyms XG") != std::string::npos);  // the Greeklish table is compared
  for (size_t writers : {2, 3}) {
    CAPTURE(writers);
    Workspace ws;
    WriteMixed(ws);
    Rebuild(ws, writers);
    CHECK(Dump(ws.db()) == expected);
    CHECK(ws.Search("router").total == one.Search("router").total);
  }
}

namespace {

// A folder whose article `id` reads differently the second time (it changed
// between validation and writing).
class ShiftingFolder : public kb::ArticleSource {
 public:
  ShiftingFolder(const std::string& root, std::string id)
      : inner_(kb::NewFolderSource(root)), id_(std::move(id)) {}
  kb::Diagnosed<std::vector<Entry>> List() override { return inner_->List(); }
  kb::Diagnosed<std::string> Read(const Entry& e) override {
    kb::Diagnosed<std::string> bytes = inner_->Read(e);
    if (e.id == id_ && reads_++ > 0) bytes.value += " changed";
    return bytes;
  }
  std::string Describe() const override { return inner_->Describe(); }

 private:
  std::unique_ptr<kb::ArticleSource> inner_;
  std::string id_;
  int reads_ = 0;
};

}  // namespace

TEST_CASE("publish: an article changed while two writers (threads) rebuild makes nothing live") {
  Workspace ws;
  WriteMixed(ws);
  Rebuild(ws, 1);
  const std::string live = Dump(ws.db());
  ShiftingFolder source(ws.articles(), "he/c/a9");  // in the second writer's half
  kb::PublishOptions options;
  options.db_dir = ws.db();
  options.force_rebuild = true;
  options.rebuild_writers = 2;
  kb::test::CheckChangedWhilePublishing(kb::Publish(source, options));
  CHECK(Dump(ws.db()) == live);
  size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ws.db())) {
    CAPTURE(entry.path().string());
    CHECK(entry.path().string().find(".build") == std::string::npos);
    ++entries;
  }
  CHECK(entries >= 2);  // CURRENT, the live generation (and the file stamps cache)
}
