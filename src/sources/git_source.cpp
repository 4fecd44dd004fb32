// GitSource: listing and reading the articles of a branch's committed tree.
// See git_source.h; the history walk is in git_history.cpp.
#include "git_source.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>

#include "kb/articles/article_names.h"
#include "kb/articles/front_matter.h"
#include "kb/articles/id_key.h"
#include "kb/core/sha256.h"
#include "kb/sources/article_sources.h"

namespace kb {

namespace {
constexpr const char* kSynonymsFile = "_synonyms.yml";
}  // namespace

namespace {

// The translation_of of an article file, "" when absent or unparseable (the
// publish reports parse errors itself).
std::string TranslationOf(std::string_view bytes) {
  const Diagnosed<FrontMatterSplit> split = SplitFrontMatter(StripBom(bytes), "");
  if (!split.ok()) return "";
  Article article;
  ParseFrontMatter(split.value, "", &article);  // problems ignored
  return article.translation_of;
}

struct WalkState {
  std::vector<std::pair<std::string, git_oid>> files;  // path, blob
};

int VisitTreeEntry(const char* root, const git_tree_entry* entry, void* payload) {
  const char* name = git_tree_entry_name(entry);
  const git_object_t type = git_tree_entry_type(entry);
  if (IsHiddenName(name)) return type == GIT_OBJECT_TREE ? 1 : 0;  // 1 = skip the subtree
  // Symlinks and submodules are not articles in git mode.
  if (type != GIT_OBJECT_BLOB || git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) return 0;
  if (!HasArticleExtension(name)) return 0;
  static_cast<WalkState*>(payload)->files.emplace_back(std::string(root) + name,
                                                       *git_tree_entry_id(entry));
  return 0;
}

}  // namespace

Result<std::unique_ptr<GitSource>> GitSource::Open(const GitSourceOptions& options) {
  auto repo = git::GitRepo::Open(options);
  if (!repo.ok()) return repo.status();
  if (Status s = (*repo)->Fetch(); !s.ok()) return s;
  return std::unique_ptr<GitSource>(new GitSource(options, std::move(*repo)));
}

Result<std::unique_ptr<GitBranchSource>> OpenGitBranchSource(const GitSourceOptions& options) {
  auto source = GitSource::Open(options);
  if (!source.ok()) return source.status();
  return std::unique_ptr<GitBranchSource>(std::move(*source));
}

Result<std::unique_ptr<ArticleSource>> NewGitSource(const GitSourceOptions& options) {
  auto source = GitSource::Open(options);
  if (!source.ok()) return source.status();
  return std::unique_ptr<ArticleSource>(std::move(*source));
}

Result<std::string> GitSource::BranchCommit() {
  auto commit = repo_->ResolveCommit(options_.branch);
  if (!commit.ok()) return commit.status();
  return git::OidHex(*git_commit_id(commit->get()));
}

std::string GitSource::Describe() const {
  return "git:" + options_.repo + "#" + options_.branch + "@" + commit_sha_;
}

Diagnostics GitSource::ListTree() {
  listed_.clear();
  WalkState state;
  if (git_tree_walk(tree_.get(), GIT_TREEWALK_PRE, VisitTreeEntry, &state) != 0)
    return Diagnostics(options_.repo, 0, git::LastError("cannot read the tree of " + commit_sha_));
  Diagnostics problems;
  std::sort(state.files.begin(), state.files.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::map<std::string, std::string> first_by_key;
  for (auto& [path, blob] : state.files) {
    Diagnosed<std::string> id = ArticleIdOfName(path, path);
    if (!id.ok()) {
      problems.Append(std::move(id.diagnostics));
      continue;
    }
    Diagnostics claim = ClaimArticleId(id.value, IdKey(id.value), path, &first_by_key);
    if (!claim.ok()) {
      problems.Append(std::move(claim));
      continue;
    }
    listed_[id.value] = {path, blob};
  }
  ids_by_key_ = std::move(first_by_key);
  return problems;
}

Diagnosed<GitSource::BlobFacts> GitSource::FactsFor(const Listed& listed) {
  const std::string key = git::OidHex(listed.blob);
  auto it = blobs_.find(key);
  if (it != blobs_.end()) return {it->second, {}};
  Diagnosed<BlobFacts> facts;
  auto blob = repo_->LookupBlob(listed.blob, "cannot read blob");
  if (blob.ok()) {
    const std::string_view bytes = git::BlobBytes(blob->get());
    facts.value.sha256 = Sha256Hex(bytes);
    facts.value.translation_of = TranslationOf(bytes);
  } else {
    facts.diagnostics.Add(listed.path, 0, blob.status().message());
  }
  blobs_.emplace(key, facts.value);
  return facts;
}

// Sets entry->outdated (and the reason kb check shows) from the history order
// of the entry and of its translation source.
void GitSource::CheckOutdated(Entry* entry) {
  outdated_.erase(entry->id);
  entry->outdated = false;
  const Listed& listed = listed_.at(entry->id);
  auto facts = blobs_.find(git::OidHex(listed.blob));
  if (facts == blobs_.end()) return;
  const std::string& source_id = facts->second.translation_of;
  auto source = listed_.find(source_id);
  if (source_id.empty() || source_id == entry->id || source == listed_.end()) return;
  auto mine = changes_.find(listed.path);
  auto theirs = changes_.find(source->second.path);
  if (mine == changes_.end() || theirs == changes_.end()) return;
  if (theirs->second.order <= mine->second.order) return;
  entry->outdated = true;
  outdated_[entry->id] = "outdated translation: " + source_id + " changed in " +
                         theirs->second.commit.sha.substr(0, 10) + " (\"" +
                         theirs->second.commit.message + "\") after this file's last change in " +
                         mine->second.commit.sha.substr(0, 10);
}

void GitSource::MarkOutdated(std::vector<Entry>* entries) {
  outdated_.clear();
  for (Entry& entry : *entries) CheckOutdated(&entry);
}

// Which articles translate which, from the (cached) front matter of each blob.
void GitSource::IndexTranslations() {
  translations_.clear();
  source_of_.clear();
  for (const auto& [id, listed] : listed_) {
    auto facts = blobs_.find(git::OidHex(listed.blob));
    if (facts != blobs_.end()) SetSourceOf(id, facts->second.translation_of);
  }
}

void GitSource::SetSourceOf(const std::string& id, const std::string& source_id) {
  ForgetSourceOf(id);
  source_of_[id] = source_id;
  if (!source_id.empty()) translations_[source_id].insert(id);
}

void GitSource::ForgetSourceOf(const std::string& id) {
  if (auto old = source_of_.find(id); old != source_of_.end()) {
    translations_[old->second].erase(id);
    source_of_.erase(old);
  }
}

const std::string& GitSource::IdKey(const std::string& id) {
  auto key = id_keys_.find(id);  // ICU normalization is the costly part of listing: once per id
  if (key == id_keys_.end()) key = id_keys_.emplace(id, ArticleIdKey(id)).first;
  return key->second;
}

Diagnosed<ArticleSource::Entry> GitSource::MakeEntry(const std::string& id, const Listed& listed) {
  Diagnosed<Entry> entry;
  entry.value.id = id;
  entry.value.path = listed.path;
  Diagnosed<BlobFacts> facts = FactsFor(listed);
  entry.value.content_hash = std::move(facts.value.sha256);
  entry.diagnostics = std::move(facts.diagnostics);
  if (auto change = changes_.find(listed.path); change != changes_.end()) {
    entry.value.updated = change->second.commit.time;
    entry.value.author = change->second.commit.author;
  }
  return entry;
}

Diagnosed<std::vector<ArticleSource::Entry>> GitSource::List() {
  using Listing = Diagnosed<std::vector<Entry>>;
  auto commit = repo_->ResolveCommit(options_.branch);
  if (!commit.ok()) return Listing{{}, Diagnostics(options_.repo, 0, commit.status().message())};
  auto tree = git::TreeOf(commit->get(), "cannot read commit tree");
  if (!tree.ok()) return Listing{{}, Diagnostics(options_.repo, 0, tree.status().message())};
  tree_ = std::move(*tree);
  commit_ = std::move(*commit);
  commit_sha_ = git::OidHex(*git_commit_id(commit_.get()));
  Listing entries{{}, ListTree()};

  std::set<std::string> paths;
  for (const auto& [id, listed] : listed_) paths.insert(listed.path);
  if (Status s = UpdateHistory(commit_.get(), paths); !s.ok()) {
    entries.diagnostics.Add(options_.repo, 0, s.message());
    entries.value.clear();
    return entries;
  }
  std::unordered_set<std::string> live;
  for (const auto& [id, listed] : listed_) {
    Diagnosed<Entry> entry = MakeEntry(id, listed);
    entries.diagnostics.Append(std::move(entry.diagnostics));
    entries.value.push_back(std::move(entry.value));
    live.insert(git::OidHex(listed.blob));
  }
  // Only blobs and ids still in the tree stay cached.
  for (auto it = blobs_.begin(); it != blobs_.end();)
    it = live.count(it->first) ? std::next(it) : blobs_.erase(it);
  for (auto it = id_keys_.begin(); it != id_keys_.end();)
    it = listed_.count(it->first) ? std::next(it) : id_keys_.erase(it);
  MarkOutdated(&entries.value);
  IndexTranslations();
  return entries;
}

namespace {

// "en/a/b.md" -> "en/a/b" when the path is an article (no '_' or '.' name on
// the way, ".md" at the end); "" otherwise.
std::string ArticleIdOf(const std::string& path) {
  if (!HasArticleExtension(path) || IsHiddenPath(path)) return "";
  return path.substr(0, path.size() - kArticleExtension.size());
}

}  // namespace

Result<ArticleSource::Changes> GitSource::ChangesSince(const std::string& since) {
  // Only from the state this source listed last, and only forward in history.
  if (since.empty() || since != commit_sha_ || history_head_ != since || !commit_)
    return Changes::CannotTell();
  auto head = repo_->ResolveCommit(options_.branch);
  if (!head.ok()) return head.status();
  const git_oid* head_oid = git_commit_id(head->get());
  const std::string head_sha = git::OidHex(*head_oid);
  Changes changes;
  changes.known = true;
  if (head_sha == since) return changes;
  const int descendant =
      git_graph_descendant_of(repo_->get(), head_oid, git_commit_id(commit_.get()));
  if (descendant == 0 || descendant == GIT_ENOTFOUND) {
    git_error_clear();
    return Changes::CannotTell();  // a force-push (the old commit may be gone): list everything
  }
  if (descendant < 0) return Status::IOError(git::LastError("cannot walk the history to " + since));
  std::set<std::string> paths;
  if (Status s = git::ChangedPathsBetween(repo_->get(), commit_.get(), head->get(), &paths);
      !s.ok())
    return s;
  auto tree = git::TreeOf(head->get(), "commit tree");
  if (!tree.ok()) return tree.status();

  AppliedDiff diff = ApplyDiff(paths, tree->get());
  commit_ = std::move(*head);
  tree_ = std::move(*tree);
  commit_sha_ = head_sha;
  if (Status s = UpdateHistory(commit_.get(), diff.changed_paths, OtherPaths::kKeep); !s.ok()) {
    commit_sha_.clear();  // the next List() starts over
    history_head_.clear();
    return s;
  }
  Diagnosed<std::vector<Entry>> changed = ChangedEntries(diff.changed_ids);
  changes.changed = std::move(changed.value);
  changes.removed = std::move(diff.removed);
  changes.diagnostics = std::move(diff.diagnostics);
  changes.diagnostics.Append(std::move(changed.diagnostics));
  return changes;
}

GitSource::AppliedDiff GitSource::ApplyDiff(const std::set<std::string>& paths,
                                            const git_tree* tree) {
  AppliedDiff diff;
  for (const std::string& path : paths) {
    const std::string id = ArticleIdOf(path);
    if (id.empty()) continue;
    auto blob = repo_->BlobAt(tree, path);
    if (!blob.ok()) {  // deleted (or no longer a file)
      if (listed_.erase(id)) diff.removed.push_back(id);
      changes_.erase(path);
      ForgetSourceOf(id);
      continue;
    }
    // The same name check as a full listing (List), so a diff cannot publish
    // a file that a listing rejects.
    if (Diagnosed<std::string> checked = ArticleIdOfName(path, path); !checked.ok()) {
      diff.diagnostics.Append(std::move(checked.diagnostics));
      continue;
    }
    // Unlike ClaimArticleId, the key may be held by an id that is gone.
    auto [owner, inserted] = ids_by_key_.emplace(IdKey(id), id);
    if (!inserted && owner->second != id && listed_.count(owner->second)) {
      diff.diagnostics.Add(path, 0, DuplicateIdMessage(id, owner->second));
      continue;
    }
    owner->second = id;
    listed_[id] = {path, *git_blob_id(blob->get())};
    diff.changed_ids.insert(id);
    diff.changed_paths.insert(path);
  }
  return diff;
}

Diagnosed<std::vector<ArticleSource::Entry>> GitSource::ChangedEntries(
    const std::set<std::string>& changed_ids) {
  Diagnosed<std::vector<Entry>> entries;
  for (const std::string& id : changed_ids) {
    Diagnosed<BlobFacts> facts = FactsFor(listed_.at(id));
    entries.diagnostics.Append(std::move(facts.diagnostics));
    SetSourceOf(id, facts.value.translation_of);
  }
  std::set<std::string> affected(changed_ids);
  for (const std::string& id : changed_ids)
    if (auto t = translations_.find(id); t != translations_.end())
      affected.insert(t->second.begin(), t->second.end());
  for (const std::string& id : affected) {
    auto listed = listed_.find(id);
    if (listed == listed_.end()) continue;
    Diagnosed<Entry> entry = MakeEntry(id, listed->second);
    entries.diagnostics.Append(std::move(entry.diagnostics));
    CheckOutdated(&entry.value);
    entries.value.push_back(std::move(entry.value));
  }
  return entries;
}

Diagnosed<std::string> GitSource::Read(const Entry& entry) {
  auto it = listed_.find(entry.id);
  if (it == listed_.end()) return {{}, Diagnostics(entry.path, 0, "not listed by this source")};
  auto blob = repo_->LookupBlob(it->second.blob, "cannot read blob");
  if (!blob.ok()) return {{}, Diagnostics(entry.path, 0, blob.status().message())};
  const std::string_view content = git::BlobBytes(blob->get());
  const auto size = static_cast<int64_t>(content.size());
  if (size > kMaxArticleBytes) return {{}, Diagnostics(entry.path, 0, TooLargeMessage(size))};
  return {std::string(content), {}};
}

Diagnosed<std::optional<ArticleSource::SynonymsFile>> GitSource::ReadSynonyms() {
  if (!tree_) return {};
  auto blob = repo_->BlobAt(tree_.get(), kSynonymsFile);
  if (!blob.ok()) {
    if (blob.status().code() == StatusCode::kNotFound) return {};
    return {std::nullopt, Diagnostics(kSynonymsFile, 0, blob.status().message())};
  }
  return {SynonymsFile{kSynonymsFile, std::string(git::BlobBytes(blob->get()))}, {}};
}

bool GitSource::FileExists(const std::string& path) {
  if (!tree_) return false;
  return repo_->BlobAt(tree_.get(), path).ok();
}

std::string GitSource::OutdatedReason(const std::string& id) const {
  auto it = outdated_.find(id);
  return it == outdated_.end() ? std::string() : it->second;
}

}  // namespace kb
