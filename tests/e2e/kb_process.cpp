#include "kb_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace kb_e2e {
namespace {

using Clock = std::chrono::steady_clock;

int DecodeWaitStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

// Spawns kb with the given file actions; returns the pid or -1.
pid_t SpawnKb(const std::vector<std::string>& args, posix_spawn_file_actions_t* actions) {
  std::vector<std::string> full = {KbBinary()};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv = Argv(full);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], actions, nullptr, argv.data(), environ) != 0) return -1;
  return pid;
}

// Reads what is available on `fd` into `out`; returns false at EOF or error.
bool Drain(int fd, std::string* out) {
  char buf[8192];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  if (n > 0) {
    out->append(buf, static_cast<size_t>(n));
    return true;
  }
  return n < 0 && errno == EINTR;
}

// Waits for `pid` up to `timeout`; returns true and sets *status when it ended.
bool WaitFor(pid_t pid, std::chrono::milliseconds timeout, int* status) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const pid_t r = ::waitpid(pid, status, WNOHANG);
    if (r == pid) return true;
    if (r < 0 && errno != EINTR) return false;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

std::string KbBinary() { return KB_BINARY; }
std::string TestDataDir() { return KB_TEST_DATA_DIR; }

std::string RunResult::Describe() const {
  std::ostringstream s;
  s << "exit code " << exit_code << (timed_out ? " (timed out)" : "") << "\n--- stdout ---\n"
    << out << "\n--- stderr ---\n"
    << err;
  return s.str();
}

RunResult RunKb(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  RunResult result;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.err = "pipe failed";
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  const pid_t pid = SpawnKb(args, &actions);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (pid < 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    result.err = "posix_spawn of " + KbBinary() + " failed";
    return result;
  }

  const auto deadline = Clock::now() + timeout;
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    if (Clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd fds[2] = {{out_open ? out_pipe[0] : -1, POLLIN, 0},
                     {err_open ? err_pipe[0] : -1, POLLIN, 0}};
    if (::poll(fds, 2, 50) < 0 && errno != EINTR) break;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
      out_open = Drain(out_pipe[0], &result.out);
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
      err_open = Drain(err_pipe[0], &result.err);
  }
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  // The pipes are closed when kb exits; a child that closed them early still has the rest of the
  // timeout.
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (!WaitFor(pid, std::max(left, std::chrono::milliseconds(0)), &status)) {
    result.timed_out = true;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  result.exit_code = DecodeWaitStatus(status);
  return result;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/kb_e2e.XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void CopyTree(const std::string& from, const std::string& to) {
  std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
}

void WriteTextFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

std::unique_ptr<KbServer> KbServer::Start(const Options& options, std::string* error) {
  std::unique_ptr<KbServer> server(new KbServer());
  server->port_ = FreeLoopbackPort();
  const std::string base = options.log_dir + "/serve-" + std::to_string(server->port_);
  server->stdout_path_ = base + ".stdout";
  server->stderr_path_ = base + ".stderr";

  std::vector<std::string> args = {
      "serve", "--db", options.db, "--bind", "127.0.0.1", "--port", std::to_string(server->port_)};
  if (!options.agent_tokens.empty()) {
    args.push_back("--agent-tokens");
    args.push_back(options.agent_tokens);
  }
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  // Tests send bursts from one address; those about rate limiting pass their own.
  if (std::find(args.begin(), args.end(), "--rate-limit") == args.end()) {
    args.push_back("--rate-limit");
    args.push_back("0");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, server->stdout_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, server->stderr_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  server->pid_ = SpawnKb(args, &actions);
  posix_spawn_file_actions_destroy(&actions);
  if (server->pid_ < 0) {
    *error = "posix_spawn of " + KbBinary() + " failed";
    return nullptr;
  }

  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
      server->pid_ = -1;
      *error = "kb serve exited with code " + std::to_string(DecodeWaitStatus(status)) +
               " before /healthz answered; stderr:\n" + server->Stderr();
      return nullptr;
    }
    auto client = server->Client();
    client->set_connection_timeout(0, 200000);
    auto res = client->Get("/healthz");
    if (res && res->status == 200) return server;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  *error =
      "kb serve did not answer GET /healthz with 200 within 10 s; stderr:\n" + server->Stderr();
  return nullptr;  // the destructor kills it
}

KbServer::~KbServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::unique_ptr<httplib::Client> KbServer::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(2, 0);
  client->set_read_timeout(10, 0);
  client->set_write_timeout(10, 0);
  client->set_url_encode(false);  // tests percent-encode paths themselves (and send %FF on purpose)
  return client;
}

int KbServer::Stop(int signal, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  int code = -1;
  if (WaitFor(pid_, timeout, &status)) {
    code = DecodeWaitStatus(status);
  } else {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  return code;
}

std::string KbServer::Stdout() const { return ReadTextFile(stdout_path_); }

void KbServer::Signal(int signal) const {
  if (pid_ > 0) ::kill(pid_, signal);
}

std::string KbServer::Stderr() const { return ReadTextFile(stderr_path_); }

}  // namespace kb_e2e
