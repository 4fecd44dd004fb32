// GitSource over real repositories made with libgit2 in temp dirs, and
// Publish() through it.
#include "sources/git_source.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "git_test_repo.h"
#include "index/db_dir.h"
#include "index/schema.h"
#include "kb/core/sha256.h"
#include "kb/index/publish.h"
#include "kb/index/search.h"
#include "kb/publish/git_publisher.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace fs = std::filesystem;
using kb::test::TempDir;
using kb_test::ArticleText;
using kb_test::GitTestRepo;

namespace {

std::unique_ptr<kb::GitSource> OpenSource(const std::string& repo,
                                          const std::string& branch = "main",
                                          const std::string& cache = "") {
  kb::GitSourceOptions options;
  options.repo = repo;
  options.branch = branch;
  options.cache_dir = cache;
  auto source = kb::GitSource::Open(options);
  INFO(source.status().ToString());
  REQUIRE(source.ok());
  return std::move(*source);
}

std::vector<kb::ArticleSource::Entry> ListOk(kb::ArticleSource& source) {
  auto [entries, errors] = source.List();
  INFO(errors.ToString());
  CHECK(errors.ok());
  return entries;
}

std::vector<std::string> Ids(const std::vector<kb::ArticleSource::Entry>& entries) {
  std::vector<std::string> ids;
  for (const auto& e : entries) ids.push_back(e.id);
  return ids;
}

const kb::ArticleSource::Entry& Find(const std::vector<kb::ArticleSource::Entry>& entries,
                                     const std::string& id) {
  for (const auto& e : entries)
    if (e.id == id) return e;
  FAIL("no entry " << id);
  throw std::logic_error("unreachable");
}

// Counts Read() calls of the source it wraps.
class CountingSource : public kb::ArticleSource {
 public:
  explicit CountingSource(kb::ArticleSource& inner) : inner_(inner) {}
  kb::Diagnosed<std::vector<Entry>> List() override { return inner_.List(); }
  kb::Diagnosed<std::string> Read(const Entry& e) override {
    ++reads;
    return inner_.Read(e);
  }
  std::string Describe() const override { return inner_.Describe(); }
  std::string Commit() const override { return inner_.Commit(); }
  kb::Diagnosed<std::optional<SynonymsFile>> ReadSynonyms() override {
    return inner_.ReadSynonyms();
  }
  kb::Result<Changes> ChangesSince(const std::string& since) override {
    return inner_.ChangesSince(since);
  }
  bool HasArticle(const std::string& id) const override { return inner_.HasArticle(id); }
  int reads = 0;

 private:
  kb::ArticleSource& inner_;
};

kb::PublishReport PublishOk(kb::ArticleSource& source, const std::string& db) {
  kb::PublishOptions options;
  options.db_dir = db;
  auto report = kb::Publish(source, options);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  INFO(report->errors.ToString());
  REQUIRE(report->errors.empty());
  return *report;
}

std::string Metadata(const std::string& db, const char* key) {
  auto generation = kb::ReadCurrentGeneration(db);
  REQUIRE(generation.ok());
  return Xapian::Database(kb::GenerationPath(db, *generation)).get_metadata(key);
}

}  // namespace

TEST_SUITE_BEGIN("git_source");

TEST_CASE(
    "git source lists the committed .md files, skipping _ and . names, not the working copy") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit("main",
              {{"en/account/reset.md", ArticleText("Reset", "en", "Body")},
               {"en/_drafts/x.md", ArticleText("X", "en", "x")},
               {"en/.hidden.md", ArticleText("H", "en", "h")},
               {"_synonyms.yml", std::string("en: []\n")},
               {"en/notes.txt", std::string("not an article")},
               {"he/billing/refund.md", ArticleText("החזר", "he", "גוף")}},
              "first");
  // An uncommitted file in the working copy is not an article.
  std::ofstream(tmp.Sub("repo/en/uncommitted.md")) << ArticleText("U", "en", "u");
  auto source = OpenSource(tmp.Sub("repo"));
  const auto entries = ListOk(*source);
  CHECK(Ids(entries) == std::vector<std::string>{"en/account/reset", "he/billing/refund"});
  CHECK(Find(entries, "en/account/reset").path == "en/account/reset.md");
  CHECK(source->Commit() == repo.Tip("main"));
  const kb::Diagnosed<std::string> read = source->Read(entries[0]);
  REQUIRE(read.ok());
  const std::string& bytes = read.value;
  CHECK(bytes == ArticleText("Reset", "en", "Body"));
  // The source vouches for the bytes with their hash, so Publish need not read them.
  CHECK(entries[0].content_hash == kb::Sha256Hex(bytes));
  CHECK(entries[0].content_hash.size() == 64);
}

