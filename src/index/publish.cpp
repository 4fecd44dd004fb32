// Publish(): validate every changed article, then write them in one commit
// (or into a new generation for a full rebuild). See kb/publish.h.
#include "kb/index/publish.h"

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "db_dir.h"
#include "document_builder.h"
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
using StoredHashes = std::map<std::string, std::string>;

StoredHashes ReadStoredHashes(const Xapian::Database& db) {
  StoredHashes stored;
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
};

// Built-in rules plus the source's _synonyms.yml, validated.
std::string LoadSynonyms(ArticleSource& source, std::vector<ArticleError>* errors) {
  std::vector<SynonymRule> rules = BuiltInSynonyms();
  std::string bytes, path;
  if (source.ReadSynonyms(&bytes, &path, errors)) ParseSynonyms(path, bytes, &rules, errors);
  return EncodeSynonyms(rules);
}

// Parses one entry's bytes: false (with errors) when invalid.
// `hash` is the fingerprint publish compares: content hash plus source flags.
bool LoadArticle(const ArticleSource::Entry& entry, const std::string& bytes,
                 const std::string& hash, Article* article, std::vector<ArticleError>* errors) {
  if (!ParseArticle(entry.id, entry.path, bytes, article, errors)) return false;
  article->updated = entry.updated;
  article->author = entry.author;
  article->outdated = entry.outdated;
  article->content_hash = hash;
  return true;
}

// The fingerprint publish stores and compares: the content hash plus the
// source-derived flags, so flipping a flag re-indexes the article.
std::string WithFlags(const ArticleSource::Entry& entry, const std::string& content_hash) {
  return content_hash + (entry.outdated ? "+outdated" : "");
}

std::string Fingerprint(const ArticleSource::Entry& entry, std::string_view bytes) {
  return WithFlags(entry, Sha256Hex(bytes));
}

// Reads and validates every entry whose content differs from what is stored.
// Errors go to `errors`. `plan.removed` gets drafts only: the caller adds the
// articles that are gone.
Plan MakePlan(ArticleSource& source, const std::vector<ArticleSource::Entry>& entries,
              const StoredHashes& stored, const std::function<bool(const std::string&)>& is_article,
              const PublishOptions& options, std::vector<ArticleError>* errors) {
  Plan plan;
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
    std::string bytes;
    if (!source.Read(entry, &bytes, errors)) continue;
    const std::string hash = Fingerprint(entry, bytes);
    if (old != stored.end() && old->second == hash) {
      ++plan.unchanged;
      continue;
    }
    Article article;
    if (!LoadArticle(entry, bytes, hash, &article, errors)) continue;
    CheckTranslationOf(article, is_article, errors);
    if (article.draft) {
      if (old != stored.end()) plan.removed.push_back(article.id);
      continue;
    }
    if (old == stored.end()) ++plan.added;
    plan.changed.push_back({entry, hash});
  }
  return plan;
}

// Thrown while writing when an article no longer is what was validated (its
// file changed in between): the write is abandoned, nothing is committed.
struct ChangedDuringPublish {
  ArticleError error;
};

// The validated article again, for writing.
Article Reload(ArticleSource& source, const Planned& planned) {
  std::vector<ArticleError> errors;
  std::string bytes;
  Article article;
  if (!source.Read(planned.entry, &bytes, &errors) ||
      Fingerprint(planned.entry, bytes) != planned.hash ||
      !LoadArticle(planned.entry, bytes, planned.hash, &article, &errors))
    throw ChangedDuringPublish{{planned.entry.path, 0,
                                "changed while it was being published; nothing was published, "
                                "run the publish again"}};
  return article;
}

// The plan from the whole listing of the source.
Plan PlanFromListing(ArticleSource& source, const Xapian::Database* db,
                     const PublishOptions& options, std::vector<ArticleError>* errors) {
  const StoredHashes stored = db ? ReadStoredHashes(*db) : StoredHashes();
  const auto entries = source.List(errors);
  std::set<std::string> listed;
  for (const auto& e : entries) listed.insert(e.id);
  Plan plan = MakePlan(
      source, entries, stored, [&listed](const std::string& id) { return listed.count(id) > 0; },
      options, errors);
  for (const auto& [id, hash] : stored)
    if (!listed.count(id)) plan.removed.push_back(id);
  return plan;
}

