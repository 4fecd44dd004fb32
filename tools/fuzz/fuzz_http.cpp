// libFuzzer target: hostile HTTP requests to the real routes (search, suggest,
// FAQ, articles, related, health, the Zendesk-compatible search, OpenAPI),
// served by cpp-httplib over loopback as `kb serve` serves them, with an index
// of the repository's own articles/ and one agent token.
//
// Input: one flag byte, then the request target (path and query, sent as
// given, up to the first line break), then optionally '\n' and raw header
// lines. Flag bit 0 sends the agent's token, bit 1 a wrong token, bit 2
// `X-Forwarded-Proto: https`; bits 3-4 choose the method: GET, HEAD, POST
// (with an empty body) or DELETE.
//
// Checks what the brief promises for bad input, "a clear error, never a 500":
// every response has a status below 500; a JSON body parses (so it is valid
// UTF-8) and an error body is CONTRACT §3's {"error":{"code","message"}}; a
// request without the agent's token never gets an internal article (by
// "audience", by id, or in a URL) unless the request named it itself.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "fuzz_support.h"
#include "http/call.h"
#include "http/route_table.h"
#include "http/router.h"
#include "http/server_setup.h"
#include "kb/articles/article.h"
#include "kb/auth/agent_tokens.h"
#include "kb/index/search.h"

namespace {

using kb::fuzz::Fail;
using Json = nlohmann::json;

struct Served {
  std::unique_ptr<kb::SearcherPool> searchers;
  std::unique_ptr<kb::AgentTokens> tokens;
  std::string token;
  httplib::Server server;
  std::thread listener;
  int port = 0;
  std::vector<std::string> internal_ids;
};
Served* served = nullptr;

std::vector<std::string> InternalArticleIds(const std::string& root) {
  std::vector<std::string> ids;
  for (const kb::ArticleFile& file : kb::ListArticleFiles(root).value) {
    const kb::Diagnosed<std::string> bytes = kb::ReadArticleFile(file);
    if (!bytes.ok()) continue;
    const kb::Diagnosed<kb::Article> article = kb::ParseArticle(file.id, file.path, bytes.value);
    if (article.ok() && article.value.audience == kb::Audience::kInternal && !article.value.draft)
      ids.push_back(article.value.id);
  }
  if (ids.empty()) Fail("articles/ has no internal article to guard");
  return ids;
}

void StopServer() {
  served->server.stop();
  if (served->listener.joinable()) served->listener.join();
}

// The Content-Length of a response's `headers` (0 when there is none).
size_t ContentLength(std::string headers) {
  for (char& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t at = headers.find("\r\ncontent-length:");
  return at == std::string::npos ? 0 : std::strtoull(headers.c_str() + at + 17, nullptr, 10);
}

// The first response to a request: its status line and headers, and its body.
struct Response {
  std::string headers;
  std::string body;
};

// Sends `request` on a new loopback connection and returns the response the
// server sends first (HEAD: no body).
Response Exchange(const std::string& request, bool head) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) Fail("socket");
  timeval timeout{30, 0};  // a request kb never answers is a finding too
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(served->port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) Fail("connect");
  for (size_t sent = 0; sent < request.size();) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading it all
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buffer[16384];
  // Read up to the end of the first response (its Content-Length), not until
  // the server closes: after a request line httplib cannot read, it keeps the
  // connection for the next request.
  size_t end = std::string::npos;  // of the headers
  size_t expected = std::string::npos;
  while (response.size() < expected) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) Fail("no response within 30 s");
    if (n <= 0) break;
    response.append(buffer, static_cast<size_t>(n));
    if (end == std::string::npos && (end = response.find("\r\n\r\n")) != std::string::npos)
      expected = end + 4 + (head ? 0 : ContentLength(response.substr(0, end)));
  }
  close(fd);
  if (end == std::string::npos) Fail("no complete response headers");
  // Bytes past `expected` would be a second response, not this one's.
  return {response.substr(0, end), response.substr(end + 4, expected - end - 4)};
}

bool NamesInternal(const std::string& text, const std::string& id) {
  return text == id || text.find("/" + id) != std::string::npos;
}

