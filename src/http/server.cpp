// RunServer: builds the services, starts httplib, stops on SIGINT/SIGTERM.
#include "kb/http/server.h"

#include <httplib.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "git_routes.h"
#include "kb/auth/agent_tokens.h"
#include "kb/index/search.h"
#include "routes.h"
#include "server_setup.h"

namespace kb {

void http::ConfigureServer(httplib::Server& server, int threads, PortSharing sharing) {
  server.set_socket_options([sharing](socket_t sock) {
    int yes = 1;
    // SO_REUSEADDR: a restarted kb binds at once over connections in TIME_WAIT
    // (on Linux it never lets two sockets listen on one port).
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (sharing == PortSharing::kShared)
      setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
  });
  server.set_tcp_nodelay(true);  // PERF.md: ~40 ms per kept-alive response otherwise
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  server.set_payload_max_length(1 << 20);
}

namespace {

// Why httplib could not listen (it does not say): binds a plain socket to the
// same address to learn the error.
Status ListenFailure(const ServerConfig& config) {
  const std::string where = config.bind + ":" + std::to_string(config.port);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(config.bind.c_str(), std::to_string(config.port).c_str(), &hints, &found) != 0 ||
      !found)
    return Status::InvalidArgument("cannot listen on " + where + ": unknown address '" +
                                   config.bind + "'");
  int error = 0;
  const int sock = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (sock >= 0) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (bind(sock, found->ai_addr, found->ai_addrlen) != 0) error = errno;
    close(sock);
  } else {
    error = errno;
  }
  freeaddrinfo(found);
  if (error == EADDRINUSE)
    return Status::IOError(
        "port " + std::to_string(config.port) + " is already in use on " + config.bind +
        " (another kb serve? --share-port lets several servers share it on purpose)");
  if (error == EACCES) return Status::IOError("cannot listen on " + where + ": permission denied");
  if (error == EADDRNOTAVAIL)
    return Status::IOError("cannot listen on " + where + ": no such address on this machine");
  return Status::IOError("cannot listen on " + where +
                         (error ? std::string(": ") + std::strerror(error) : ""));
}

// The public URL without its trailing slashes, so that paths append to it.
std::string NormalizedPublicUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// An absolute http(s) URL with a host and nothing after its path.
Status ValidatePublicUrl(const std::string& url) {
  if (url.empty()) return Status::OK();
  const std::string_view scheme_end = "://";
  const size_t colon = url.find(scheme_end);
  const std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
  const size_t host_begin = colon == std::string::npos ? 0 : colon + scheme_end.size();
  const size_t host_end = url.find('/', host_begin);
  const bool has_host =
      colon != std::string::npos && host_end != host_begin && host_begin < url.size();
  const bool plain = url.find_first_of("?#\"\\<> \t\r\n") == std::string::npos;
  if ((scheme != "http" && scheme != "https") || !has_host || !plain)
    return Status::InvalidArgument(
        "--public-url must be an absolute http:// or https:// URL without query "
        "or fragment, such as https://help.example.com, not '" +
        url + "'");
  return Status::OK();
}

}  // namespace

Status ValidateServerConfig(const ServerConfig& config) {
  if (config.port < 0 || config.port > 65535)
    return Status::InvalidArgument("--port must be between 0 and 65535");
  if (config.threads < 1 || config.threads > 1024)
    return Status::InvalidArgument("--threads must be between 1 and 1024");
  if (config.db_dir.empty()) return Status::InvalidArgument("--db is required");
  if (Status s = ValidatePublicUrl(config.public_url); !s.ok()) return s;
  auto searcher = Searcher::Open(config.db_dir);
  if (!searcher.ok()) return searcher.status();
  return (*searcher)->Info().status();
}

Status RunServer(const ServerConfig& config) {
  // Git mode: publish the branch before validating, so a first start builds the index.
  std::unique_ptr<GitPublisher> publisher;
  auto secret = http::ReadWebhookSecret(config.webhook_secret_file);
  if (!secret.ok()) return secret.status();
  if (!config.git_repo.empty()) {
    auto opened = http::OpenGitPublisher(config);
    if (!opened.ok()) return opened.status();
    publisher = std::move(*opened);
  }
  if (Status s = ValidateServerConfig(config); !s.ok()) return s;
  std::unique_ptr<AgentTokens> tokens;
  if (!config.agent_tokens_file.empty()) {
    auto loaded = AgentTokens::Load(config.agent_tokens_file);
    if (!loaded.ok()) return loaded.status();
    tokens = std::move(*loaded);
  }

  // Signals go to one waiting thread, never to a worker.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SearcherPool searchers(config.db_dir);
  httplib::Server server;
  http::ConfigureServer(
      server, config.threads,
      config.share_port ? http::PortSharing::kShared : http::PortSharing::kExclusive);
  if (config.access_log) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.target.c_str(), res.status);
    });
  }
  http::Services services{&searchers, tokens.get(), NormalizedPublicUrl(config.public_url), {}};
  if (publisher) {
    const http::GitServices git{&searchers, tokens.get(), publisher.get(), *secret};
    http::RegisterGitRoutes(server, git);
    services.article_at_ref = http::ArticleAtRefHandler(git);
  }
  http::RegisterRoutes(server, services);

  if (!server.bind_to_port(config.bind, config.port)) return ListenFailure(config);

  if (publisher) publisher->Start();  // after the signal mask: the thread inherits it
  std::thread signal_waiter([&server, &signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  std::fprintf(stderr, "kb: serving %s on http://%s:%d\n", config.db_dir.c_str(),
               config.bind.c_str(), config.port);
  const bool ok = server.listen_after_bind();
  // Wake the waiter if listen ended for another reason than a signal.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (publisher) publisher->Stop();
  if (!ok && server.is_running()) return Status::IOError("server stopped unexpectedly");
  std::fprintf(stderr, "kb: stopped\n");
  return Status::OK();
}

}  // namespace kb
