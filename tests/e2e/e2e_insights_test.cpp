// End-to-end: insights over the real `kb serve`. A scripted day of
// customers' searches, clicks, views, votes and contacts with fixed
// timestamps (kb serve --trust-event-time), then every report's numbers,
// exactly, in JSON and CSV, over HTTP and from `kb stats`; agents only;
// a restart keeps the data; kill -9 never corrupts the file; bad events
// get their 4xx; popular queries reach autocomplete.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "e2e_env.h"

using kb_e2e::CheckError;
using kb_e2e::Env;
using kb_e2e::Eventually;
using kb_e2e::HttpReply;
using kb_e2e::Params;
using kb_e2e::RunKb;
using kb_e2e::RunResult;
using nlohmann::json;

namespace {

constexpr int64_t kDay1 = 1772409600;  // 2026-03-02T00:00:00Z
constexpr int64_t kDay2 = kDay1 + 86400;

const std::string kReset = "en/account/reset-password";
const std::string kRefund = "en/billing/refund-policy";

const std::vector<std::string> kInsightsFlags = {"--trust-event-time", "--retention-days", "0",
                                                 "--insights-refresh-seconds", "0"};

using Table = std::vector<std::vector<std::string>>;  // the header row, then the rows

HttpReply Post(const Env& env, const std::string& body, const std::string& bearer = "") {
  httplib::Headers headers;
  if (!bearer.empty()) headers.emplace("Authorization", "Bearer " + bearer);
  auto client = const_cast<Env&>(env).server().Client();
  return kb_e2e::ToHttpReply(client->Post("/api/v1/events", headers, body, "application/json"));
}

void PostOk(const Env& env, const json& events, const std::string& bearer = "") {
  const HttpReply reply = Post(env, events.dump(), bearer);
  INFO(events.dump(), " -> ", reply.Describe());
  REQUIRE(reply.status == 200);
  const size_t n = events.is_array() ? events.size() : 1;
  CHECK(reply.json == json{{"accepted", n}, {"dropped", 0}});
}

// A customer's search at `time`, in `session` ("" for a new one); returns the response.
json SearchAt(const Env& env, const std::string& q, int64_t time, const std::string& session,
              const std::string& bearer = "") {
  Params params = {{"q", q}, {"lang", "en"}, {"time", std::to_string(time)}};
  if (!session.empty()) params.push_back({"session", session});
  const json response = env.Search(params, bearer);
  REQUIRE(response.contains("session"));
  if (!session.empty()) CHECK(response["session"] == session);
  return response;
}

json Click(const std::string& session, const std::string& query, const std::string& article,
           int rank, int64_t time) {
  return {{"type", "click"},    {"session", session}, {"query", query},
          {"article", article}, {"rank", rank},       {"time", time}};
}

json Vote(const std::string& session, const std::string& article, bool helpful,
          const std::string& reason, int64_t time) {
  return {{"type", "vote"},     {"session", session}, {"article", article},
          {"helpful", helpful}, {"reason", reason},   {"time", time}};
}

struct Day {
  uint64_t reset_results = 0;  // what "reset password" found
  uint64_t recorded = 0;       // events the server should have recorded
};

// The scripted day (see the test's comment); returns what the checks need.
Day RunScriptedDay(const Env& env) {
  Day day;
  // S1 finds "reset password", clicks the first hit, reads it, finds it helpful.
  const json s1_search = SearchAt(env, "reset password", kDay1 + 100, "");
  const std::string s1 = s1_search["session"];
  day.reset_results = s1_search["total"];
  REQUIRE(day.reset_results > 0);
  PostOk(env, json::array(
                  {Click(s1, "reset password", kReset, 1, kDay1 + 110),
                   {{"type", "view"}, {"session", s1}, {"article", kReset}, {"time", kDay1 + 111}},
                   Vote(s1, kReset, true, "solved", kDay1 + 150)}));
  // S2 types it differently, clicks nothing, votes twice (the second counts),
  // and a ticketing system (an agent) reports the ticket S2 opened.
  const std::string s2 = SearchAt(env, "Reset  PASSWORD", kDay1 + 200, "")["session"];
  PostOk(env, Vote(s2, kReset, false, "outdated", kDay1 + 210));
  json second = Vote(s2, kReset, false, "unclear", kDay1 + 220);
  second["text"] = "Which menu is Settings?";
  PostOk(env, second);
  PostOk(env, {{"type", "contact"}, {"session", s2}, {"channel", "ticket"}, {"time", kDay1 + 300}},
         env.token());
  // S3 finds nothing twice and contacts support from the portal.
  const json s3_search = SearchAt(env, "wobble", kDay1 + 400, "");
  REQUIRE(s3_search["total"] == 0);
  const std::string s3 = s3_search["session"];
  REQUIRE(SearchAt(env, "wobbles", kDay1 + 410, s3)["total"] == 0);
  PostOk(env, {{"type", "contact"}, {"session", s3}, {"time", kDay1 + 500}});
  // An agent's search is recorded but not counted.
  SearchAt(env, "escalation", kDay1 + 600, "", env.token());
  // Day 2: S4 finds "refund", looks at the second page (not a new search), clicks.
  const std::string s4 = SearchAt(env, "refund", kDay2 + 100, "")["session"];
  env.Search({{"q", "refund"},
              {"lang", "en"},
              {"offset", "1"},
              {"session", s4},
              {"time", std::to_string(kDay2 + 105)}});
  PostOk(env, Click(s4, "refund", kRefund, 2, kDay2 + 120));
  day.recorded = 6 /* searches */ + 3 + 3 + 1 + 1 /* S1..S4's events */;
  return day;
}

std::string CellText(const json& cell) {
  if (cell.is_null()) return "";
  if (cell.is_string()) return cell.get<std::string>();
  if (cell.is_number_integer()) return std::to_string(cell.get<int64_t>());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", cell.get<double>());
  return buf;
}

// The JSON report as a table of texts: columns, then each row's cells in order.
Table JsonTable(const json& report) {
  Table table = {report.at("columns").get<std::vector<std::string>>()};
  for (const json& row : report.at("rows")) {
    std::vector<std::string> cells;
    for (const std::string& column : table.front()) cells.push_back(CellText(row.at(column)));
    table.push_back(cells);
  }
  return table;
}

std::string Csv(const Table& table) {
  std::string out;
  for (const auto& row : table) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + row[i];
    out += "\r\n";
  }
  return out;
}

