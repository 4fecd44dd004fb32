// The SQLite EventStore: schema and migrations, every report's numbers over
// a small scripted day with fixed timestamps, votes, retention, CSV.
#include <doctest/doctest.h>

#include <algorithm>

#include "insights/report_days.h"
#include "insights/sqlite_db.h"
#include "insights/sqlite_schema.h"
#include "kb/insights/event_store.h"
#include "kb/insights/report_format.h"
#include "test_support.h"

namespace kb {
namespace {

const std::string kA(40, 'a'), kB(40, 'b'), kC(40, 'c'), kD(40, 'd');
const int64_t kDay1 = *DayStart("2026-03-02", "test");
const int64_t kDay2 = kDay1 + 86400;

Event Search(int64_t time, const std::string& session, const std::string& query, uint64_t results,
             const std::string& category = "account") {
  Event e;
  e.type = EventType::kSearch;
  e.time = time;
  e.session = session;
  e.query = query;
  e.lang = "en";
  e.category = results ? category : "";
  e.results = results;
  return e;
}

Event OnArticle(EventType type, int64_t time, const std::string& session,
                const std::string& article) {
  Event e;
  e.type = type;
  e.time = time;
  e.session = session;
  e.article = article;
  e.lang = "en";
  e.category = article.substr(3, article.find('/', 3) - 3);
  return e;
}

Event Click(int64_t time, const std::string& session, const std::string& query,
            const std::string& article, int64_t rank) {
  Event e = OnArticle(EventType::kClick, time, session, article);
  e.query = query;
  e.rank = rank;
  return e;
}

Event Vote(int64_t time, const std::string& session, const std::string& article, bool helpful,
           const std::string& reason = "") {
  Event e = OnArticle(EventType::kVote, time, session, article);
  e.helpful = helpful;
  e.reason = reason;
  return e;
}

Event Contact(int64_t time, const std::string& session) {
  Event e;
  e.type = EventType::kContact;
  e.time = time;
  e.session = session;
  return e;
}

// Day 1: A finds and clicks "reset password" and votes; B searches it too
// (typed differently), clicks nothing and contacts support; C finds nothing
// for "wobble" and "wobbles" and contacts support. Day 2: D finds and clicks "refund".
std::vector<Event> ScriptedEvents() {
  return {
      Search(kDay1 + 10, kA, "reset password", 3),
      Click(kDay1 + 15, kA, "reset password", "en/account/reset-password", 1),
      OnArticle(EventType::kView, kDay1 + 16, kA, "en/account/reset-password"),
      Vote(kDay1 + 60, kA, "en/account/reset-password", true, "solved"),
      Search(kDay1 + 20, kB, "Reset   PASSWORD", 3),
      Contact(kDay1 + 200, kB),
      Search(kDay1 + 30, kC, "wobble", 0),
      Search(kDay1 + 40, kC, "wobbles", 0),
      Contact(kDay1 + 300, kC),
      Search(kDay2 + 10, kD, "refund", 2, "billing"),
      Click(kDay2 + 20, kD, "refund", "en/billing/refund-policy", 2),
  };
}

std::unique_ptr<EventStore> Open(const test::TempDir& dir) {
  auto store = OpenSqliteEventStore(dir.str());
  REQUIRE(store.ok());
  return std::move(*store);
}

ReportTable Report(EventStore& store, ReportKind kind, ReportRequest request = {}) {
  request.kind = kind;
  auto table = store.Report(request);
  REQUIRE_MESSAGE(table.ok(), table.status().ToString());
  return *table;
}

// A row as text cells, for comparing whole rows at once.
std::vector<std::string> Cells(const std::vector<ReportCell>& row) {
  std::vector<std::string> out;
  for (const ReportCell& cell : row) out.push_back(CellText(cell));
  return out;
}

using Row = std::vector<std::string>;

}  // namespace

TEST_CASE("a new events database is at the current schema version, in WAL mode") {
  test::TempDir dir("kb-insights");
  Open(dir);
  auto db = sqlite::Db::Open(dir.Sub(kSqliteFileName));
  REQUIRE(db.ok());
  auto version = (*db)->Prepare("PRAGMA user_version");
  REQUIRE(version.ok());
  CHECK(Cells(version->Rows()->front()) == Row{std::to_string(SqliteSchemaVersion())});
  auto mode = (*db)->Prepare("PRAGMA journal_mode");
  CHECK(Cells(mode->Rows()->front()) == Row{"wal"});
}

TEST_CASE("opening an older events database migrates it and keeps its events") {
  test::TempDir dir("kb-insights");
  {
    auto db = sqlite::Db::Open(dir.Sub(kSqliteFileName));
    REQUIRE(db.ok());
    REQUIRE(sqlite::Migrate(db->get(), 1).ok());
    REQUIRE(
        (*db)
            ->Exec("INSERT INTO contacts(time, session, channel) VALUES(5, '" + kA + "', 'portal')")
            .ok());
  }
  auto store = Open(dir);
  auto db = sqlite::Db::Open(dir.Sub(kSqliteFileName));
  auto version = (*db)->Prepare("PRAGMA user_version");
  CHECK(Cells(version->Rows()->front()) == Row{"2"});
  auto indexes = (*db)->Prepare(
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
      "name = 'contacts_by_session'");
  CHECK(Cells(indexes->Rows()->front()) == Row{"1"});
  auto kept = (*db)->Prepare("SELECT session FROM contacts");
  CHECK(Cells(kept->Rows()->front()) == Row{kA});
}

TEST_CASE("a database of a newer kb, or not of kb, is refused as Corruption") {
  test::TempDir dir("kb-insights");
  SUBCASE("newer") {
    auto db = sqlite::Db::Open(dir.Sub(kSqliteFileName));
    REQUIRE((*db)->Exec("PRAGMA user_version = 99").ok());
  }
  SUBCASE("foreign") {
    auto db = sqlite::Db::Open(dir.Sub(kSqliteFileName));
    REQUIRE((*db)->Exec("CREATE TABLE recipes(name TEXT)").ok());
  }
  auto store = OpenSqliteEventStore(dir.str());
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == StatusCode::kCorruption);
  CHECK(store.status().message().find(kSqliteFileName) != std::string::npos);
}

