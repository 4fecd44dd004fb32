// The exit statuses docs/api.md documents: 0 ok (--help and --version
// included), 1 bad articles or input, 2 usage (unknown flags, missing
// options or subcommands, bad option values), 3 I/O or index failure.
#include <doctest/doctest.h>

#include "kb_process.h"

using kb_e2e::RunKb;
using kb_e2e::RunResult;

TEST_SUITE_BEGIN("cli");

TEST_CASE("usage errors exit 2, with a message on stderr") {
  kb_e2e::TempDir tmp;
  const std::vector<std::vector<std::string>> cases = {
      {},                                                     // no subcommand
      {"--bogus"},                                            // unknown flag
      {"frobnicate"},                                         // unknown subcommand
      {"index", tmp.path()},                                  // missing --db
      {"serve"},                                              // missing --db
      {"serve", "--db", tmp.path(), "--no-such-flag"},        // unknown flag of a subcommand
      {"serve", "--db", tmp.path(), "--port", "99999"},       // value out of range
      {"serve", "--db", tmp.path(), "--threads", "many"},     // not a number
      {"serve", "--db", tmp.path(), "--search-slots", "-1"},  // out of range
      {"serve", "--db", tmp.path(), "--features", "-typo_repair,-nope"},   // unknown feature
      {"serve", "--db", tmp.path(), "--features", "thesaurus"},            // no + or -
      {"token"},                                                           // missing sub-subcommand
      {"token", "new", "ann"},                                             // missing --file
      {"index", tmp.path(), "--repo", tmp.path(), "--db", tmp.Sub("db")},  // exclusive
  };
  for (const auto& args : cases) {
    std::string line;
    for (const std::string& a : args) line += a + " ";
    CAPTURE(line);
    const RunResult r = RunKb(args);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("--help and --version exit 0 and print on stdout") {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"}, {"serve", "--help"}, {"--version"}}) {
    CAPTURE(args.front());
    const RunResult r = RunKb(args);
    CHECK(r.exit_code == 0);
    CHECK_FALSE(r.out.empty());
  }
  CHECK(RunKb({"serve", "--help"}).out.find("--public-url") != std::string::npos);
  CHECK(RunKb({"--version"}).out.find("0.1.0") != std::string::npos);
}

TEST_CASE("bad input exits 1, an unreadable index 3") {
  kb_e2e::TempDir tmp;
  // A bad --public-url is bad input, found before anything starts.
  CHECK(RunKb({"serve", "--db", tmp.path(), "--public-url", "help.example.com"}).exit_code == 1);
  // No index in DB_DIR: nothing to serve.
  CHECK(RunKb({"serve", "--db", tmp.Sub("no-index"), "--port", "0"}).exit_code == 3);
}

TEST_SUITE_END();
