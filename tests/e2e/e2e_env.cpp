#include "e2e_env.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <algorithm>
#include <sstream>

namespace kb_e2e {

std::string HttpReply::Describe() const {
  std::ostringstream s;
  s << "HTTP " << status << (error.empty() ? "" : " (" + error + ")") << " " << content_type << "\n"
    << body.substr(0, 2000);
  return s.str();
}

std::string PercentEncode(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

std::string WithParams(std::string path, const Params& params) {
  char sep = '?';
  for (const auto& [key, value] : params) {
    path += sep + PercentEncode(key) + "=" + PercentEncode(value);
    sep = '&';
  }
  return path;
}

std::string SearchPath(const Params& params) { return WithParams("/api/v1/search", params); }

Env::Env(const std::string& fixture)
    : articles_(tmp_.Sub("articles")), db_(tmp_.Sub("db")), tokens_file_(tmp_.Sub("tokens")) {
  CopyTree(TestDataDir() + "/" + fixture, articles_);
  const RunResult index = Index();
  INFO("kb index: ", index.Describe());
  REQUIRE(index.exit_code == 0);
  const RunResult token = RunKb({"token", "new", "agent", "--file", tokens_file_});
  INFO("kb token new: ", token.Describe());
  REQUIRE(token.exit_code == 0);
  std::istringstream out(token.out);
  out >> token_;  // the token is the only word on stdout
  REQUIRE(token_.rfind("kbt_", 0) == 0);
}

Env::~Env() {
  if (!server_) return;
  const std::string err = server_->Stderr();
  const size_t report = err.find("Sanitizer");
  INFO("kb serve stderr:\n",
       err.substr(report > 200 && report != std::string::npos ? report - 200 : 0, 4000));
  CHECK(report == std::string::npos);
}

void Env::StartServer(const std::vector<std::string>& extra_args) {
  std::string error;
  server_ = KbServer::Start({db_, tokens_file_, tmp_.path(), extra_args}, &error);
  INFO(error);
  REQUIRE(server_ != nullptr);
}

void Env::StopServer() {
  REQUIRE(server_ != nullptr);
  const int code = server_->Stop();
  INFO("kb serve stderr:\n", server_->Stderr());
  CHECK(code == 0);
  server_.reset();
}

RunResult Env::Index() const { return Index(articles_); }

RunResult Env::Index(const std::string& articles_dir) const {
  return RunKb({"index", articles_dir, "--db", db_});
}

HttpReply Env::Get(const std::string& path, const std::string& bearer) const {
  REQUIRE(server_ != nullptr);
  httplib::Headers headers;
  if (!bearer.empty()) headers.emplace("Authorization", "Bearer " + bearer);
  return ToHttpReply(server_->Client()->Get(path.c_str(), headers));
}

HttpReply ToHttpReply(const httplib::Result& res) {
  HttpReply reply;
  if (!res) {
    reply.error = httplib::to_string(res.error());
    return reply;
  }
  reply.status = res->status;
  reply.body = res->body;
  reply.content_type = res->get_header_value("Content-Type");
  reply.json = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  return reply;
}

nlohmann::json Env::GetJson(const std::string& path, const std::string& bearer) const {
  const HttpReply reply = Get(path, bearer);
  INFO(path, (bearer.empty() ? " (customer)" : " (agent)"), " -> ", reply.Describe());
  REQUIRE(reply.status == 200);
  REQUIRE(reply.json.is_object());
  return reply.json;
}

nlohmann::json Env::Search(const Params& params, const std::string& bearer) const {
  const nlohmann::json json = GetJson(SearchPath(params), bearer);
  INFO(json.dump());
  REQUIRE(json.contains("hits"));
  REQUIRE(json["hits"].is_array());
  return json;
}

std::vector<std::string> HitIds(const nlohmann::json& response) {
  std::vector<std::string> ids;
  for (const auto& hit : response.at("hits")) ids.push_back(hit.value("id", std::string()));
  return ids;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void CheckError(const HttpReply& reply, int status, const std::string& code) {
  INFO(reply.Describe());
  CHECK(reply.status == status);
  CHECK(reply.content_type.find("application/json") != std::string::npos);
  REQUIRE(reply.json.is_object());
  REQUIRE(reply.json.contains("error"));
  const auto& error = reply.json["error"];
  REQUIRE(error.is_object());
  CHECK(error.value("code", std::string()) == code);
  CHECK(error.contains("message"));
  CHECK(error["message"].is_string());
  CHECK_FALSE(error.value("message", std::string()).empty());
}

}  // namespace kb_e2e
