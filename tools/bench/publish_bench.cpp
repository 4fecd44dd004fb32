// publish_bench: latency of git publishing, from a new commit that changes
// one article to that article being searchable (GitSource + Publish +
// Searcher, what `kb serve --repo` does on a webhook), at several repository
// sizes. Reports medians; asserts the changed article is found each time.
//
//   publish_bench [--articles 1000,10000] [--runs 7]
//
// Corpora come from tools/bench/make_corpus.py, committed with libgit2 into a
// temp repository (one commit), then each run commits one changed article.
//
//   publish_bench --folder ARTICLES_DIR --db DB_DIR [--kb KB] [--changes 1,100] [--runs 3]
//
// Folder mode: latency of `kb index` on a folder already published into
// DB_DIR, from C changed articles (the first C English ones by path, each
// gaining one new word) to all of them being searchable by a Searcher that
// was open before (what `kb serve` sees). With --kb the publish is the real
// command (`KB index ARTICLES_DIR --db DB_DIR --quiet`, a process), without it
// kb::Publish in this process. ARTICLES_DIR and DB_DIR are CHANGED: pass
// copies. The unchanged folder is published once before the timed runs.
// Reports medians; exits 1 if a publish fails or a change is not found.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../../tests/unit/git_test_repo.h"
#include "bench_stats.h"
#include "kb/articles/article.h"
#include "kb/index/publish.h"
#include "kb/index/search.h"
#include "kb/sources/article_sources.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

using kb_bench::Median;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Result {
  size_t articles = 0;
  double initial_ms = 0, publish_ms = 0, search_ms = 0, total_ms = 0;
  double max_total_ms = 0;
};

Result RunSize(size_t articles, int runs) {
  char templ[] = "/tmp/kb-publish-bench-XXXXXX";
  const fs::path tmp = mkdtemp(templ);
  const std::string corpus = (tmp / "corpus").string();
  const std::string script = std::string(KB_SOURCE_DIR) + "/tools/bench/make_corpus.py";
  const std::string cmd =
      "python3 '" + script + "' '" + corpus + "' --articles " + std::to_string(articles);
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "make_corpus.py failed\n");
    std::exit(1);
  }
  kb_test::GitTestRepo repo((tmp / "repo").string());
  kb_test::GitChanges files;
  std::string target;  // an English article to change
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), corpus).string();
    files[rel] = Read(e.path());
    if (target.empty() && rel.rfind("en/", 0) == 0) target = rel;
  }
  repo.Commit("main", files, "corpus");

  kb::GitSourceOptions options;
  options.repo = repo.path();
  auto source = kb::NewGitSource(options);
  if (!source.ok()) std::exit(1);
  kb::PublishOptions publish;
  publish.db_dir = (tmp / "db").string();
  Result result;
  result.articles = articles;
  auto start = Clock::now();
  if (auto r = kb::Publish(**source, publish); !r.ok() || !r->errors.empty()) std::exit(1);
  result.initial_ms = Ms(Clock::now() - start);
  auto searcher = kb::Searcher::Open(publish.db_dir);
  if (!searcher.ok()) std::exit(1);

  std::vector<double> publish_ms, search_ms, total_ms;
  std::string text = *files[target];
  for (int run = 0; run < runs; ++run) {
    std::string word = "benchmarkword";  // + the run number spelled in letters (a unique word)
    for (char digit : std::to_string(run)) word += static_cast<char>('a' + (digit - '0'));
    text += "\n\n" + word + "\n";
    repo.Commit("main", {{target, text}}, "edit " + std::to_string(run));
    start = Clock::now();  // the push has landed: publish it and search for it
    auto r = kb::Publish(**source, publish);
    if (!r.ok() || !r->errors.empty() || r->updated != 1) {
      std::fprintf(stderr, "publish failed or touched more than one article\n");
      std::exit(1);
    }
    const auto published = Clock::now();
    kb::SearchRequest q;
    q.query = word;
    q.lang = "en";
    auto found = (*searcher)->Search(q);
    const auto end = Clock::now();
    if (!found.ok() || found->hits.empty() || found->hits[0].id + ".md" != target) {
      std::fprintf(stderr, "the changed article is not searchable\n");
      std::exit(1);
    }
    publish_ms.push_back(Ms(published - start));
    search_ms.push_back(Ms(end - published));
    total_ms.push_back(Ms(end - start));
  }
  result.publish_ms = Median(publish_ms);
  result.search_ms = Median(search_ms);
  result.total_ms = Median(total_ms);
  result.max_total_ms = *std::max_element(total_ms.begin(), total_ms.end());
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return result;
}

struct FolderOptions {
  std::string folder, db, kb;  // kb empty: publish in this process
  std::vector<size_t> changes = {1, 100};
  int runs = 3;
};

// A word no article has: `prefix` and the digits of `n` spelled in letters.
std::string UniqueWord(const std::string& prefix, size_t n) {
  std::string word = prefix;
  for (char digit : std::to_string(n)) word += static_cast<char>('a' + (digit - '0'));
  return word;
}

