# Sources of src/core (owned by that module).
list(APPEND KB_CORE_SOURCES src/core/status.cpp src/core/html.cpp src/core/utf8.cpp src/core/sha256.cpp src/core/edit_distance.cpp src/core/log.cpp)
list(APPEND KB_UNIT_TEST_SOURCES tests/unit/test_support.cpp tests/unit/status_test.cpp tests/unit/html_test.cpp tests/unit/utf8_test.cpp tests/unit/edit_distance_test.cpp)
