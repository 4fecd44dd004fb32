#include "git_test_repo.h"

#include <git2.h>

#include <filesystem>
#include <stdexcept>
#include <vector>

namespace kb_test {
namespace {

git_repository* Repo(void* p) { return static_cast<git_repository*>(p); }

void Check(int rc, const char* what) {
  if (rc == 0) return;
  const git_error* e = git_error_last();
  throw std::runtime_error(std::string(what) + ": " + (e && e->message ? e->message : "?"));
}

}  // namespace

GitTestRepo::GitTestRepo(std::string path) : path_(std::move(path)) {
  git_libgit2_init();
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  git_repository* repo = nullptr;
  Check(git_repository_init_ext(&repo, path_.c_str(), &options), "git init");
  repo_ = repo;
}

GitTestRepo::~GitTestRepo() {
  git_repository_free(Repo(repo_));
  git_libgit2_shutdown();
}

std::string GitTestRepo::Tip(const std::string& branch) const {
  git_oid oid;
  if (git_reference_name_to_id(&oid, Repo(repo_), ("refs/heads/" + branch).c_str()) != 0) return "";
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

std::string GitTestRepo::Commit(const std::string& branch, const GitChanges& changes,
                                const std::string& message, const GitAuthor& author) {
  git_repository* repo = Repo(repo_);
  std::string parent_sha = Tip(branch);
  const bool new_branch = parent_sha.empty();
  if (new_branch) parent_sha = Tip("main");
  git_commit* parent = nullptr;
  git_index* index = nullptr;
  Check(git_index_new(&index), "index");
  if (!parent_sha.empty()) {
    git_oid oid;
    git_oid_fromstr(&oid, parent_sha.c_str());
    Check(git_commit_lookup(&parent, repo, &oid), "parent");
    git_tree* tree = nullptr;
    Check(git_commit_tree(&tree, parent), "parent tree");
    Check(git_index_read_tree(index, tree), "read tree");
    git_tree_free(tree);
  }
  for (const auto& [file, content] : changes) {
    if (!content) {
      Check(git_index_remove(index, file.c_str(), 0), "remove");
      continue;
    }
    git_index_entry entry{};
    entry.mode = GIT_FILEMODE_BLOB;
    entry.path = file.c_str();
    entry.file_size = static_cast<uint32_t>(content->size());
    Check(git_blob_create_from_buffer(&entry.id, repo, content->data(), content->size()), "blob");
    Check(git_index_add(index, &entry), "add");
  }
  git_oid tree_oid, commit_oid;
  Check(git_index_write_tree_to(&tree_oid, index, repo), "write tree");
  git_index_free(index);
  git_tree* tree = nullptr;
  Check(git_tree_lookup(&tree, repo, &tree_oid), "tree");
  clock_ = author.time != 0 ? author.time : clock_ + 60;
  git_signature* sig = nullptr;
  Check(git_signature_new(&sig, author.name.c_str(), author.email.c_str(), clock_, 0), "signature");
  const git_commit* parents[] = {parent};
  const std::string ref = "refs/heads/" + branch;
  if (new_branch && parent) {
    git_reference* created = nullptr;
    Check(git_reference_create(&created, repo, ref.c_str(), git_commit_id(parent), 0, "branch"),
          "branch");
    git_reference_free(created);
  }
  Check(git_commit_create(&commit_oid, repo, ref.c_str(), sig, sig, nullptr, message.c_str(), tree,
                          parent ? 1 : 0, parents),
        "commit");
  git_signature_free(sig);
  git_tree_free(tree);
  git_commit_free(parent);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &commit_oid);
  return hex;
}

void GitTestRepo::Reset(const std::string& branch, const std::string& sha) {
  git_oid oid;
  git_oid_fromstr(&oid, sha.c_str());
  git_reference* ref = nullptr;
  Check(git_reference_create(&ref, Repo(repo_), ("refs/heads/" + branch).c_str(), &oid, 1, "reset"),
        "reset");
  git_reference_free(ref);
}

std::string ArticleText(const std::string& title, const std::string& lang, const std::string& body,
                        const std::string& extra_front_matter) {
  std::string text = "---\ntitle: " + title + "\nlang: " + lang + "\n";
  if (!extra_front_matter.empty()) text += extra_front_matter + "\n";
  return text + "---\n" + body + "\n";
}

}  // namespace kb_test
