# Sources of src/analysis (owned by that module).
list(APPEND KB_CORE_SOURCES
  src/analysis/analyzer.cpp
  src/analysis/char_filter.cpp
  src/analysis/greek_stemmer.cpp
  src/analysis/greeklish.cpp
  src/analysis/hebrew_stemmer.cpp
  src/analysis/language.cpp
  src/analysis/persian_stemmer.cpp
  src/analysis/stopwords.cpp
  src/analysis/unicode_util.cpp
  src/analysis/unspaced_text.cpp
  src/analysis/word_splitter.cpp)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/analysis_char_filter_test.cpp
  tests/unit/analysis_retrieval_test.cpp
  tests/unit/analysis_tokenizer_test.cpp
  tests/unit/analysis_unspaced_test.cpp
  tests/unit/analysis_stemmer_test.cpp
  tests/unit/analysis_greeklish_test.cpp)
