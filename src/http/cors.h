// CORS for the embeddable widget (docs/portal.md): pages of the configured
// origins (`kb serve --cors-origin`) may call the API from the browser.
// Every /api/ answer to such an origin names it in
// Access-Control-Allow-Origin; an OPTIONS preflight to /api/ is answered 204
// with the methods and headers the API takes. Other origins get no CORS
// headers (the browser then blocks the call). No credentials are allowed:
// the widget searches as a customer. Thread-safe.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

namespace kb::http {

void RegisterCors(httplib::Server& server, const std::vector<std::string>& origins);

}  // namespace kb::http
