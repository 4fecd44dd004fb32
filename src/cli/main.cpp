// kb: the command line (CONTRACT §2). Parses flags with CLI11 and calls the
// library; all behaviour lives in kb_core.
#include <CLI/CLI.hpp>
#include <csignal>

#include "commands.h"
#include "git_commands.h"
#include "serve_command.h"
#include "stats_command.h"

int main(int argc, char** argv) {
  // A reader that stops early (`kb serve --help | grep -q …`, a client that
  // hangs up) makes a write fail with EPIPE, not kill kb with SIGPIPE: a
  // script's `set -o pipefail` check of the help then holds, and the
  // server lives on.
  std::signal(SIGPIPE, SIG_IGN);
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

  kb::cli::ServeArgs serve_args;
  auto* serve = kb::cli::AddServeCommand(app, &serve_args);

  kb::cli::StatsArgs stats_args;
  auto* stats = kb::cli::AddStatsCommand(app, &stats_args);

  kb::cli::CheckArgs check_args;
  auto* check = kb::cli::AddCheckCommand(app, &check_args);

  kb::cli::TokenArgs token_args;
  auto* token = app.add_subcommand("token", "Manage agent tokens");
  token->require_subcommand(1);
  auto* token_new = token->add_subcommand("new", "Create an agent token; prints it once");
  token_new->add_option("NAME", token_args.name, "Agent name ([A-Za-z0-9._-])")->required();
  token_new->add_option("--file", token_args.file, "Token hash file (one name:sha256hex per line)")
      ->required();
  auto* token_list = token->add_subcommand("list", "List the agents that have a token");
  token_list->add_option("--file", token_args.file, "Token hash file")->required();
  auto* token_revoke =
      token->add_subcommand("revoke", "Remove an agent's token (kb serve refuses it at once)");
  token_revoke->add_option("NAME", token_args.name, "Agent name")->required();
  token_revoke->add_option("--file", token_args.file, "Token hash file")->required();

  kb::cli::AnalyzeArgs analyze_args;
  auto* analyze = app.add_subcommand(
      "analyze", "Show how kb analyzes a text: exact terms, stems, stopwords (for debugging)");
  analyze->add_option("TEXT", analyze_args.text, "Text to analyze")->required();
  analyze->add_option("--lang", analyze_args.lang, "Language code (default: detected by script)");

  // Hidden (no group): prints the OpenAPI document, for tools/lint_openapi.sh.
  auto* openapi = app.add_subcommand("openapi", "Print the OpenAPI document")->group("");

  std::vector<std::string> args = kb::cli::GlueFeatureValues(argc, argv);
  std::vector<char*> arg_pointers;
  for (std::string& a : args) arg_pointers.push_back(a.data());
  try {
    app.parse(static_cast<int>(arg_pointers.size()), arg_pointers.data());
  } catch (const CLI::ParseError& e) {
    // --help and --version print and succeed; every other parse error
    // (unknown flag, missing option, bad value) is a usage error: 2.
    return app.exit(e) == 0 ? kb::cli::kExitOk : kb::cli::kExitUsage;
  }
  if (*openapi) return kb::cli::RunOpenApi();
  if (*analyze) return kb::cli::RunAnalyze(analyze_args);
  if (*index) return kb::cli::RunIndexCommand(index_args, index_git);
  if (*serve) return kb::cli::RunServe(serve_args);
  if (*check) return kb::cli::RunCheck(check_args);
  if (*stats) return kb::cli::RunStats(stats_args);
  if (*token_new) return kb::cli::RunTokenNew(token_args);
  if (*token_list) return kb::cli::RunTokenList(token_args);
  if (*token_revoke) return kb::cli::RunTokenRevoke(token_args);
  return kb::cli::kExitUsage;
}
