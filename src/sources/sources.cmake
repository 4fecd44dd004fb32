# Sources of src/sources: where articles come from (a folder, a git repository).
list(APPEND KB_CORE_SOURCES src/sources/folder_source.cpp)

# Git publishing (docs/git-publishing.md): libgit2 stays in src/sources/git_*.
list(APPEND KB_CORE_SOURCES
  src/sources/git_repo.cpp
  src/sources/git_source.cpp
  src/sources/git_history.cpp
  src/sources/git_webhook.cpp
  src/sources/git_publisher.cpp
  src/sources/git_articles.cpp
  src/sources/git_check.cpp
  src/sources/article_check.cpp
)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/git_test_repo.cpp
  tests/unit/git_source_test.cpp
  tests/unit/git_webhook_test.cpp
  tests/unit/check_links_test.cpp
)