// Publishes the folder into the db: the kb command when given, else kb::Publish.
bool PublishFolder(const FolderOptions& o, size_t expected_updates) {
  if (!o.kb.empty()) {
    const std::string cmd =
        "'" + o.kb + "' index '" + o.folder + "' --db '" + o.db + "' --quiet >/dev/null";
    return std::system(cmd.c_str()) == 0;
  }
  auto source = kb::NewFolderSource(o.folder);
  kb::PublishOptions publish;
  publish.db_dir = o.db;
  auto r = kb::Publish(*source, publish);
  return r.ok() && r->errors.empty() && r->updated == expected_updates;
}

int RunFolder(const FolderOptions& o) {
  std::vector<fs::path> english;  // every English article, by path
  for (const auto& e : fs::recursive_directory_iterator(fs::path(o.folder) / "en"))
    if (e.is_regular_file() && e.path().extension() == ".md") english.push_back(e.path());
  std::sort(english.begin(), english.end());
  auto searcher = kb::Searcher::Open(o.db);
  if (!searcher.ok()) {
    std::fprintf(stderr, "publish_bench: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  // The copy's files are new to the folder: publish it once, untimed, after
  // they have settled (docs/design.md, file stamps), as a help center's folder
  // has been published before its next edit.
  std::this_thread::sleep_for(kb::kFileSettleTime + std::chrono::milliseconds(100));
  if (!PublishFolder(o, 0)) {
    std::fprintf(stderr, "publish_bench: publishing the unchanged folder failed\n");
    return 1;
  }
  kb::SearchRequest warm;  // loads what a first search loads (dictionaries), as a server has
  warm.query = "benchmark warm up";
  warm.lang = "en";
  (void)(*searcher)->Search(warm);
  std::printf("%-8s %5s %12s %10s %16s %8s   (%s, %zu English articles)\n", "changed", "runs",
              "publish_ms", "search_ms", "change->hit_ms", "max_ms",
              o.kb.empty() ? "kb::Publish in-process" : "kb index process", english.size());
  for (size_t changes : o.changes) {
    if (changes > english.size()) {
      std::fprintf(stderr, "publish_bench: only %zu English articles\n", english.size());
      return 1;
    }
    std::vector<double> publish_ms, search_ms, total_ms;
    for (int run = 0; run < o.runs; ++run) {
      const std::string word = UniqueWord("benchmarkword", changes * 1000 + run);
      for (size_t i = 0; i < changes; ++i) {
        std::ofstream(english[i], std::ios::app) << "\n\n" << word << "\n";
      }
      const auto start = Clock::now();  // the change has landed: publish it and search for it
      if (!PublishFolder(o, changes)) {
        std::fprintf(stderr, "publish_bench: publishing %zu changes failed\n", changes);
        return 1;
      }
      const auto published = Clock::now();
      kb::SearchRequest q;
      q.query = word;
      q.lang = "en";
      q.agent = true;  // internal articles are among the changed ones
      auto found = (*searcher)->Search(q);
      const auto end = Clock::now();
      if (!found.ok() || found->total != changes) {
        std::fprintf(stderr, "publish_bench: %zu changed articles, %llu found\n", changes,
                     found.ok() ? static_cast<unsigned long long>(found->total) : 0ULL);
        return 1;
      }
      publish_ms.push_back(Ms(published - start));
      search_ms.push_back(Ms(end - published));
      total_ms.push_back(Ms(end - start));
    }
    std::printf("%-8zu %5d %12.1f %10.2f %16.1f %8.1f\n", changes, o.runs, Median(publish_ms),
                Median(search_ms), Median(total_ms),
                *std::max_element(total_ms.begin(), total_ms.end()));
    std::fflush(stdout);
  }
  return 0;
}

std::vector<size_t> SizeList(const std::string& csv) {
  std::vector<size_t> sizes;
  std::stringstream list(csv);
  for (std::string n; std::getline(list, n, ',');) sizes.push_back(std::stoul(n));
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> sizes = {1000, 10000};
  int runs = 7;
  FolderOptions folder;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--runs") {
      folder.runs = runs = std::atoi(argv[i + 1]);
    } else if (flag == "--articles") {
      sizes = SizeList(argv[i + 1]);
    } else if (flag == "--changes") {
      folder.changes = SizeList(argv[i + 1]);
    } else if (flag == "--folder") {
      folder.folder = argv[i + 1];
    } else if (flag == "--db") {
      folder.db = argv[i + 1];
    } else if (flag == "--kb") {
      folder.kb = argv[i + 1];
    }
  }
  if (!folder.folder.empty()) {
    if (folder.db.empty()) {
      std::fprintf(stderr, "publish_bench: --folder needs --db\n");
      return 2;
    }
    return RunFolder(folder);
  }
  std::printf("%-9s %12s %14s %12s %14s %12s\n", "articles", "initial_ms", "publish_ms",
              "search_ms", "commit->hit_ms", "max_ms");
  for (size_t n : sizes) {
    const Result r = RunSize(n, runs);
    std::printf("%-9zu %12.0f %14.1f %12.2f %14.1f %12.1f\n", r.articles, r.initial_ms,
                r.publish_ms, r.search_ms, r.total_ms, r.max_total_ms);
    std::fflush(stdout);
  }
  return 0;
}