TEST_CASE("updated and author come from the last commit that changed each file") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit("main",
              {{"en/a.md", ArticleText("A", "en", "a")}, {"en/b.md", ArticleText("B", "en", "b")}},
              "first", {"Ann", "ann@example.com", 1700000000});
  repo.Commit("main", {{"en/b.md", ArticleText("B", "en", "b2")}}, "second",
              {"Bob", "bob@example.com", 1700003600});
  repo.Commit("main", {{"README.txt", std::string("x")}}, "third",
              {"Cy", "cy@example.com", 1700007200});
  auto source = OpenSource(tmp.Sub("repo"));
  const auto entries = ListOk(*source);
  CHECK(Find(entries, "en/a").updated == 1700000000);
  CHECK(Find(entries, "en/a").author == "Ann");
  CHECK(Find(entries, "en/b").updated == 1700003600);
  CHECK(Find(entries, "en/b").author == "Bob");
}

TEST_CASE("a branch is read from its own tree") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a")}}, "first");
  repo.Commit("preview", {{"en/new.md", ArticleText("New", "en", "n")}}, "on a branch");
  CHECK(Ids(ListOk(*OpenSource(tmp.Sub("repo"), "main"))) == std::vector<std::string>{"en/a"});
  CHECK(Ids(ListOk(*OpenSource(tmp.Sub("repo"), "preview"))) ==
        std::vector<std::string>{"en/a", "en/new"});
  kb::GitSourceOptions options;
  options.repo = tmp.Sub("repo");
  options.branch = "nope";
  auto missing = kb::GitSource::Open(options);
  REQUIRE(missing.ok());
  const auto [entries, errors] = (*missing)->List();
  CHECK(entries.empty());
  CHECK(errors.size() == 1);
}

TEST_CASE("opening fails for a missing repository and for a URL without cache") {
  TempDir tmp;
  kb::GitSourceOptions options;
  options.repo = tmp.Sub("none");
  CHECK(kb::GitSource::Open(options).status().code() == kb::StatusCode::kNotFound);
  options.repo = "https://example.invalid/help.git";
  CHECK(kb::GitSource::Open(options).status().code() == kb::StatusCode::kInvalidArgument);
}

TEST_CASE("publishing a new commit reads only the changed article and records the commit") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  kb_test::GitChanges files;
  for (int i = 0; i < 20; ++i)
    files["en/a" + std::to_string(i) + ".md"] = ArticleText("A" + std::to_string(i), "en", "word");
  repo.Commit("main", files, "many");
  auto git = OpenSource(tmp.Sub("repo"));
  CountingSource source(*git);
  CHECK(PublishOk(source, tmp.Sub("db")).added == 20);
  CHECK(Metadata(tmp.Sub("db"), kb::schema::kMetaGitCommit) == repo.Tip("main"));

  repo.Commit("main", {{"en/a3.md", ArticleText("A3", "en", "changed")}}, "edit");
  source.reads = 0;
  const kb::PublishReport report = PublishOk(source, tmp.Sub("db"));
  CHECK(report.updated == 1);
  CHECK(report.unchanged == 19);
  CHECK(source.reads == 2);  // the changed article only: validated, then read again to write
  CHECK(Metadata(tmp.Sub("db"), kb::schema::kMetaGitCommit) == repo.Tip("main"));
}

TEST_CASE("a rename publishes as one delete and one add") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit(
      "main",
      {{"en/old.md", ArticleText("Old", "en", "x")}, {"en/k.md", ArticleText("K", "en", "k")}},
      "first");
  auto source = OpenSource(tmp.Sub("repo"));
  PublishOk(*source, tmp.Sub("db"));
  repo.Commit("main", {{"en/old.md", std::nullopt}, {"en/new.md", ArticleText("Old", "en", "x")}},
              "rename");
  const kb::PublishReport report = PublishOk(*source, tmp.Sub("db"));
  CHECK(report.added == 1);
  CHECK(report.deleted == 1);
  CHECK(report.unchanged == 1);
}

TEST_CASE("a translation is outdated when its source changed in a later commit") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  const std::string of = "translation_of: en/a";
  repo.Commit(
      "main",
      {{"en/a.md", ArticleText("A", "en", "a")}, {"he/a.md", ArticleText("א", "he", "x", of)}},
      "both");
  auto incremental = OpenSource(tmp.Sub("repo"));
  CHECK_FALSE(Find(ListOk(*incremental), "he/a").outdated);

  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a changed")}}, "source changed");
  CHECK(Find(ListOk(*incremental), "he/a").outdated);
  CHECK(Find(ListOk(*OpenSource(tmp.Sub("repo"))), "he/a").outdated);
  CHECK(incremental->OutdatedReason("he/a").find("en/a changed in") != std::string::npos);
  CHECK_FALSE(Find(ListOk(*incremental), "en/a").outdated);

  repo.Commit("main", {{"he/a.md", ArticleText("א", "he", "y", of)}}, "translation caught up");
  CHECK_FALSE(Find(ListOk(*incremental), "he/a").outdated);
  CHECK_FALSE(Find(ListOk(*OpenSource(tmp.Sub("repo"))), "he/a").outdated);
}

