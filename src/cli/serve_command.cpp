#include "serve_command.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "commands.h"
#include "git_commands.h"
#include "kb/auth/agent_tokens.h"
#include "kb/index/search.h"
#include "kb/insights/recorder.h"
#include "kb/portal/portal.h"
#include "kb/publish/git_publisher.h"
#include "stderr_log.h"

namespace kb::cli {
namespace {

int Fail(const Status& status) {
  std::fprintf(stderr, "kb: %s\n", status.ToString().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

// The secret in `file` without trailing whitespace; "" for no file.
// InvalidArgument when the file is unreadable or holds no secret.
Result<std::string> ReadWebhookSecret(const std::string& file) {
  if (file.empty()) return std::string();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return Status::InvalidArgument("cannot read webhook secret file " + file);
  std::string secret = content.str();
  while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back())))
    secret.pop_back();
  if (secret.empty()) return Status::InvalidArgument("webhook secret file " + file + " is empty");
  return secret;
}

// Opens the repository and publishes it once into args.db_dir (serve builds
// or updates the index before it listens). A commit with bad articles is
// logged and the existing index is served; errors opening the repository
// are returned.
Result<std::unique_ptr<GitPublisher>> OpenGitPublisher(const ServeArgs& args, Log* log) {
  GitPublisherOptions options;
  options.log = log;
  options.source =
      GitSourceFor(GitArgs{args.git_repo, args.git_branch, args.git_cache_dir}, args.db_dir);
  options.db_dir = args.db_dir;
  options.poll_seconds = args.poll_seconds;
  options.allow_mass_delete = args.allow_mass_delete;
  auto publisher = GitPublisher::Create(options);
  if (!publisher.ok()) return publisher.status();
  (*publisher)->PublishNow();  // logs its outcome; a bad commit keeps the index as it is
  return publisher;
}

// The index must be readable before kb listens.
Status CheckIndex(const std::string& db_dir) {
  if (db_dir.empty()) return Status::InvalidArgument("--db is required");
  auto searcher = Searcher::Open(db_dir);
  if (!searcher.ok()) return searcher.status();
  return (*searcher)->Info().status();
}

void AddGitServeOptions(CLI::App* serve, ServeArgs* args) {
  serve->add_option("--repo", args->git_repo,
                    "Git repository (path or URL): build/update --db from it on start, then "
                    "republish on webhook or poll");
  serve->add_option("--branch", args->git_branch, "Branch to publish")->capture_default_str();
  serve->add_option("--cache", args->git_cache_dir,
                    "Where a repository URL is cloned (default DB_DIR/git-cache)");
  serve->add_option("--webhook-secret-file", args->webhook_secret_file,
                    "Shared secret of POST /api/v1/hooks/git (GitHub, Gitea, GitLab)");
  serve
      ->add_option("--poll-seconds", args->poll_seconds,
                   "Also check the branch every N seconds (0: never)")
      ->capture_default_str()
      ->check(CLI::Range(0, 86400));
  serve->add_flag("--allow-mass-delete", args->allow_mass_delete,
                  "Publish a commit even if it deletes more than half of the published articles");
}

// --features: query rewrites and ranking features switched off (or on) by
// name, for measuring each one (docs/ranking.md). An unknown name is a usage
// error.
void AddFeaturesOption(CLI::App* serve, QueryFeatures* features) {
  std::string names;
  for (const QueryFeatureName& f : QueryFeatureNames())
    names += std::string(names.empty() ? "" : ", ") + f.name;
  serve->add_option_function<std::string>(
      "--features",
      [features](const std::string& list) {
        auto parsed = ParseQueryFeatures(list);
        if (!parsed.ok()) throw CLI::ValidationError("--features", parsed.status().message());
        *features = *parsed;
      },
      "Turn query rewrites and ranking features off (-name) or on (+name), comma-separated, "
      "for measuring them; all are on by default. Names: " +
          names);
}

void AddInsightsOptions(CLI::App* serve, ServeArgs* args) {
  serve->add_option("--data", args->data_dir,
                    "Folder of the insights events database (insights.sqlite); default: the "
                    "folder that holds DB_DIR");
  serve
      ->add_option("--retention-days", args->retention_days,
                   "Delete insights events older than this many days (0: keep them)")
      ->capture_default_str()
      ->check(CLI::Range(0, 36500));
  serve->add_flag("--trust-event-time", args->trust_event_time,
                  "Tests and imports only: accept a `time` for searches and events");
  serve
      ->add_option("--insights-refresh-seconds", args->popular_refresh_seconds,
                   "How often autocomplete's popular queries are recomputed")
      ->capture_default_str()
      ->check(CLI::Range(0, 86400));
}

void AddPortalOptions(CLI::App* serve, ServeArgs* args) {
  serve->add_option("--site-config", args->site_config_file,
                    "JSON file of the portal's site: name, default_lang, ticket_url, logo_url, "
                    "colors {accent, background, text}");
  serve->add_option("--templates", args->templates_dir,
                    "The portal's templates folder (*.mustache, messages/, assets/); default: "
                    "the templates/ kb was built from");
  serve->add_option("--cors-origin", args->http.cors_origins,
                    "An origin (https://shop.example.com) whose pages may call the API, e.g. "
                    "with the embeddable search widget; repeatable");
  serve->add_option("--articles", args->articles_dir,
                    "The articles folder the index was built from: the portal serves the images "
                    "and other files beside published articles from it");
  serve->add_flag("--no-portal", args->no_portal, "Serve the API only, no pages");
}

// The portal over `searchers`, or null with --no-portal. InvalidArgument for
// a bad site config or templates folder: checked before kb listens.
Result<std::unique_ptr<portal::Portal>> OpenPortal(const ServeArgs& args, SearcherPool* searchers,
                                                   EventStore* events) {
  if (args.no_portal) return std::unique_ptr<portal::Portal>();
  portal::PortalOptions options;
  options.templates_dir = args.templates_dir.empty() ? KB_TEMPLATES_DIR : args.templates_dir;
  options.public_url = args.http.public_url;
  options.articles_dir = args.articles_dir;
  options.events = events;
  while (!options.public_url.empty() && options.public_url.back() == '/')
    options.public_url.pop_back();
  if (!args.site_config_file.empty()) {
    auto site = portal::LoadSiteConfig(args.site_config_file);
    if (!site.ok()) return Status::InvalidArgument(site.status().message());
    options.site = *site;
  }
  return portal::Portal::Create(options, searchers);
}

// Rate limits, timeouts and size caps (kb/http/server.h ServeLimits).
void AddLimitOptions(CLI::App* serve, http::ServeOptions* http) {
  http::ServeLimits& limits = http->limits;
  serve
      ->add_option("--rate-limit", limits.rate_limit,
                   "Requests per second allowed per client address (0: no rate limiting)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e9));
  serve->add_option("--rate-burst", limits.rate_burst, "Requests a client may make at once")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1e9));
  serve
      ->add_option("--agent-rate-limit", limits.agent_rate_limit,
                   "Requests per second allowed per agent token (0: agents unlimited)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e9));
  serve->add_option("--agent-rate-burst", limits.agent_rate_burst, "An agent's burst")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1e9));
  serve->add_option("--trusted-proxy", limits.trusted_proxies,
                    "Address of a reverse proxy whose X-Forwarded-For names the client "
                    "(repeatable); without it the header is ignored");
  serve
      ->add_option("--read-timeout", limits.read_timeout_seconds,
                   "Seconds one socket read or write may wait")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--request-timeout", limits.request_timeout_seconds,
                   "Seconds a connection may take to send and get one request answered "
                   "(slow clients are cut off)")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--max-body-bytes", limits.max_body_bytes, "Largest request body (413 above)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  serve
      ->add_option("--max-header-fields", limits.max_header_fields,
                   "Most header fields in a request (431 above)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000}));
}

}  // namespace