void CheckNoInternal(const Json& json, const std::vector<std::string>& guarded) {
  if (json.is_object()) {
    auto audience = json.find("audience");
    if (audience != json.end() && *audience == "internal")
      Fail("a customer got an internal article");
  }
  if (json.is_structured()) {
    for (const Json& child : json) CheckNoInternal(child, guarded);
  } else if (json.is_string()) {
    for (const std::string& id : guarded)
      if (NamesInternal(json.get_ref<const std::string&>(), id))
        Fail("a customer got an internal article's id");
  }
}

void CheckResponse(const Response& response, bool agent, const std::string& target) {
  const std::string& headers = response.headers;
  const std::string& body = response.body;
  if (headers.compare(0, 9, "HTTP/1.1 ") != 0 || headers.size() < 12) Fail("no HTTP response");
  const int status = std::stoi(headers.substr(9, 3));
  if (status >= 500) Fail("a 5xx response");
  if (body.empty()) return;  // HEAD, or nothing to check
  if (headers.find("application/json") == std::string::npos) {
    if (status >= 400) Fail("an error that is not JSON");
    return;  // the OpenAPI document is YAML text
  }
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) Fail("JSON body that does not parse");
  if (status >= 400) {
    const auto error = json.find("error");
    if (error == json.end() || !error->is_object() || !(*error)["code"].is_string() ||
        !(*error)["message"].is_string()) {
      Fail("an error body without error.code and error.message");
    }
    return;  // error messages may quote the request
  }
  if (agent) return;
  // The request may name an internal article; its id may then be echoed back.
  const std::string asked = httplib::detail::decode_url(target, true);
  std::vector<std::string> guarded;
  for (const std::string& id : served->internal_ids)
    if (asked.find(id) == std::string::npos) guarded.push_back(id);
  CheckNoInternal(json, guarded);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  served = new Served;  // never deleted: the listener thread may outlive static destructors
  served->internal_ids = InternalArticleIds(KB_SOURCE_DIR "/articles");
  const std::string db = kb::fuzz::PublishArticles(KB_SOURCE_DIR "/articles");
  const std::string token_file = (kb::fuzz::TemporaryFolder() / "tokens").string();
  auto token = kb::CreateAgentToken("fuzz", token_file);
  if (!token.ok()) Fail("cannot create an agent token");
  served->token = *token;
  auto tokens = kb::AgentTokens::Load(token_file);
  if (!tokens.ok()) Fail("cannot load the agent token");
  served->tokens = std::move(*tokens);
  served->searchers = std::make_unique<kb::SearcherPool>(db);

  // As kb::http::Serve sets it up, without git routes.
  kb::http::ConfigureServer(served->server, 2);
  // 5 s each in kb serve; a request that promises more body than it sends,
  // or whose request line httplib cannot read (it then keeps the connection),
  // waits this long, and the fuzzer makes many.
  served->server.set_read_timeout(1, 0);
  served->server.set_keep_alive_timeout(1);
  kb::http::HandlerContext context;
  context.services.searchers = served->searchers.get();
  context.services.agent_tokens = served->tokens.get();
  kb::http::RegisterRoutes(served->server, kb::http::RouteTable(context), context);
  served->port = served->server.bind_to_any_port("127.0.0.1");
  if (served->port <= 0) Fail("cannot listen on loopback");
  // Bound already: connections wait in the backlog until listen accepts them.
  served->listener = std::thread([] { served->server.listen_after_bind(); });
  std::atexit(StopServer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  // The request line is ours: the target ends at the first line break.
  const size_t newline = rest.find_first_of("\r\n");
  const std::string target(rest.substr(0, newline));
  const std::string extra_headers(newline == std::string_view::npos ? std::string_view()
                                                                    : rest.substr(newline + 1));
  const bool agent = flags & 1;
  static constexpr const char* kMethods[] = {"GET", "HEAD", "POST", "DELETE"};
  const std::string method = kMethods[(flags >> 3) & 3];
  const bool head = method == "HEAD";

  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (method == "POST") request += "Content-Length: 0\r\n";
  if (agent) request += "Authorization: Bearer " + served->token + "\r\n";
  if (flags & 2) request += "Authorization: Bearer kbt_0000\r\n";
  if (flags & 4) request += "X-Forwarded-Proto: https\r\n";
  if (!extra_headers.empty()) request += extra_headers + "\r\n";
  request += "\r\n";
  // With the wrong token too, kb must refuse (401) or serve a customer.
  CheckResponse(Exchange(request, head), agent && !(flags & 2), target);
  return 0;
}
