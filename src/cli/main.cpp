// kb: the command line (CONTRACT §2). Parses flags with CLI11 and calls the
// library; all behaviour lives in kb_core.
#include <CLI/CLI.hpp>

#include "commands.h"
#include "git_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"kb: knowledge-base and help-center search backend"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kb 0.1.0");

  kb::cli::IndexArgs index_args;
  auto* index = app.add_subcommand("index", "Build or update the index from a folder of articles");
  index->add_option("ARTICLES_DIR", index_args.articles_dir, "Folder of Markdown articles");
  kb::cli::GitArgs index_git;
  kb::cli::AddGitIndexOptions(index, &index_git);
  index->add_option("--db", index_args.db_dir, "Index directory (created if missing)")->required();
  index->add_flag("--rebuild", index_args.force_rebuild,
                  "Rebuild the whole index as a new generation even if nothing changed");
  index->add_flag("--allow-mass-delete", index_args.allow_mass_delete,
                  "Publish even if more than half of the published articles (and more than 5) "
                  "would be deleted");
  index->add_flag("--quiet", index_args.quiet, "Print no progress or summary");

  kb::ServerConfig serve_args;
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API over an index");
  serve->add_option("--db", serve_args.db_dir, "Index directory written by kb index")->required();
  serve->add_option("--bind", serve_args.bind, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_args.port, "TCP port")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option(
      "--public-url", serve_args.public_url,
      "The help center's public address (https://help.example.com) for absolute URLs in "
      "responses; without it they are relative");
  serve->add_option("--agent-tokens", serve_args.agent_tokens_file,
                    "File of agent token hashes (kb token new); agents see internal articles");
  serve->add_option("--threads", serve_args.threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  serve->add_flag("--share-port", serve_args.share_port,
                  "Let several servers listen on the same port (SO_REUSEPORT); without it a port "
                  "in use is an error");
  serve->add_flag("--access-log", serve_args.access_log, "Log one line per request on stderr");
  kb::cli::AddGitServeOptions(serve, &serve_args);

  kb::cli::CheckArgs check_args;
  auto* check = kb::cli::AddCheckCommand(app, &check_args);

  kb::cli::TokenArgs token_args;
  auto* token = app.add_subcommand("token", "Manage agent tokens");
  token->require_subcommand(1);
  auto* token_new = token->add_subcommand("new", "Create an agent token; prints it once");
  token_new->add_option("NAME", token_args.name, "Agent name ([A-Za-z0-9._-])")->required();
  token_new->add_option("--file", token_args.file, "Token hash file (one name:sha256hex per line)")
      ->required();

  kb::cli::AnalyzeArgs analyze_args;
  auto* analyze = app.add_subcommand(
      "analyze", "Show how kb analyzes a text: exact terms, stems, stopwords (for debugging)");
  analyze->add_option("TEXT", analyze_args.text, "Text to analyze")->required();
  analyze->add_option("--lang", analyze_args.lang, "Language code (default: detected by script)");

  CLI11_PARSE(app, argc, argv);
  if (*analyze) return kb::cli::RunAnalyze(analyze_args);
  if (*index) return kb::cli::RunIndexCommand(index_args, index_git);
  if (*serve) return kb::cli::RunServeCommand(serve_args);
  if (*check) return kb::cli::RunCheck(check_args);
  if (*token_new) return kb::cli::RunTokenNew(token_args);
  return kb::cli::kExitUsage;
}
