#include "api_error.h"

#include <nlohmann/json.hpp>

#include "json_encode.h"

namespace kb::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthorized:
      return 401;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kRateLimited:
      return 429;
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

const char* ErrorCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "bad_request";
    case StatusCode::kUnauthorized:
      return "unauthorized";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kTooLarge:
      return "too_large";
    case StatusCode::kRateLimited:
      return "rate_limited";
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string ErrorJson(const Status& status) {
  nlohmann::json body = {
      {"error", {{"code", ErrorCodeFor(status.code())}, {"message", status.message()}}}};
  return DumpJson(body);  // the message may echo caller input (a parameter name)
}

}  // namespace kb::http