TEST_CASE("overview: totals and one row per day over customers' searches") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  std::vector<Event> events = ScriptedEvents();
  Event agent = Search(kDay1 + 50, kD, "escalation", 0);
  agent.agent = true;  // agents' searches are not counted
  events.push_back(agent);
  REQUIRE(store->Record(events).ok());
  const ReportTable t = Report(*store, ReportKind::kOverview);
  CHECK(t.columns == Row{"day", "searches", "sessions", "zero_result_searches", "zero_result_rate",
                         "clicked_searches", "click_through_rate", "contacted_sessions",
                         "self_service_rate"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.total == 2);
  CHECK(Cells(t.rows[0]) ==
        Row{"2026-03-02", "4", "3", "2", "0.5000", "1", "0.2500", "2", "0.3333"});
  CHECK(Cells(t.rows[1]) ==
        Row{"2026-03-03", "1", "1", "0", "0.0000", "1", "1.0000", "0", "1.0000"});
  CHECK(Cells(t.summary) == Row{"5", "4", "2", "0.4000", "2", "0.4000", "2", "0.5000"});

  ReportRequest day2;
  day2.from = "2026-03-03";
  CHECK(Cells(Report(*store, ReportKind::kOverview, day2).summary) ==
        Row{"1", "1", "0", "0.0000", "1", "1.0000", "0", "1.0000"});
}

TEST_CASE("per-query reports group by the normalized query") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  const ReportTable top = Report(*store, ReportKind::kTopQueries);
  REQUIRE(top.rows.size() == 4);
  CHECK(Cells(top.rows[0]) == Row{"reset password", "en", "2", "2", "0", "1", "0.5000"});
  CHECK(Cells(top.rows[1]) == Row{"refund", "en", "1", "1", "0", "1", "1.0000"});
  CHECK(Cells(top.rows[2]) == Row{"wobble", "en", "1", "1", "1", "0", "0.0000"});

  const ReportTable zero = Report(*store, ReportKind::kZeroResults);
  REQUIRE(zero.rows.size() == 2);
  CHECK(Cells(zero.rows[0]) == Row{"wobble", "en", "1", "1", "2026-03-02"});

  const ReportTable no_clicks = Report(*store, ReportKind::kNoClicks);
  REQUIRE(no_clicks.rows.size() == 1);
  CHECK(Cells(no_clicks.rows[0]) == Row{"reset password", "en", "1", "1", "3"});

  ReportRequest billing;
  billing.category = "billing";
  const ReportTable filtered = Report(*store, ReportKind::kTopQueries, billing);
  REQUIRE(filtered.rows.size() == 1);
  CHECK(Cells(filtered.rows[0])[0] == "refund");

  ReportRequest page;
  page.limit = 1;
  page.offset = 1;
  const ReportTable second = Report(*store, ReportKind::kTopQueries, page);
  CHECK(second.total == 4);
  REQUIRE(second.rows.size() == 1);
  CHECK(Cells(second.rows[0])[0] == "refund");
}

TEST_CASE("content gaps group failed searches by their analysed form") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  const ReportTable gaps = Report(*store, ReportKind::kContentGaps);
  // "wobble" and "wobbles" share a stem; B's one unclicked search is not frequent.
  REQUIRE(gaps.rows.size() == 1);
  CHECK(Cells(gaps.rows[0]) == Row{"en", "wobbl", "2", "1", "2", "0", "2", "wobble"});
}

TEST_CASE("articles: views, clicks, votes; a second vote replaces the first") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  // A changes their mind; B votes once.
  REQUIRE(store
              ->Record({Vote(kDay1 + 90, kA, "en/account/reset-password", false, "outdated"),
                        Vote(kDay1 + 95, kB, "en/account/reset-password", true)})
              .ok());
  const ReportTable t = Report(*store, ReportKind::kArticles);
  REQUIRE(t.rows.size() == 2);
  CHECK(Cells(t.rows[0]) == Row{"en/account/reset-password", "en", "account", "1", "1", "2", "1",
                                "1", "0.5000", "outdated:1"});
  CHECK(Cells(t.rows[1]) ==
        Row{"en/billing/refund-policy", "en", "billing", "0", "1", "0", "0", "0", "", ""});
}

