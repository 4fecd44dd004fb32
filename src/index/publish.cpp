// Publish(): validate every changed article, then write them in one commit
// (or into a new generation for a full rebuild). See kb/index/publish.h.
#include "kb/index/publish.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "build_ahead.h"
#include "db_dir.h"
#include "document_builder.h"
#include "file_stamps.h"
#include "greeklish_table.h"
#include "kb/analysis/analysis.h"
#include "kb/articles/synonyms.h"
#include "kb/core/sha256.h"
#include "schema.h"
#include "spelling.h"

namespace kb {
namespace fs = std::filesystem;
namespace {

// What the live index holds: article id -> content hash.
using StoredHashes = std::unordered_map<std::string, std::string>;

StoredHashes ReadStoredHashes(const Xapian::Database& db) {
  StoredHashes stored;
  stored.reserve(db.get_doccount());
  auto hash = db.valuestream_begin(schema::kSlotContentHash);
  for (auto id = db.valuestream_begin(schema::kSlotId); id != db.valuestream_end(schema::kSlotId);
       ++id) {
    hash.skip_to(id.get_docid());
    const bool has_hash =
        hash != db.valuestream_end(schema::kSlotContentHash) && hash.get_docid() == id.get_docid();
    stored[*id] = has_hash ? *hash : std::string();
  }
  return stored;
}

// The stored hashes of just these ids (those the index has).
StoredHashes ReadStoredHashesOf(const Xapian::Database& db, const std::vector<std::string>& ids) {
  StoredHashes stored;
  for (const std::string& id : ids) {
    const std::string term = schema::IdTerm(id);
    auto posting = db.postlist_begin(term);
    if (posting != db.postlist_end(term))
      stored[id] = db.get_document(*posting).get_value(schema::kSlotContentHash);
  }
  return stored;
}

// An article to add or replace. Only what identifies it is kept between
// validation and writing, so memory does not grow with the help center: the
// article is read and parsed again when it is written.
struct Planned {
  ArticleSource::Entry entry;
  std::string hash;  // content hash (+ flags) validated
};

struct Plan {
  std::vector<Planned> changed;      // to add or replace (never drafts)
  std::vector<std::string> removed;  // ids to delete (gone, or now a draft)
  size_t added = 0, unchanged = 0;
  std::string synonyms;       // EncodeSynonyms JSON of every rule in force
  std::string synonyms_hash;  // its SHA-256 (stored as kMetaSynonymsHash)
  bool incremental = false;   // from the source's changes, not from a whole listing
  // What reading the folder's files taught the file stamps cache, and the
  // cache to keep when that changed it (a listing only).
  LearnedStamps learned;
  std::optional<FileStamps> new_stamps;
};

// Built-in rules plus the source's _synonyms.yml, validated: their
// EncodeSynonyms JSON, with the problems of the file.
Diagnosed<std::string> LoadSynonyms(ArticleSource& source) {
  std::vector<SynonymRule> rules = BuiltInSynonyms();
  Diagnosed<std::optional<ArticleSource::SynonymsFile>> file = source.ReadSynonyms();
  Diagnosed<std::string> loaded{{}, std::move(file.diagnostics)};
  if (file.value) {
    Diagnosed<std::vector<SynonymRule>> parsed = ParseSynonyms(file.value->path, file.value->bytes);
    rules.insert(rules.end(), parsed.value.begin(), parsed.value.end());
    loaded.diagnostics.Append(std::move(parsed.diagnostics));
  }
  loaded.value = EncodeSynonyms(rules);
  return loaded;
}

// Parses one entry's bytes; the problems when invalid.
// `hash` is the fingerprint publish compares: content hash plus source flags.
Diagnosed<Article> LoadArticle(const ArticleSource::Entry& entry, const std::string& bytes,
                               const std::string& hash) {
  Diagnosed<Article> parsed = ParseArticle(entry.id, entry.path, bytes);
  if (!parsed.ok()) return parsed;
  Article& article = parsed.value;
  article.updated = entry.updated;
  article.author = entry.author;
  article.outdated = entry.outdated;
  article.content_hash = hash;
  return parsed;
}

// The fingerprint publish stores and compares: the content hash plus the
// source-derived flags, so flipping a flag re-indexes the article.
std::string WithFlags(const ArticleSource::Entry& entry, const std::string& content_hash) {
  return content_hash + (entry.outdated ? "+outdated" : "");
}

std::string Fingerprint(const ArticleSource::Entry& entry, std::string_view bytes) {
  return WithFlags(entry, Sha256Hex(bytes));
}

// Reads and validates every entry whose content differs from what is stored:
// the plan, with the problems found. `plan.removed` gets drafts only: the
// caller adds the articles that are gone.
Diagnosed<Plan> MakePlan(ArticleSource& source, const std::vector<ArticleSource::Entry>& entries,
                         const StoredHashes& stored,
                         const std::function<bool(const std::string&)>& is_article,
                         const PublishOptions& options) {
  Diagnosed<Plan> planned;
  Plan& plan = planned.value;
  Diagnostics& errors = planned.diagnostics;
  size_t done = 0;
  for (const auto& entry : entries) {
    if (options.progress && (++done % 100 == 0 || done == entries.size()))
      options.progress("reading", done, entries.size());
    auto old = stored.find(entry.id);
    if (!entry.content_hash.empty() && old != stored.end() &&
        old->second == WithFlags(entry, entry.content_hash)) {
      ++plan.unchanged;  // the source vouches for the bytes: no need to read them
      continue;
    }
    Diagnosed<std::string> bytes = source.Read(entry);
    if (!bytes.ok()) {
      errors.Append(std::move(bytes.diagnostics));
      continue;
    }
    const std::string content_hash = Sha256Hex(bytes.value);
    if (!entry.file_stamp.empty())
      plan.learned.push_back({entry.id, {entry.file_stamp, content_hash}});
    const std::string hash = WithFlags(entry, content_hash);
    if (old != stored.end() && old->second == hash) {
      ++plan.unchanged;
      continue;
    }
    Diagnosed<Article> loaded = LoadArticle(entry, bytes.value, hash);
    if (!loaded.ok()) {
      errors.Append(std::move(loaded.diagnostics));
      continue;
    }
    const Article& article = loaded.value;
    errors.Append(CheckTranslationOf(article, is_article));
    if (article.draft) {
      if (old != stored.end()) plan.removed.push_back(article.id);
      continue;
    }
    if (old == stored.end()) ++plan.added;
    plan.changed.push_back({entry, hash});
  }
  return planned;
}

// The validated article again, for writing; the problem "changed while it was
// being published" when it no longer is what was validated (its file changed
// in between): then the write is abandoned and nothing is committed.
Diagnosed<Article> Reload(ArticleSource& source, const Planned& planned) {
  Diagnosed<std::string> bytes = source.Read(planned.entry);
  if (bytes.ok() && Fingerprint(planned.entry, bytes.value) == planned.hash) {
    Diagnosed<Article> article = LoadArticle(planned.entry, bytes.value, planned.hash);
    if (article.ok()) return article;
  }
  return {{},
          Diagnostics(planned.entry.path, 0,
                      "changed while it was being published; nothing was published, "
                      "run the publish again")};
}

// The plan from the whole listing of the source. The file stamps cache is
// read only for a listing with stamps (a folder's, not git's) over a live
// index: a rebuild (no `db`) reads every file anyway.
Diagnosed<Plan> PlanFromListing(ArticleSource& source, const Xapian::Database* db,
                                const PublishOptions& options) {
  const StoredHashes stored = db ? ReadStoredHashes(*db) : StoredHashes();
  Diagnosed<std::vector<ArticleSource::Entry>> entries = source.List();
  const bool stamped = std::any_of(entries.value.begin(), entries.value.end(),
                                   [](const auto& e) { return !e.file_stamp.empty(); });
  const FileStamps known = db && stamped ? ReadFileStamps(options.db_dir) : FileStamps();
  HashesFromStamps(entries.value, known);
  // The listed ids, sorted for look-ups (List() lists in id order; sorting
  // again costs little and keeps is_listed right for any source).
  std::vector<std::string> listed;
  listed.reserve(entries.value.size());
  for (const auto& e : entries.value) listed.push_back(e.id);
  std::sort(listed.begin(), listed.end());
  auto is_listed = [&listed](const std::string& id) {
    return std::binary_search(listed.begin(), listed.end(), id);
  };
  Diagnosed<Plan> plan = MakePlan(source, entries.value, stored, is_listed, options);
  for (const auto& [id, hash] : stored)
    if (!is_listed(id)) plan.value.removed.push_back(id);
  std::sort(plan.value.removed.begin(), plan.value.removed.end());
  plan.value.new_stamps = UpdatedFileStamps(known, listed, plan.value.learned);
  entries.diagnostics.Append(std::move(plan.diagnostics));
  plan.diagnostics = std::move(entries.diagnostics);  // the listing's problems first
  return plan;
}

// The plan from the source's changes since the published commit.
Diagnosed<Plan> PlanFromChanges(ArticleSource& source, ArticleSource::Changes changes,
                                const Xapian::Database& db, const PublishOptions& options) {
  std::vector<std::string> ids(changes.removed);
  for (const auto& e : changes.changed) ids.push_back(e.id);
  const StoredHashes stored = ReadStoredHashesOf(db, ids);
  Diagnosed<Plan> planned = MakePlan(
      source, changes.changed, stored,
      [&source](const std::string& id) { return source.HasArticle(id); }, options);
  changes.diagnostics.Append(std::move(planned.diagnostics));
  planned.diagnostics = std::move(changes.diagnostics);  // the diff's problems first
  Plan& plan = planned.value;
  for (const std::string& id : changes.removed)
    if (stored.count(id)) plan.removed.push_back(id);
  // Everything else in the index was not even looked at: it is unchanged.
  const size_t touched = plan.changed.size() - plan.added + plan.removed.size();
  const size_t docs = db.get_doccount();
  plan.unchanged = docs > touched ? docs - touched : 0;
  return planned;
}

void WriteMetadata(Xapian::WritableDatabase& db, uint64_t sequence, const std::string& generation,
                   const ArticleSource& source, const Plan& plan) {
  db.set_metadata(schema::kMetaSynonyms, plan.synonyms);
  db.set_metadata(schema::kMetaSynonymsHash, plan.synonyms_hash);
  db.set_metadata(schema::kMetaSchema, std::to_string(schema::kVersion));
  db.set_metadata(schema::kMetaSequence, std::to_string(sequence));
  db.set_metadata(schema::kMetaGeneration, generation);
  db.set_metadata(schema::kMetaSource, source.Describe());
  db.set_metadata(schema::kMetaPublishedAt, std::to_string(std::time(nullptr)));
  db.set_metadata(schema::kMetaGitCommit, source.Commit());  // "" removes it (not git)
}

// How many of the live index's articles the plan deletes: its removals, or
// for a rebuild (which lists no removals) the live articles it leaves out.
size_t ArticlesDeleted(const Plan& plan, const Xapian::Database& live, bool rebuild) {
  if (!rebuild) return plan.removed.size();
  std::set<std::string> kept;
  for (const Planned& planned : plan.changed) kept.insert(planned.entry.id);
  size_t deleted = 0;
  for (const auto& [id, hash] : ReadStoredHashes(live)) deleted += kept.count(id) == 0;
  return deleted;
}

// A publish that deletes more than half of a help center, and more than a
// handful of articles, is far more often a wrong folder or a branch that lost
// its articles than an editor's intent: refused unless the operator allows it.
Status CheckMassDelete(size_t deleted, size_t published, const ArticleSource& source,
                       const PublishOptions& options) {
  constexpr size_t kHandful = 5;
  if (options.allow_mass_delete || deleted <= kHandful || deleted * 2 <= published)
    return Status::OK();
  return Status::InvalidArgument(
      "refusing to publish " + source.Describe() + ": it would delete " + std::to_string(deleted) +
      " of the " + std::to_string(published) +
      " published articles (more than half). Nothing was changed; if the source is right, "
      "publish again with --allow-mass-delete");
}

// Articles built ahead of the writer: enough to ride out a slow one.
constexpr size_t kBuildAhead = 64;

// What one writer writes of a plan, and how.
struct WriteJob {
  size_t begin = 0, end = 0;  // its articles: plan.changed[begin, end), then plan.removed
  // > 0: commit after that many articles: only for a database nobody reads
  // yet (a rebuild's), where it bounds the writer's memory and is faster than
  // Xapian's default of 10,000 (PERF.md).
  size_t commit_every = 0;
  // Articles read and analysed on a second thread ahead of the writer; 0 when
  // every core already has a writer.
  size_t build_ahead = kBuildAhead;
  std::function<void()> written;  // after each article (progress); may be empty
};

// Writes `job`'s part of the plan; the Greeklish table follows every
// document's Greek words. Returns ok() diagnostics when everything was
// written; otherwise the article that changed since it was validated, and the
// caller must not commit. Xapian errors are thrown (Publish turns them into a
// Status).
Diagnostics ApplyPlan(Xapian::WritableDatabase& db, ArticleSource& source, const Plan& plan,
                      const WriteJob& job) {
  auto analyzer = NewAnalyzer();
  GreeklishTableWriter greeklish(db, *analyzer);
  // Reading, parsing and analysis on a second thread (BuildAhead; a small
  // publish builds here); this one writes. The source is read only through
  // `ahead` until the loop ends.
  const size_t count = job.end - job.begin;
  BuildAhead ahead(count, job.build_ahead > 0 ? job.build_ahead : count, *analyzer,
                   [&](size_t i, Analyzer& worker) {
                     Diagnosed<Article> reloaded = Reload(source, plan.changed[job.begin + i]);
                     if (!reloaded.ok())
                       return BuiltArticle{"", {}, std::move(reloaded.diagnostics)};
                     Xapian::Document doc = BuildDocument(reloaded.value, worker);
                     return BuiltArticle{reloaded.value.id, std::move(doc), {}};
                   });
  for (size_t done = 1; done <= count; ++done) {
    BuiltArticle built = ahead.Next();
    if (!built.problem.ok()) return std::move(built.problem);
    const std::string id_term = schema::IdTerm(built.id);
    greeklish.Add(built.doc);
    db.replace_document(id_term, built.doc);
    if (job.written) job.written();
    if (job.commit_every > 0 && done % job.commit_every == 0) db.commit();
  }
  for (const std::string& id : plan.removed) db.delete_document(schema::IdTerm(id));
  return {};
}

// Reports the "indexing" progress of writers running at once: every 100
// articles written, and the last.
class WriteProgress {
 public:
  WriteProgress(const PublishOptions& options, size_t total) : options_(options), total_(total) {}
  void Written() {
    if (!options_.progress) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (++done_ % 100 == 0 || done_ == total_) options_.progress("indexing", done_, total_);
  }