size_t SearchSlots(int requested) {
  if (requested > 0) return size_t(requested);
  // Two a core: one core's search may wait on a page of the index meanwhile.
  return 2 * size_t(std::max(1u, std::thread::hardware_concurrency()));
}

std::string InsightsDataDir(const std::string& data_dir, const std::string& db_dir) {
  if (!data_dir.empty()) return data_dir;
  std::filesystem::path db = std::filesystem::absolute(db_dir).lexically_normal();
  if (!db.has_filename()) db = db.parent_path();  // "db/" -> "db"
  return db.parent_path().string();
}

std::vector<std::string> GlueFeatureValues(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (size_t i = 1; i + 1 < args.size(); ++i) {
    if (args[i] != "--features" || args[i + 1].rfind('-', 0) != 0) continue;
    args[i] += "=" + args[i + 1];
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  return args;
}

CLI::App* AddServeCommand(CLI::App& app, ServeArgs* args) {
  http::ServeOptions& http = args->http;
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API over an index");
  serve->add_option("--db", args->db_dir, "Index directory written by kb index")->required();
  serve->add_option("--bind", http.bind, "Address to listen on")->capture_default_str();
  serve->add_option("--port", http.port, "TCP port")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option(
      "--public-url", http.public_url,
      "The help center's public address (https://help.example.com) for absolute URLs in "
      "responses; without it they are relative");
  serve->add_option("--agent-tokens", args->agent_tokens_file,
                    "File of agent token hashes (kb token new); agents see internal articles");
  serve->add_option("--threads", http.threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  serve
      ->add_option("--search-slots", args->search_slots,
                   "Searches run at once; the others wait their turn (0: two per processor core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  serve
      ->add_option("--search-cache-mb", args->search_cache_mb,
                   "Memory for the answers of recent searches, reused for the same search until "
                   "the next publish (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65536));
  serve->add_flag("--share-port", http.share_port,
                  "Let several servers listen on the same port (SO_REUSEPORT); without it a port "
                  "in use is an error");
  serve->add_flag("--access-log", http.access_log,
                  "Write one JSON line per request on stdout (no query text)");
  serve->add_flag("--log-queries", http.log_queries,
                  "With --access-log: include the request's parameters (search text)");
  AddLimitOptions(serve, &http);
  AddFeaturesOption(serve, &args->features);
  AddGitServeOptions(serve, args);
  AddInsightsOptions(serve, args);
  AddPortalOptions(serve, args);
  return serve;
}

int RunServe(ServeArgs args) {
  StderrLog log;
  if (Status s = http::ValidateServeOptions(args.http); !s.ok()) return Fail(s);
  // Git mode: publish the branch before checking the index, so a first start builds it.
  auto secret = ReadWebhookSecret(args.webhook_secret_file);
  if (!secret.ok()) return Fail(secret.status());
  std::unique_ptr<GitPublisher> publisher;
  if (!args.git_repo.empty()) {
    auto opened = OpenGitPublisher(args, &log);
    if (!opened.ok()) return Fail(opened.status());
    publisher = std::move(*opened);
  }
  if (Status s = CheckIndex(args.db_dir); !s.ok()) return Fail(s);
  std::unique_ptr<AgentTokens> tokens;
  if (!args.agent_tokens_file.empty()) {
    AgentTokens::Options token_options;
    token_options.log = &log;  // a token file edit that cannot be reloaded is reported
    auto loaded = AgentTokens::Load(args.agent_tokens_file, token_options);
    if (!loaded.ok()) return Fail(loaded.status());
    tokens = std::move(*loaded);
  }
  auto events = OpenSqliteEventStore(InsightsDataDir(args.data_dir, args.db_dir));
  if (!events.ok()) return Fail(events.status());
  RecorderOptions recording;
  recording.retention_days = args.retention_days;
  recording.popular_refresh = std::chrono::seconds(args.popular_refresh_seconds);
  recording.log = &log;
  EventRecorder recorder(events->get(), recording);  // its destructor commits what is queued
  SearcherPool searchers(args.db_dir, args.features, SearchSlots(args.search_slots),
                         size_t(args.search_cache_mb) << 20);
  auto portal = OpenPortal(args, &searchers, events->get());
  if (!portal.ok()) return Fail(portal.status());
  http::Services services;
  services.portal = portal->get();
  services.searchers = &searchers;
  services.agent_tokens = tokens.get();
  services.publisher = publisher.get();
  services.webhook_secret = *secret;
  services.log = &log;
  services.recorder = &recorder;
  services.events = events->get();
  services.trust_event_time = args.trust_event_time;
  args.http.name = args.db_dir;
  const Status status = http::Serve(args.http, services);
  return status.ok() ? kExitOk : Fail(status);
}

}  // namespace kb::cli
