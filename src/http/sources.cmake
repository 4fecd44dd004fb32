# Sources of src/http: everything that touches cpp-httplib.
list(APPEND KB_CORE_SOURCES
  src/http/api_error.cpp
  src/http/handler_util.cpp
  src/http/params.cpp
  src/http/request_params.cpp
  src/http/json_encode.cpp
  src/http/routes.cpp
  src/http/route_table.cpp
  src/http/router.cpp
  src/http/server.cpp
  src/http/zendesk_params.cpp
  src/http/zendesk_json.cpp
  src/http/zendesk_routes.cpp
  src/http/openapi.cpp
  src/http/openapi_components.cpp
  src/http/git_json.cpp
  src/http/git_routes.cpp
)
list(APPEND KB_UNIT_TEST_SOURCES
  tests/unit/http_json_test.cpp
  tests/unit/http_params_test.cpp
  tests/unit/zendesk_test.cpp
  tests/unit/openapi_test.cpp
)