 private:
  const PublishOptions& options_;
  const size_t total_;
  std::mutex mu_;
  size_t done_ = 0;
};

// A source read by several writers: one read at a time (sources need not be
// thread-safe); parsing and analysis stay parallel.
class SerializedSource : public ArticleSource {
 public:
  explicit SerializedSource(ArticleSource& inner) : inner_(inner) {}
  Diagnosed<std::vector<Entry>> List() override {
    std::lock_guard<std::mutex> lock(mu_);
    return inner_.List();
  }
  Diagnosed<std::string> Read(const Entry& entry) override {
    std::lock_guard<std::mutex> lock(mu_);
    return inner_.Read(entry);
  }
  std::string Describe() const override { return inner_.Describe(); }

 private:
  ArticleSource& inner_;
  std::mutex mu_;
};

// What writing a plan came to: the written generation, or (OK but with
// diagnostics) an article that changed while it was written, so nothing was
// made live.
struct Written {
  std::string generation;
  Diagnostics changed;
};

// Articles between commits of a rebuild, shared by its writers: PERF.md
// measured 1,000 ~20% faster than Xapian's default flush threshold of 10,000,
// in a tenth of the memory; two writers committing every 500 build as fast as
// every 1,000, in 282 instead of 442 MB at 10k (docs/performance.md).
constexpr size_t kRebuildCommitEvery = 1000;

// From this many articles, a rebuild writes two shards at once (Xapian has one
// writer per database, and the writer is most of a build), which the
// compaction a rebuild does anyway merges into one database.
constexpr size_t kTwoShardsFrom = 2000;

// Writes the plan's articles into `paths.size()` new databases at once, each
// a contiguous part of plan.changed, so that merged in order they number the
// articles as one database would. Returns ok() or the article that changed.
Diagnostics WriteShards(const std::vector<std::string>& paths, ArticleSource& source,
                        const Plan& plan, const PublishOptions& options) {
  const size_t shards = paths.size(), total = plan.changed.size();
  WriteProgress progress(options, total);
  SerializedSource serialized(source);
  std::vector<Diagnostics> changed(shards);
  std::vector<std::exception_ptr> errors(shards);
  auto write = [&](size_t shard) {
    try {
      Xapian::WritableDatabase db(paths[shard], Xapian::DB_CREATE_OR_OVERWRITE);
      WriteJob job;
      job.begin = total * shard / shards;
      job.end = total * (shard + 1) / shards;
      job.commit_every = std::max<size_t>(kRebuildCommitEvery / shards, 1);
      job.build_ahead = shards > 1 ? 0 : kBuildAhead;
      job.written = [&progress] { progress.Written(); };
      changed[shard] = ApplyPlan(db, shards > 1 ? serialized : source, plan, job);
      db.commit();
    } catch (...) {
      errors[shard] = std::current_exception();
    }
  };
  std::vector<std::thread> others;
  for (size_t shard = 1; shard < shards; ++shard) others.emplace_back(write, shard);
  write(0);
  for (std::thread& other : others) other.join();
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
  for (Diagnostics& problem : changed)
    if (!problem.ok()) return std::move(problem);
  return {};
}

// Builds a complete new generation, compacts it and makes it live.
Result<Written> Rebuild(const std::string& db_dir, const Plan& plan, ArticleSource& source,
                        const PublishOptions& options, uint64_t sequence) {
  auto name = NewGenerationName(db_dir);
  if (!name.ok()) return name.status();
  const std::string final_path = GenerationPath(db_dir, *name);
  size_t writers = options.rebuild_writers;
  if (writers == 0)
    writers =
        plan.changed.size() >= kTwoShardsFrom && std::thread::hardware_concurrency() > 1 ? 2 : 1;
  std::vector<std::string> shards = {final_path + ".build"};
  for (size_t shard = 2; shard <= writers; ++shard)
    shards.push_back(final_path + ".build" + std::to_string(shard));
  auto remove_shards = [&shards] {
    std::error_code ec;
    for (const std::string& shard : shards) fs::remove_all(shard, ec);
  };
  Diagnostics changed = WriteShards(shards, source, plan, options);
  if (!changed.ok()) {
    remove_shards();
    return Written{"", std::move(changed)};  // never made live
  }
  {
    Xapian::WritableDatabase first(shards[0], Xapian::DB_OPEN);
    WriteMetadata(first, sequence, *name, source, plan);
    first.commit();
  }
  {
    Xapian::Database all;
    for (const std::string& shard : shards) all.add_database(Xapian::Database(shard));
    // Compaction merges the shards and makes queries ~1.4x faster on big
    // indexes (PERF.md).
    all.compact(final_path);
  }
  remove_shards();
  auto previous = ReadCurrentGeneration(db_dir);
  if (Status s = SwitchGeneration(db_dir, *name); !s.ok()) return s;
  RemoveStaleGenerations(db_dir, *name, previous.ok() ? *previous : std::string());
  return Written{*name, {}};
}

Result<Written> UpdateInPlace(const std::string& generation, const Plan& plan,
                              ArticleSource& source, const PublishOptions& options,
                              uint64_t sequence) {
  Xapian::WritableDatabase db(GenerationPath(options.db_dir, generation), Xapian::DB_OPEN);
  // One transaction: Xapian never auto-commits half of a big publish.
  db.begin_transaction();
  WriteProgress progress(options, plan.changed.size());
  WriteJob job;
  job.end = plan.changed.size();
  job.written = [&progress] { progress.Written(); };
  Diagnostics changed = ApplyPlan(db, source, plan, job);
  if (!changed.ok()) {
    db.cancel_transaction();
    return Written{"", std::move(changed)};
  }
  WriteMetadata(db, sequence, generation, source, plan);
  db.commit_transaction();
  return Written{generation, {}};
}

// The live index as Publish finds it.
struct Live {
  Result<std::string> generation = Status::NotFound("no index yet");
  std::optional<Xapian::Database> db;
  uint64_t sequence = 0;
  bool rebuild = false;  // a new generation must be built
  std::string synonyms_hash;
};

Result<Live> OpenLive(const PublishOptions& options) {
  Live live;
  live.generation = ReadCurrentGeneration(options.db_dir);
  if (!live.generation.ok() && live.generation.status().code() != StatusCode::kNotFound)
    return live.generation.status();
  live.rebuild = !live.generation.ok() || options.force_rebuild;
  if (live.generation.ok()) {
    live.db.emplace(GenerationPath(options.db_dir, *live.generation));
    live.sequence =
        std::strtoull(live.db->get_metadata(schema::kMetaSequence).c_str(), nullptr, 10);
    if (live.db->get_metadata(schema::kMetaSchema) != std::to_string(schema::kVersion))
      live.rebuild = true;
    live.synonyms_hash = live.db->get_metadata(schema::kMetaSynonymsHash);
  }
  return live;
}

// The plan: from the source's changes since the published commit when the
// source can tell them (git), which lets a publish cost what the change
// costs; otherwise from the whole listing. A Status when the source's
// history could not be read.
Result<Diagnosed<Plan>> MakeSourcePlan(ArticleSource& source, const Live& live,
                                       const PublishOptions& options) {
  const std::string published =
      live.db ? live.db->get_metadata(schema::kMetaGitCommit) : std::string();
  if (!live.rebuild && !published.empty()) {
    Result<ArticleSource::Changes> changes = source.ChangesSince(published);
    if (!changes.ok()) return changes.status();
    if (changes->known) {
      Diagnosed<Plan> plan = PlanFromChanges(source, std::move(*changes), *live.db, options);
      plan.value.incremental = true;
      return plan;
    }
  }
  return PlanFromListing(source, live.rebuild ? nullptr : &*live.db, options);
}

// Replaces the file stamps cache with what the plan learned, when that differs.
// A cache that cannot be written only costs the next publish reading the files.
void KeepFileStamps(const std::string& db_dir, const Plan& plan) {
  if (plan.new_stamps) WriteFileStamps(db_dir, *plan.new_stamps);
}

Result<PublishReport> PublishOrThrow(ArticleSource& source, const PublishOptions& options) {
  Result<Live> live = OpenLive(options);
  if (!live.ok()) return live.status();
  PublishReport report;
  Result<Diagnosed<Plan>> planned = MakeSourcePlan(source, *live, options);
  if (!planned.ok()) return planned.status();
  Plan& plan = planned->value;
  report.incremental_listing = plan.incremental;
  report.errors = std::move(planned->diagnostics);
  Diagnosed<std::string> synonyms = LoadSynonyms(source);
  report.errors.Append(std::move(synonyms.diagnostics));
  plan.synonyms = std::move(synonyms.value);
  plan.synonyms_hash = Sha256Hex(plan.synonyms);
  if (!report.errors.ok()) return report;  // nothing written

  if (live->db) {
    const size_t deleted = ArticlesDeleted(plan, *live->db, live->rebuild);
    if (Status s = CheckMassDelete(deleted, live->db->get_doccount(), source, options); !s.ok())
      return s;
  }

  report.added = plan.added;
  report.updated = plan.changed.size() - plan.added;
  report.deleted = plan.removed.size();
  report.unchanged = plan.unchanged;
  report.rebuilt = live->rebuild;
  if (!live->rebuild && plan.changed.empty() && plan.removed.empty() &&
      plan.synonyms_hash == live->synonyms_hash) {
    report.sequence = live->sequence;
    report.generation = *live->generation;
    KeepFileStamps(options.db_dir, plan);
    return report;
  }
  const uint64_t sequence = live->sequence + 1;
  Result<Written> written = live->rebuild
                                ? Rebuild(options.db_dir, plan, source, options, sequence)
                                : UpdateInPlace(*live->generation, plan, source, options, sequence);
  if (!written.ok()) return written.status();
  if (!written->changed.ok()) {
    PublishReport changed;  // nothing was written: a report with just the article that changed
    changed.errors = std::move(written->changed);
    return changed;
  }
  report.sequence = sequence;
  report.committed = true;
  report.generation = written->generation;
  KeepFileStamps(options.db_dir, plan);
  return report;
}

}  // namespace

Result<PublishReport> Publish(ArticleSource& source, const PublishOptions& options) {
  try {
    return PublishOrThrow(source, options);
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError("index is being written by another process: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption("index is corrupt: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    // The OS's reason ("No space left on device") is what an operator needs.
    const char* reason = e.get_error_string();
    return Status::IOError("cannot write the index in " + options.db_dir + ": " + e.get_type() +
                           ": " + e.get_msg() + (reason ? std::string(" (") + reason + ")" : ""));
  } catch (const std::exception& e) {
    return Status::Internal(e.what());
  }
}

}  // namespace kb