std::string ReportPath(const std::string& report, Params params = {}) {
  return kb_e2e::WithParams("/api/v1/stats/" + report, params);
}

// The report in JSON equals `expected`, and so does its CSV (`csv_extra`:
// rows only the CSV has, the overview's totals).
void CheckReport(const Env& env, const std::string& report, const Params& params,
                 const Table& expected, const Table& csv_extra = {}) {
  INFO("report ", report);
  const json body = env.GetJson(ReportPath(report, params), env.token());
  CHECK(body["report"] == report);
  CHECK(JsonTable(body) == expected);
  CHECK(body["total"] == expected.size() - 1);
  Params csv_params = params;
  csv_params.push_back({"format", "csv"});
  const HttpReply csv = env.AsAgent(ReportPath(report, csv_params));
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type.find("text/csv") == 0);
  Table csv_table = expected;
  csv_table.insert(csv_table.end(), csv_extra.begin(), csv_extra.end());
  CHECK(csv.body == Csv(csv_table));
}

void CheckEveryReport(const Env& env, const Day& day) {
  const std::vector<std::string> overview_columns = {"day",
                                                     "searches",
                                                     "sessions",
                                                     "zero_result_searches",
                                                     "zero_result_rate",
                                                     "clicked_searches",
                                                     "click_through_rate",
                                                     "contacted_sessions",
                                                     "self_service_rate"};
  CheckReport(env, "overview", {},
              {overview_columns,
               {"2026-03-02", "4", "3", "2", "0.5000", "1", "0.2500", "2", "0.3333"},
               {"2026-03-03", "1", "1", "0", "0.0000", "1", "1.0000", "0", "1.0000"}},
              {{"total", "5", "4", "2", "0.4000", "2", "0.4000", "2", "0.5000"}});
  const json overview = env.GetJson(ReportPath("overview"), env.token());
  CHECK(overview["totals"]["self_service_rate"] == 0.5);
  CHECK(overview["totals"]["searches"] == 5);

  CheckReport(env, "top-queries", {},
              {{"query", "lang", "searches", "sessions", "zero_results", "clicked_searches",
                "click_through_rate"},
               {"reset password", "en", "2", "2", "0", "1", "0.5000"},
               {"refund", "en", "1", "1", "0", "1", "1.0000"},
               {"wobble", "en", "1", "1", "1", "0", "0.0000"},
               {"wobbles", "en", "1", "1", "1", "0", "0.0000"}});
  CheckReport(env, "top-queries", {{"category", "billing"}},
              {{"query", "lang", "searches", "sessions", "zero_results", "clicked_searches",
                "click_through_rate"},
               {"refund", "en", "1", "1", "0", "1", "1.0000"}});
  CheckReport(env, "zero-results", {{"from", "2026-03-02"}, {"to", "2026-03-02"}},
              {{"query", "lang", "searches", "sessions", "last_day"},
               {"wobble", "en", "1", "1", "2026-03-02"},
               {"wobbles", "en", "1", "1", "2026-03-02"}});
  CheckReport(env, "zero-results", {{"from", "2026-03-03"}},
              {{"query", "lang", "searches", "sessions", "last_day"}});
  CheckReport(env, "no-clicks", {{"lang", "en-US"}},
              {{"query", "lang", "searches", "sessions", "results"},
               {"reset password", "en", "1", "1", std::to_string(day.reset_results)}});
  CheckReport(env, "articles", {},
              {{"article", "lang", "category", "views", "clicks", "votes", "helpful", "not_helpful",
                "helpfulness", "reasons"},
               {kReset, "en", "account", "1", "1", "2", "1", "1", "0.5000", "solved:1 unclear:1"},
               {kRefund, "en", "billing", "0", "1", "0", "0", "0", "", ""}});
  CheckReport(env, "content-gaps", {},
              {{"lang", "analysed", "searches", "sessions", "zero_results", "no_clicks", "variants",
                "example"},
               {"en", "wobbl", "2", "1", "2", "0", "2", "wobble"}});
  CheckReport(env, "clicks", {{"q", "resetting passwords"}},
              {{"article", "lang", "category", "clicks", "sessions", "mean_rank"},
               {kReset, "en", "account", "1", "1", "1.0000"}});
  CheckReport(env, "feedback", {},
              {{"day", "article", "lang", "category", "helpful", "reason", "text"},
               {"2026-03-02", kReset, "en", "account", "0", "unclear", "Which menu is Settings?"}});
  // Pages.
  const json page =
      env.GetJson(ReportPath("top-queries", {{"limit", "1"}, {"offset", "1"}}), env.token());
  CHECK(page["total"] == 4);
  REQUIRE(page["rows"].size() == 1);
  CHECK(page["rows"][0]["query"] == "refund");
}