TEST_CASE("feedback lists the votes with a text, newest first") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  Event first = Vote(kDay1 + 90, kA, "en/account/reset-password", false, "outdated");
  first.text = "step 3, the menu moved";
  Event later = Vote(kDay2, kB, "en/billing/refund-policy", true);
  later.text = "clear";
  REQUIRE(
      store->Record({first, later, Vote(kDay2 + 5, kC, "en/billing/refund-policy", true)}).ok());
  const ReportTable t = Report(*store, ReportKind::kFeedback);
  CHECK(t.columns == Row{"day", "article", "lang", "category", "helpful", "reason", "text"});
  REQUIRE(t.rows.size() == 2);
  CHECK(Cells(t.rows[0]) ==
        Row{"2026-03-03", "en/billing/refund-policy", "en", "billing", "1", "", "clear"});
  CHECK(Cells(t.rows[1]) == Row{"2026-03-02", "en/account/reset-password", "en", "account", "0",
                                "outdated", "step 3, the menu moved"});
}

TEST_CASE("the clicks report shows what was clicked after searches of the same words") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  ReportRequest request;
  request.query = "passwords resetting";
  const ReportTable t = Report(*store, ReportKind::kQueryClicks, request);
  REQUIRE(t.rows.size() == 1);
  CHECK(Cells(t.rows[0]) == Row{"en/account/reset-password", "en", "account", "1", "1", "1.0000"});
}

TEST_CASE("retention deletes the events older than the cutoff only") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  auto deleted = store->DeleteBefore(kDay2);
  REQUIRE(deleted.ok());
  CHECK(*deleted == 9);  // every day-1 event
  const ReportTable t = Report(*store, ReportKind::kOverview);
  REQUIRE(t.rows.size() == 1);
  CHECK(Cells(t.rows[0])[0] == "2026-03-03");
}

TEST_CASE("bad report requests are InvalidArgument naming the field") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  const struct {
    ReportRequest request;
    const char* names;
  } cases[] = {
      {{ReportKind::kOverview, "", "", "2026-3-1", "", "", 50, 0}, "from"},
      {{ReportKind::kOverview, "", "", "", "2026-02-30x", "", 50, 0}, "to"},
      {{ReportKind::kOverview, "", "", "2026-02-29", "", "", 50, 0}, "from"},
      {{ReportKind::kOverview, "", "", "2026-03-05", "2026-03-01", "", 50, 0}, "from"},
      {{ReportKind::kOverview, "", "", "", "", "", 0, 0}, "limit"},
      {{ReportKind::kQueryClicks, "", "", "", "", " ", 50, 0}, "q"},
  };
  for (const auto& c : cases) {
    auto table = store->Report(c.request);
    REQUIRE_FALSE(table.ok());
    CHECK(table.status().code() == StatusCode::kInvalidArgument);
    CHECK(table.status().message().find(c.names) != std::string::npos);
  }
}

TEST_CASE("popular queries: several sessions, with results, customers only") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  auto two = store->PopularQueries(0, 2, 10);
  REQUIRE(two.ok());
  REQUIRE(two->size() == 1);
  CHECK(two->front().query == "reset password");
  CHECK(two->front().sessions == 2);
  CHECK(store->PopularQueries(0, 3, 10)->empty());
  CHECK(store->PopularQueries(kDay2, 1, 10)->size() == 1);  // refund
}

TEST_CASE("article signals: customers' clicks and votes per article, since a time") {
  test::TempDir dir("kb-insights");
  auto store = Open(dir);
  REQUIRE(store->Record(ScriptedEvents()).ok());
  REQUIRE(store->Record({Vote(kDay1 + 90, kB, "en/account/reset-password", false)}).ok());
  auto signals = store->ArticleSignals(0);
  REQUIRE(signals.ok());
  REQUIRE(signals->size() == 2);
  std::sort(signals->begin(), signals->end(),
            [](const ArticleSignal& a, const ArticleSignal& b) { return a.article < b.article; });
  CHECK(signals->at(0).article == "en/account/reset-password");
  CHECK(signals->at(0).clicks == 1);
  CHECK(signals->at(0).helpful == 1);
  CHECK(signals->at(0).not_helpful == 1);
  CHECK(signals->at(1).clicks == 1);
  CHECK(store->ArticleSignals(kDay2)->size() == 1);
}

TEST_CASE("CSV: a header, quoted fields, the overview's totals last") {
  ReportTable t;
  t.columns = {"day", "query"};
  t.rows = {{std::string("2026-03-02"), std::string("say \"hi\", then")}, {int64_t{3}, 0.5}};
  t.summary = {std::monostate{}};
  CHECK(ReportCsv(t) ==
        "day,query\r\n2026-03-02,\"say \"\"hi\"\", then\"\r\n3,0.5000\r\ntotal,\r\n");
}

}  // namespace kb
