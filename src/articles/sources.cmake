# Sources of src/articles (owned by that module).
list(APPEND KB_CORE_SOURCES
  src/articles/article.cpp
  src/articles/article_files.cpp
  src/articles/article_loader.cpp
  src/articles/front_matter.cpp
  src/articles/id_key.cpp
  src/articles/markdown.cpp
  src/articles/text_util.cpp
  src/articles/synonyms.cpp
)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/front_matter_test.cpp
  tests/unit/markdown_test.cpp
  tests/unit/article_loader_test.cpp
  tests/unit/synonyms_test.cpp)
