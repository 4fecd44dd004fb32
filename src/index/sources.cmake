# Sources of src/index: everything that touches Xapian.
list(APPEND KB_CORE_SOURCES
  src/index/schema.cpp
  src/index/db_dir.cpp
  src/index/document_builder.cpp
  src/index/publish.cpp
  src/index/query_builder.cpp
  src/index/snippet.cpp
  src/index/spelling.cpp
  src/index/greeklish_table.cpp
  src/index/stem_start.cpp
  src/index/dictionary.cpp
  src/index/thesaurus.cpp
  src/index/word_repair.cpp
  src/index/synonym_expander.cpp
  src/index/searcher.cpp
  src/index/facets.cpp
  src/index/article_lists.cpp
  src/index/searcher_pool.cpp
)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/index_test.cpp
  tests/unit/search_unspaced_test.cpp
  tests/unit/snippet_test.cpp
  tests/unit/word_repair_test.cpp
  tests/unit/dictionary_test.cpp
  tests/unit/thesaurus_test.cpp
  tests/unit/article_lists_test.cpp
  tests/unit/analysis_index_test.cpp
  tests/unit/golden_ranking_test.cpp
)