TEST_CASE("outdated flips re-index the unchanged translation") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  const std::string of = "translation_of: en/a";
  repo.Commit(
      "main",
      {{"en/a.md", ArticleText("A", "en", "a")}, {"he/a.md", ArticleText("א", "he", "x", of)}},
      "both");
  auto source = OpenSource(tmp.Sub("repo"));
  PublishOk(*source, tmp.Sub("db"));
  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a2")}}, "source changed");
  CHECK(PublishOk(*source, tmp.Sub("db")).updated == 2);  // en/a and the now outdated he/a
}

TEST_CASE("a force-push walks the history again") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  const std::string first = repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a")}}, "first",
                                        {"Ann", "a@x", 1700000000});
  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "b")}}, "second",
              {"Bob", "b@x", 1700001000});
  auto source = OpenSource(tmp.Sub("repo"));
  CHECK(Find(ListOk(*source), "en/a").author == "Bob");
  repo.Reset("main", first);
  CHECK(Find(ListOk(*source), "en/a").author == "Ann");
  CHECK(source->Commit() == first);
}

TEST_CASE("a URL is cloned into the cache and fetched") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("origin"));
  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a")}}, "first");
  auto source = OpenSource("file://" + tmp.Sub("origin"), "main", tmp.Sub("cache"));
  CHECK(Ids(ListOk(*source)) == std::vector<std::string>{"en/a"});
  repo.Commit("main", {{"en/b.md", ArticleText("B", "en", "b")}}, "second");
  CHECK(Ids(ListOk(*source)).size() == 1);  // not fetched yet
  REQUIRE(source->Fetch().ok());
  CHECK(Ids(ListOk(*source)) == std::vector<std::string>{"en/a", "en/b"});
  CHECK(source->Commit() == repo.Tip("main"));
  // A second source reuses the clone.
  CHECK(Ids(ListOk(*OpenSource("file://" + tmp.Sub("origin"), "main", tmp.Sub("cache")))).size() ==
        2);
}

TEST_CASE("a publisher's first attempt uses the fetch of its opening; later ones fetch") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("origin"));
  repo.Commit("main", {{"en/a.md", ArticleText("A", "en", "a")}}, "first");
  kb::GitPublisherOptions options;
  options.source.repo = "file://" + tmp.Sub("origin");
  options.source.cache_dir = tmp.Sub("cache");
  options.db_dir = tmp.Sub("db");
  auto publisher = kb::GitPublisher::Create(options);  // clones: the first fetch
  REQUIRE(publisher.ok());
  // With the origin gone, only a fetch could fail.
  std::filesystem::rename(tmp.Sub("origin"), tmp.Sub("moved"));
  const kb::GitPublishAttempt first = (*publisher)->PublishNow();
  CHECK(first.status.ok());
  CHECK(first.ok());
  const kb::GitPublishAttempt second = (*publisher)->PublishNow();
  CHECK(second.status.code() == kb::StatusCode::kIOError);
  CHECK(second.status.message().find("cannot fetch") != std::string::npos);
}

TEST_SUITE_END();

TEST_CASE("the synonyms file is read from the committed tree and validated") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit("main",
              {{"en/refunds.md", ArticleText("Refunds", "en", "Your refund arrives soon.")},
               {"_synonyms.yml", "en:\n  - [refund, reimbursement]\n"}},
              "with synonyms");
  auto source = OpenSource(tmp.Sub("repo"));
  PublishOk(*source, tmp.Sub("db"));
  auto searcher = kb::Searcher::Open(tmp.Sub("db"));
  REQUIRE(searcher.ok());
  kb::SearchRequest request;
  request.query = "reimbursement";
  request.lang = "en";
  auto found = (*searcher)->Search(request);
  REQUIRE(found.ok());
  CHECK(found->total == 1);

  repo.Commit("main", {{"_synonyms.yml", "en:\n  - [refund]\n"}}, "broken synonyms");
  kb::PublishOptions options;
  options.db_dir = tmp.Sub("db");
  auto report = kb::Publish(*source, options);
  REQUIRE(report.ok());
  REQUIRE(report->errors.size() == 1);
  CHECK(report->errors[0].ToString().rfind("_synonyms.yml:2: ", 0) == 0);
  CHECK_FALSE(report->committed);
}

