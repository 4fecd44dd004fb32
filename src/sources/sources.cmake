# Sources of src/sources: where articles come from (folder; git later).
list(APPEND KB_CORE_SOURCES src/sources/folder_source.cpp)
