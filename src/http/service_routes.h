// Handlers of the operator's routes: GET /metrics (Prometheus text) and
// GET /ready (whether the index is open and, in git mode, published from git
// since start: load balancers send traffic only then). Thin, like routes.h.
#pragma once

#include <httplib.h>

#include "call.h"

namespace kb::http {

void GetMetrics(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetReady(const HandlerContext& context, const Call& call, httplib::Response& res);

}  // namespace kb::http