uint64_t Recorded(const Env& env) {
  return env.GetJson("/healthz").at("events").at("recorded").get<uint64_t>();
}

std::string IntegrityCheck(const std::string& file) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
    result = sqlite3_step(stmt) == SQLITE_ROW
                 ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))
                 : sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return result;
}

}  // namespace

TEST_SUITE_BEGIN("insights");

TEST_CASE("a scripted day: every report's numbers in JSON and CSV, and after a restart") {
  Env env;
  env.StartServer(kInsightsFlags);
  const Day day = RunScriptedDay(env);
  REQUIRE(Eventually([&] { return Recorded(env) == day.recorded; }));
  CheckEveryReport(env, day);

  SUBCASE("kb stats prints the same tables from the file, while the server runs") {
    const RunResult csv =
        RunKb({"stats", "top-queries", "--db", env.db(), "--format", "csv", "--limit", "1"});
    INFO(csv.Describe());
    CHECK(csv.exit_code == 0);
    CHECK(csv.out ==
          "query,lang,searches,sessions,zero_results,clicked_searches,click_through_rate\r\n"
          "reset password,en,2,2,0,1,0.5000\r\n");
    const RunResult text =
        RunKb({"stats", "overview", "--data", env.tmp().path(), "--from", "2026-03-03"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("2026-03-03  1") != std::string::npos);
    CHECK(text.out.find("1 of 1 rows") != std::string::npos);
    const RunResult bad = RunKb({"stats", "top-searches", "--db", env.db()});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("unknown report 'top-searches'") != std::string::npos);
  }
  SUBCASE("a restart keeps every event") {
    env.StopServer();
    env.StartServer(kInsightsFlags);
    CheckEveryReport(env, day);
  }
}

