// The one place that maps kb::Status to an HTTP status and CONTRACT §3's
// error JSON: {"error":{"code":"bad_request","message":"..."}}.
#pragma once

#include <string>

#include "kb/core/status.h"

namespace kb::http {

int HttpStatusFor(StatusCode code);
const char* ErrorCodeFor(StatusCode code);
std::string ErrorJson(const Status& status);

}  // namespace kb::http
