// http::Serve: starts httplib over the services it is given, stops on SIGINT/SIGTERM.
#include "kb/http/server.h"

#include <httplib.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "call.h"
#include "connection_watchdog.h"
#include "cors.h"
#include "kb/auth/agent_tokens.h"
#include "kb/core/metrics.h"
#include "kb/publish/git_publisher.h"
#include "page_routes.h"
#include "process_sockets.h"
#include "request_guard.h"
#include "route_table.h"
#include "router.h"
#include "server_setup.h"

namespace kb::http {

namespace {
// Requests one kept-alive connection may carry before the server closes it.
constexpr size_t kKeepAliveRequests = 1000;
}  // namespace

void ConfigureServer(httplib::Server& server, int threads, PortSharing sharing) {
  server.set_socket_options([sharing](socket_t sock) {
    int yes = 1;
    // SO_REUSEADDR: a restarted kb binds at once over connections in TIME_WAIT
    // (on Linux it never lets two sockets listen on one port).
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (sharing == PortSharing::kShared)
      setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof(yes));
  });
  server.set_tcp_nodelay(true);  // PERF.md: ~40 ms per kept-alive response otherwise
  // One worker per kept-alive connection (httplib serves a connection on one
  // thread until it closes): `threads` is sized for the expected connections.
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  // httplib closes a kept-alive connection after 5 requests by default, so
  // a busy client reconnects (TCP handshake, a new task) every 5 searches;
  // idle connections still close after the keep-alive timeout.
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_payload_max_length(1 << 20);
}

namespace {

// Why httplib could not listen (it does not say): binds a plain socket to the
// same address to learn the error.
Status ListenFailure(const ServeOptions& config) {
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

// Blocks SIGINT, SIGTERM and SIGHUP in this thread and the ones it creates;
// the returned set is for sigwait.
sigset_t BlockSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// Until SIGINT or SIGTERM: SIGHUP rereads the agent tokens.
void WaitForStop(sigset_t signals, const Services& services) {
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0 || sig != SIGHUP) return;
    if (!services.agent_tokens) continue;
    if (services.agent_tokens->Reload().ok() && services.log)
      services.log->Info("SIGHUP: agent tokens reloaded");
  }
}

Status ValidateLimits(const ServeLimits& limits) {
  if (limits.rate_limit < 0 || limits.agent_rate_limit < 0 || limits.rate_burst < 1 ||
      limits.agent_rate_burst < 1)
    return Status::InvalidArgument("rate limits must be >= 0 and bursts >= 1");
  if (limits.read_timeout_seconds < 1 || limits.request_timeout_seconds < 1)
    return Status::InvalidArgument("timeouts must be at least 1 second");
  if (limits.max_header_fields < 1 || limits.max_body_bytes < 1)
    return Status::InvalidArgument("--max-header-fields and --max-body-bytes must be positive");
  return Status::OK();
}

}  // namespace

Status ValidateServeOptions(const ServeOptions& options) {
  if (options.port < 0 || options.port > 65535)
    return Status::InvalidArgument("--port must be between 0 and 65535");
  if (options.threads < 1 || options.threads > 1024)
    return Status::InvalidArgument("--threads must be between 1 and 1024");
  if (Status s = ValidateLimits(options.limits); !s.ok()) return s;
  return ValidatePublicUrl(options.public_url);
}

Status Serve(const ServeOptions& options, const Services& services) {
  if (Status s = ValidateServeOptions(options); !s.ok()) return s;
  // Signals go to one waiting thread, never to a worker.
  sigset_t signals = BlockSignals();
  Metrics own_metrics;
  Services with_metrics = services;
  if (!with_metrics.metrics) with_metrics.metrics = &own_metrics;
  const HandlerContext context{with_metrics, NormalizedPublicUrl(options.public_url)};
  const std::vector<Route> table = RouteTable(context);
  httplib::Server server;
  ConfigureServer(server, options.threads,
                  options.share_port ? PortSharing::kShared : PortSharing::kExclusive);
  RegisterRoutes(server, table, context);
  RegisterPageRoutes(server, context);
  RegisterCors(server, options.cors_origins);
  ConnectionWatchdog watchdog(options.port,
                              std::chrono::seconds(options.limits.request_timeout_seconds));
  AddIndexGauges(*with_metrics.metrics, with_metrics,
                 [&watchdog] { return static_cast<double>(watchdog.timed_out()); });
  RequestGuard guard(ServedRoutes(table, context.git_mode()), context, options, &watchdog);
  guard.Install(server);

  if (!server.bind_to_port(options.bind, options.port)) return ListenFailure(options);
  WidenListenBacklog(options.port, SOMAXCONN);

  GitPublisher* publisher = services.publisher;
  if (publisher) publisher->Start();  // after the signal mask: the thread inherits it
  std::thread signal_waiter([&server, &signals, &services] {
    WaitForStop(signals, services);
    server.stop();
  });
  context.log().Info("serving " + options.name + " on http://" + options.bind + ":" +
                     std::to_string(options.port));
  const bool ok = server.listen_after_bind();
  // Wake the waiter if listen ended for another reason than a signal.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (publisher) publisher->Stop();
  if (!ok && server.is_running()) return Status::IOError("server stopped unexpectedly");
  context.log().Info("stopped");
  return Status::OK();
}

}  // namespace kb::http
