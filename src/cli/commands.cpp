#include "commands.h"

#include <unistd.h>

#include <cstdio>

#include "kb/analysis/analysis.h"
#include "kb/auth/agent_tokens.h"
#include "kb/core/utf8.h"
#include "kb/http/server.h"
#include "kb/index/publish.h"
#include "kb/sources/article_sources.h"

namespace kb::cli {
namespace {

int Fail(const Status& status) {
  std::fprintf(stderr, "kb: %s\n", status.ToString().c_str());
  return status.code() == StatusCode::kInvalidArgument ? kExitBadInput : kExitFailure;
}

}  // namespace

int RunIndex(const IndexArgs& args) {
  auto source = NewFolderSource(args.articles_dir);
  return PublishAndReport(*source, args);
}

int PublishAndReport(ArticleSource& source, const IndexArgs& args) {
  PublishOptions options;
  options.db_dir = args.db_dir;
  options.force_rebuild = args.force_rebuild;
  options.allow_mass_delete = args.allow_mass_delete;
  const bool tty = !args.quiet && isatty(STDERR_FILENO);
  if (tty) {
    options.progress = [](std::string_view phase, size_t done, size_t total) {
      std::fprintf(stderr, "\rkb: %.*s %zu/%zu articles", static_cast<int>(phase.size()),
                   phase.data(), done, total);
      if (done == total) std::fputc('\n', stderr);
    };
  }
  auto report = Publish(source, options);
  if (!report.ok()) return Fail(report.status());
  if (!report->errors.empty()) {
    for (const ArticleError& e : report->errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    std::fprintf(stderr, "kb: %zu error(s); nothing was published, the live index is unchanged\n",
                 report->errors.size());
    return kExitBadInput;
  }
  if (!args.quiet) {
    std::fprintf(stderr,
                 "kb: %s: %zu added, %zu updated, %zu deleted, %zu unchanged; generation %s, "
                 "sequence %llu%s\n",
                 report->committed ? "published" : "nothing to publish", report->added,
                 report->updated, report->deleted, report->unchanged, report->generation.c_str(),
                 static_cast<unsigned long long>(report->sequence),
                 report->rebuilt ? " (full rebuild)" : "");
  }
  return kExitOk;
}

int RunAnalyze(const AnalyzeArgs& args) {
  if (!IsValidUtf8(args.text)) return Fail(Status::InvalidArgument("TEXT is not valid UTF-8"));
  const std::string lang = args.lang.empty() ? DetectLanguage(args.text) : args.lang;
  std::printf("lang: %s\n", lang.empty() ? "(none)" : lang.c_str());
  auto analyzer = NewAnalyzer();
  for (const Token& t : analyzer->AnalyzeQuery(args.text, lang)) {
    std::printf("%u\t%s\t", t.position, t.term.c_str());
    for (const std::string& s : t.stems) std::printf("Z%s ", s.c_str());
    for (const std::string& e : t.extra_terms) std::printf("+%s ", e.c_str());
    std::printf("%s[%zu,%zu) %.*s\n", t.stopword ? "(stopword) " : "", t.begin, t.end,
                static_cast<int>(t.end - t.begin), args.text.c_str() + t.begin);
  }
  return kExitOk;
}

int RunTokenNew(const TokenArgs& args) {
  auto token = CreateAgentToken(args.name, args.file);
  if (!token.ok()) return Fail(token.status());
  std::printf("%s\n", token->c_str());
  return kExitOk;
}

int RunOpenApi() {
  std::printf("%s\n", http::OpenApiJson().c_str());
  return kExitOk;
}

}  // namespace kb::cli