// The plan from the source's changes since the published commit.
Plan PlanFromChanges(ArticleSource& source, const ArticleSource::Changes& changes,
                     const Xapian::Database& db, const PublishOptions& options,
                     std::vector<ArticleError>* errors) {
  std::vector<std::string> ids(changes.removed);
  for (const auto& e : changes.changed) ids.push_back(e.id);
  const StoredHashes stored = ReadStoredHashesOf(db, ids);
  Plan plan = MakePlan(
      source, changes.changed, stored,
      [&source](const std::string& id) { return source.HasArticle(id); }, options, errors);
  for (const std::string& id : changes.removed)
    if (stored.count(id)) plan.removed.push_back(id);
  // Everything else in the index was not even looked at: it is unchanged.
  const size_t touched = plan.changed.size() - plan.added + plan.removed.size();
  const size_t docs = db.get_doccount();
  plan.unchanged = docs > touched ? docs - touched : 0;
  return plan;
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

// Writes the plan; the spelling table follows the public documents, the
// Greeklish table every document's Greek words.
void ApplyPlan(Xapian::WritableDatabase& db, ArticleSource& source, const Plan& plan,
               const PublishOptions& options) {
  auto analyzer = NewAnalyzer();
  GreeklishTableWriter greeklish(db, *analyzer);
  size_t done = 0;
  for (const Planned& planned : plan.changed) {
    const Article article = Reload(source, planned);
    if (options.progress && (++done % 100 == 0 || done == plan.changed.size()))
      options.progress("indexing", done, plan.changed.size());
    const std::string id_term = schema::IdTerm(article.id);
    RemoveSpellingWords(db, id_term);
    Xapian::Document doc = BuildDocument(article, *analyzer);
    AddSpellingWords(db, doc);
    greeklish.Add(doc);
    db.replace_document(id_term, doc);
  }
  for (const std::string& id : plan.removed) {
    const std::string id_term = schema::IdTerm(id);
    RemoveSpellingWords(db, id_term);
    db.delete_document(id_term);
  }
}

// Builds a complete new generation, compacts it and makes it live.
Status Rebuild(const std::string& db_dir, const Plan& plan, ArticleSource& source,
               const PublishOptions& options, uint64_t sequence, std::string* generation) {
  auto name = NewGenerationName(db_dir);
  if (!name.ok()) return name.status();
  const std::string final_path = GenerationPath(db_dir, *name);
  const std::string build_path = final_path + ".build";
  {
    Xapian::WritableDatabase db(build_path, Xapian::DB_CREATE_OR_OVERWRITE);
    ApplyPlan(db, source, plan, options);
    WriteMetadata(db, sequence, *name, source, plan);
    db.commit();
    // Compaction makes queries ~1.4x faster on big indexes (PERF.md).
    db.compact(final_path);
  }
  std::error_code ec;
  fs::remove_all(build_path, ec);
  auto previous = ReadCurrentGeneration(db_dir);
  if (Status s = SwitchGeneration(db_dir, *name); !s.ok()) return s;
  RemoveStaleGenerations(db_dir, *name, previous.ok() ? *previous : std::string());
  *generation = *name;
  return Status::OK();
}

Status UpdateInPlace(const std::string& path, const Plan& plan, ArticleSource& source,
                     const PublishOptions& options, uint64_t sequence,
                     const std::string& generation) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  // One transaction: Xapian never auto-commits half of a big publish.
  db.begin_transaction();
  ApplyPlan(db, source, plan, options);
  WriteMetadata(db, sequence, generation, source, plan);
  db.commit_transaction();
  return Status::OK();
}

Result<PublishReport> PublishOrThrow(ArticleSource& source, const PublishOptions& options) {
  PublishReport report;
  auto live = ReadCurrentGeneration(options.db_dir);
  if (!live.ok() && live.status().code() != StatusCode::kNotFound) return live.status();

  std::string stored_synonyms_hash;
  uint64_t sequence = 0;
  bool rebuild = !live.ok() || options.force_rebuild;
  std::optional<Xapian::Database> db;
  if (live.ok()) {
    db.emplace(GenerationPath(options.db_dir, *live));
    sequence = std::strtoull(db->get_metadata(schema::kMetaSequence).c_str(), nullptr, 10);
    if (db->get_metadata(schema::kMetaSchema) != std::to_string(schema::kVersion)) rebuild = true;
    stored_synonyms_hash = db->get_metadata(schema::kMetaSynonymsHash);
  }

  // A source that knows what changed since the published commit (git) lets
  // a publish cost what the change costs; otherwise everything is listed.
  std::optional<ArticleSource::Changes> changes;
  const std::string published = db ? db->get_metadata(schema::kMetaGitCommit) : std::string();
  if (!rebuild && !published.empty()) changes = source.ChangesSince(published, &report.errors);
  Plan plan = changes ? PlanFromChanges(source, *changes, *db, options, &report.errors)
                      : PlanFromListing(source, rebuild ? nullptr : &*db, options, &report.errors);
  report.incremental_listing = changes.has_value();
  plan.synonyms = LoadSynonyms(source, &report.errors);
  plan.synonyms_hash = Sha256Hex(plan.synonyms);
  if (!report.errors.empty()) return report;  // nothing written

  if (db) {
    const size_t deleted = ArticlesDeleted(plan, *db, rebuild);
    if (Status s = CheckMassDelete(deleted, db->get_doccount(), source, options); !s.ok()) return s;
  }

  report.added = plan.added;
  report.updated = plan.changed.size() - plan.added;
  report.deleted = plan.removed.size();
  report.unchanged = plan.unchanged;
  report.rebuilt = rebuild;
  if (!rebuild && plan.changed.empty() && plan.removed.empty() &&
      plan.synonyms_hash == stored_synonyms_hash) {
    report.sequence = sequence;
    report.generation = *live;
    return report;
  }
  report.sequence = sequence + 1;
  report.committed = true;
  if (rebuild) {
    if (Status s =
            Rebuild(options.db_dir, plan, source, options, report.sequence, &report.generation);
        !s.ok())
      return s;
  } else {
    report.generation = *live;
    if (Status s = UpdateInPlace(GenerationPath(options.db_dir, *live), plan, source, options,
                                 report.sequence, *live);
        !s.ok())
      return s;
  }
  return report;
}

}  // namespace

Result<PublishReport> Publish(ArticleSource& source, const PublishOptions& options) {
  try {
    return PublishOrThrow(source, options);
  } catch (const ChangedDuringPublish& changed) {
    PublishReport report;
    report.errors.push_back(changed.error);
    return report;
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IOError("index is being written by another process: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption("index is corrupt: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IOError(e.get_type() + std::string(": ") + e.get_msg());
  } catch (const std::exception& e) {
    return Status::Internal(e.what());
  }
}

}  // namespace kb
