# Sources of src/articles (owned by that module).
# The built-in help-desk synonyms are a YAML file compiled into kb.
set(KB_HELPDESK_SYNONYMS_YML ${CMAKE_CURRENT_SOURCE_DIR}/src/articles/helpdesk_synonyms.yml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${KB_HELPDESK_SYNONYMS_YML})
file(READ ${KB_HELPDESK_SYNONYMS_YML} KB_HELPDESK_SYNONYMS)
configure_file(src/articles/helpdesk_synonyms.cpp.in ${CMAKE_CURRENT_BINARY_DIR}/generated/helpdesk_synonyms.cpp @ONLY)

list(APPEND KB_CORE_SOURCES
  src/articles/article.cpp
  src/articles/article_files.cpp
  src/articles/diagnostics.cpp
  src/articles/article_names.cpp
  src/articles/front_matter.cpp
  src/articles/id_key.cpp
  src/articles/markdown.cpp
  src/articles/text_util.cpp
  src/articles/synonyms.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/generated/helpdesk_synonyms.cpp
)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/front_matter_test.cpp
  tests/unit/markdown_test.cpp
  tests/unit/article_loader_test.cpp
  tests/unit/synonyms_test.cpp)
