# Sources of src/auth (owned by that module).
list(APPEND KB_CORE_SOURCES
  src/auth/agent_tokens.cpp
  src/auth/create_agent_token.cpp
  src/auth/token_file.cpp)
list(APPEND KB_UNIT_TEST_SOURCES tests/unit/agent_tokens_test.cpp)
