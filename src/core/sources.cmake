# Sources of src/core (owned by that module).
list(APPEND KB_CORE_SOURCES src/core/status.cpp)
list(APPEND KB_UNIT_TEST_SOURCES tests/unit/status_test.cpp)
