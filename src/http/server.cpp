// RunServer: builds the services, starts httplib, stops on SIGINT/SIGTERM.
#include "kb/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "http/git_routes.h"
#include "http/routes.h"
#include "http/server_setup.h"
#include "kb/agent_tokens.h"
#include "kb/search.h"

namespace kb {

void http::ConfigureServer(httplib::Server& server, int threads) {
  server.set_tcp_nodelay(true);  // PERF.md: ~40 ms per kept-alive response otherwise
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_payload_max_length(1 << 20);
}

Status ValidateServerConfig(const ServerConfig& config) {
  if (config.port < 0 || config.port > 65535)
    return Status::InvalidArgument("--port must be between 0 and 65535");
  if (config.threads < 1 || config.threads > 1024)
    return Status::InvalidArgument("--threads must be between 1 and 1024");
  if (config.db_dir.empty()) return Status::InvalidArgument("--db is required");
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
  http::ConfigureServer(server, config.threads);
  if (config.access_log) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.target.c_str(), res.status);
    });
  }
  http::Services services{&searchers, tokens.get(), {}};
  if (publisher) {
    const http::GitServices git{&searchers, tokens.get(), publisher.get(), *secret};
    http::RegisterGitRoutes(server, git);
    services.article_at_ref = http::ArticleAtRefHandler(git);
  }
  http::RegisterRoutes(server, services);

  if (!server.bind_to_port(config.bind, config.port))
    return Status::IOError("cannot listen on " + config.bind + ":" + std::to_string(config.port));

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