TEST_CASE("after the first publish, a push is published from the diff alone") {
  TempDir tmp;
  GitTestRepo repo(tmp.Sub("repo"));
  repo.Commit("main",
              {{"en/a.md", ArticleText("Alpha", "en", "alpha text")},
               {"he/a.md", ArticleText("אלפא", "he", "טקסט", "translation_of: en/a")},
               {"en/b.md", ArticleText("Beta", "en", "beta text")},
               {"en/c.md", ArticleText("Gamma", "en", "gamma text")}},
              "first");
  auto git = OpenSource(tmp.Sub("repo"));
  CountingSource source(*git);
  CHECK_FALSE(PublishOk(source, tmp.Sub("db")).incremental_listing);  // the first one lists all
  auto searcher = kb::Searcher::Open(tmp.Sub("db"));
  REQUIRE(searcher.ok());
  auto total = [&](const std::string& q) {
    kb::SearchRequest request;
    request.query = q;
    auto r = (*searcher)->Search(request);
    REQUIRE(r.ok());
    return r->total;
  };

  SUBCASE("edits, additions and deletions") {
    repo.Commit("main",
                {{"en/b.md", ArticleText("Beta", "en", "zetaword text")},
                 {"en/d.md", ArticleText("Delta", "en", "deltaword text")},
                 {"en/c.md", std::nullopt}},
                "edit");
    source.reads = 0;
    const kb::PublishReport report = PublishOk(source, tmp.Sub("db"));
    CHECK(report.incremental_listing);
    CHECK(report.updated == 1);
    CHECK(report.added == 1);
    CHECK(report.deleted == 1);
    CHECK(source.reads == 4);  // b and d, each validated and then written
    CHECK(total("zetaword") == 1);
    CHECK(total("deltaword") == 1);
    CHECK(total("gamma") == 0);
    CHECK(Metadata(tmp.Sub("db"), kb::schema::kMetaGitCommit) == repo.Tip("main"));
  }
  SUBCASE("a changed source makes its unchanged translation outdated") {
    repo.Commit("main", {{"en/a.md", ArticleText("Alpha", "en", "alpha text, new")}},
                "source edit");
    const kb::PublishReport report = PublishOk(source, tmp.Sub("db"));
    CHECK(report.incremental_listing);
    CHECK(report.updated == 2);  // the source, and the translation's flag
    auto he = (*searcher)->GetArticle("he/a", true);
    REQUIRE(he.ok());
    CHECK(he->outdated);
  }
  SUBCASE("a bad commit publishes nothing; the fix after it publishes both changes") {
    repo.Commit("main",
                {{"en/b.md", "no front matter\n"}, {"en/d.md", ArticleText("D", "en", "dword")}},
                "bad");
    kb::PublishOptions options;
    options.db_dir = tmp.Sub("db");
    auto bad = kb::Publish(source, options);
    REQUIRE(bad.ok());
    CHECK_FALSE(bad->errors.empty());
    CHECK_FALSE(bad->committed);
    CHECK(total("dword") == 0);
    repo.Commit("main", {{"en/b.md", ArticleText("Beta", "en", "fixed text")}}, "fix");
    const kb::PublishReport fixed = PublishOk(source, tmp.Sub("db"));
    CHECK(fixed.committed);
    CHECK(total("dword") == 1);
    CHECK(total("fixed") == 1);
  }
  SUBCASE("a file name that is not UTF-8 fails the diff publish as it fails a full listing") {
    repo.Commit("main", {{"en/caf\xFF.md", ArticleText("Cafe", "en", "cafeword")}}, "bad name");
    kb::PublishOptions options;
    options.db_dir = tmp.Sub("db");
    auto bad = kb::Publish(source, options);
    REQUIRE(bad.ok());
    CHECK(bad->incremental_listing);
    REQUIRE(bad->errors.size() == 1);
    CHECK(bad->errors[0].ToString() == "en/caf\\xFF.md: file name is not valid UTF-8; skipped");
    CHECK_FALSE(bad->committed);
    CHECK(total("cafeword") == 0);
  }
  SUBCASE("a force-push is published from a full listing") {
    const std::string first = repo.Tip("main");
    repo.Commit("main", {{"en/e.md", ArticleText("E", "en", "eword")}}, "e");
    PublishOk(source, tmp.Sub("db"));
    CHECK(total("eword") == 1);
    repo.Reset("main", first);
    const kb::PublishReport report = PublishOk(source, tmp.Sub("db"));
    CHECK_FALSE(report.incremental_listing);
    CHECK(report.deleted == 1);
    CHECK(total("eword") == 0);
  }
}
