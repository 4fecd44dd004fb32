# Sources of src/http: everything that touches cpp-httplib.
list(APPEND KB_CORE_SOURCES
  src/http/api_error.cpp
  src/http/request_params.cpp
  src/http/json_encode.cpp
  src/http/routes.cpp
  src/http/server.cpp
)