TEST_CASE("customers get 401 on every report, agents with a bad token too") {
  Env env;
  env.StartServer();
  for (const char* report : {"overview", "top-queries", "zero-results", "no-clicks", "articles",
                             "content-gaps", "clicks?q=refund", "feedback"}) {
    const std::string path = std::string("/api/v1/stats/") + report;
    CheckError(env.Get(path), 401, "unauthorized");
    CheckError(env.Get(path + (std::string(report).find('?') != std::string::npos ? "&" : "?") +
                       "format=csv"),
               401, "unauthorized");
    CheckError(env.Get(path, "kbt_not-a-token"), 401, "unauthorized");
  }
  CheckError(env.AsAgent("/api/v1/stats/overview?from=2026-13-01"), 400, "bad_request");
  CheckError(env.AsAgent("/api/v1/stats/overview?format=xml"), 400, "bad_request");
  CheckError(env.AsAgent("/api/v1/stats/clicks"), 400, "bad_request");
}

TEST_CASE("bad events get a 4xx with a clear message and record nothing") {
  Env env;
  env.StartServer();
  const std::string session = env.Search({{"q", "refund"}})["session"];
  const json click = {{"type", "click"},
                      {"session", session},
                      {"query", "refund"},
                      {"article", kRefund},
                      {"rank", 1}};
  auto with = [&](const std::string& key, const json& value) {
    json e = click;
    e[key] = value;
    return e.dump();
  };
  const struct {
    std::string body;
    int status;
    std::string message;
  } cases[] = {
      {"{not json", 400, "not JSON"},
      {"42", 400, "event object or an array"},
      {"[]", 400, "empty"},
      {with("type", "purchase"), 400, "unknown event type 'purchase'"},
      {with("type", "search"), 400, "recorded by the server itself"},
      {with("article", "en/billing/no-such-article"), 400,
       "no article 'en/billing/no-such-article'"},
      {with("article", "en/support-ops/escalation-runbook"), 400, "no article"},  // internal
      {with("rank", 0), 400, "rank must be from 1 to 1000"},
      {with("rank", "1"), 400, "rank must be an integer"},
      {with("session", "1234"), 400, "session must be"},
      {with("colour", "red"), 400, "unknown field 'colour'"},
      {with("time", kDay1), 400, "--trust-event-time"},
      {json{{"type", "vote"}, {"session", session}, {"article", kRefund}}.dump(), 400, "helpful"},
      {json{{"type", "vote"},
            {"session", session},
            {"article", kRefund},
            {"helpful", false},
            {"reason", "boring"}}
           .dump(),
       400, "reason must be one of"},
      {json{{"type", "contact"}}.dump(), 400, "session is required"},
      {"[" + click.dump() + "," + with("rank", 5000) + "]", 400, "events[1].rank"},
      {json(std::vector<json>(101, click)).dump(), 413, "at most 100 events"},
      {"[" + click.dump() + "," + std::string(300 * 1024, ' ') + "]", 413, "KiB"},
  };
  for (const auto& c : cases) {
    const HttpReply reply = Post(env, c.body);
    INFO(c.body.substr(0, 200));
    CheckError(reply, c.status, c.status == 413 ? "too_large" : "bad_request");
    CHECK(reply.json["error"].value("message", "").find(c.message) != std::string::npos);
  }
  CheckError(env.Get(kb_e2e::SearchPath({{"q", "refund"}, {"time", "1772409600"}})), 400,
             "bad_request");
  // The agent sees the internal article, so its click on it is fine.
  PostOk(env, json::parse(with("article", "en/support-ops/escalation-runbook")), env.token());
  REQUIRE(Eventually([&] { return Recorded(env) == 2; }));  // the search and the agent's click
}

TEST_CASE("kill -9 loses at most the batch being written and never corrupts the file") {
  Env env;
  env.StartServer();
  const std::string session = env.Search({{"q", "refund"}})["session"];
  const json view = {{"type", "view"}, {"session", session}, {"article", kRefund}};
  const json batch = json(std::vector<json>(100, view));
  for (int i = 0; i < 30; ++i) PostOk(env, batch);
  const uint64_t before = Recorded(env);
  CHECK(env.server().Stop(SIGKILL) == 128 + SIGKILL);
  CHECK(IntegrityCheck(env.tmp().Sub("insights.sqlite")) == "ok");
  env.StartServer();
  const json articles = env.GetJson("/api/v1/stats/articles", env.token());
  REQUIRE(articles["rows"].size() == 1);
  const uint64_t views = articles["rows"][0]["views"];
  CHECK(views + 1 >= before);  // the search is the one event that is not a view
  CHECK(views <= 3000);
}

TEST_CASE("search answers a session, kept when passed back; popular queries reach autocomplete") {
  Env env;
  env.StartServer({"--insights-refresh-seconds", "0"});
  const json first = env.Search({{"q", "reset password"}});
  const std::string session = first["session"];
  CHECK(session.size() == 40);
  CHECK(env.Search({{"q", "refund"}, {"session", session}})["session"] == session);
  CHECK(env.Search({{"q", "refund"}, {"session", "forged"}})["session"] != session);
  // Three customers' sessions make a query popular; a suggestion then offers it.
  env.Search({{"q", "Reset password"}});
  env.Search({{"q", "reset  password"}});
  CHECK(Eventually([&] {
    const json suggest = env.GetJson("/api/v1/suggest?q=rese");
    return suggest["queries"] == json::array({"reset password"});
  }));
  CHECK(env.GetJson("/api/v1/suggest?q=refu")["queries"] == json::array());  // one session only
}

TEST_CASE("kb serve refuses to start when the events database cannot be opened") {
  Env env;
  const std::string not_a_folder = env.tmp().Sub("file");
  kb_e2e::WriteTextFile(not_a_folder, "x");
  const RunResult r = RunKb({"serve", "--db", env.db(), "--port", "0", "--data", not_a_folder},
                            std::chrono::seconds(20));
  INFO(r.Describe());
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot create " + not_a_folder) != std::string::npos);
}

TEST_CASE("helpful votes lift a hit over a close one, never over a clearly better one") {
  Env env;
  // Without feedback's reordering the two billing articles tie exactly.
  env.StartServer({"--insights-refresh-seconds", "0", "--features=-feedback"});
  const Params invoice = {{"q", "invoice"}, {"lang", "en"}};
  const std::vector<std::string> before = kb_e2e::HitIds(env.Search(invoice));
  REQUIRE(before.size() == 3);
  // billing-address and billing-currency tie; invoices is far ahead.
  REQUIRE(before[0] == "en/billing/invoices");
  const std::string lifted = before[2];
  for (int i = 0; i < 3; ++i) {
    const std::string session = env.Search({{"q", "invoice"}})["session"];
    PostOk(env, {{"type", "vote"}, {"session", session}, {"article", lifted}, {"helpful", true}});
  }
  CHECK(Eventually([&] {
    return kb_e2e::HitIds(env.Search(invoice)) ==
           std::vector<std::string>{before[0], lifted, before[1]};
  }));
}
