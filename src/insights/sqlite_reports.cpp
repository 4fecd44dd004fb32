#include "sqlite_reports.h"

namespace kb::sqlite {
namespace {

// Customers' searches in the filters, each with whether a click in the same
// session followed it (same normalized query) and whether its session
// contacted support.
const std::string kSearches = R"sql(
WITH f AS (
  SELECT date(time, 'unixepoch') AS day, session, query, analysed, lang, results,
    EXISTS(SELECT 1 FROM clicks c WHERE c.session = s.session AND c.query = s.query) AS clicked,
    EXISTS(SELECT 1 FROM contacts k WHERE k.session = s.session) AS contacted
  FROM searches s
  WHERE agent = 0 AND (:lang = '' OR lang = :lang) AND (:category = '' OR category = :category)
    AND time >= :from AND time < :to)
)sql";

const std::string kPage = " LIMIT :limit OFFSET :offset";

// The overview's numbers over a group of f's rows.
const std::string kOverviewColumns = R"sql(
  COUNT(*) AS searches,
  COUNT(DISTINCT session) AS sessions,
  SUM(results = 0) AS zero_result_searches,
  round(1.0 * SUM(results = 0) / COUNT(*), 4) AS zero_result_rate,
  SUM(clicked) AS clicked_searches,
  round(1.0 * SUM(clicked) / COUNT(*), 4) AS click_through_rate,
  COUNT(DISTINCT CASE WHEN contacted THEN session END) AS contacted_sessions,
  round(1.0 - 1.0 * COUNT(DISTINCT CASE WHEN contacted THEN session END)
    / COUNT(DISTINCT session), 4) AS self_service_rate
)sql";

const std::vector<std::string> kOverviewNames = {
    "searches",         "sessions",           "zero_result_searches", "zero_result_rate",
    "clicked_searches", "click_through_rate", "contacted_sessions",   "self_service_rate"};

ReportSql Overview() {
  ReportSql sql;
  sql.columns = {"day"};
  sql.columns.insert(sql.columns.end(), kOverviewNames.begin(), kOverviewNames.end());
  sql.rows =
      kSearches + "SELECT day," + kOverviewColumns + " FROM f GROUP BY day ORDER BY day" + kPage;
  sql.count = kSearches + "SELECT COUNT(DISTINCT day) FROM f";
  sql.summary_columns = kOverviewNames;
  // With no search at all the aggregate row is all nulls but the counts.
  sql.summary = kSearches + "SELECT" + kOverviewColumns + " FROM f";
  return sql;
}

// A per-query report over the searches `where` selects.
ReportSql PerQuery(const std::string& where, const std::string& columns,
                   std::vector<std::string> names) {
  ReportSql sql;
  sql.columns = {"query", "lang"};
  sql.columns.insert(sql.columns.end(), names.begin(), names.end());
  const std::string grouped = " FROM f WHERE " + where + " GROUP BY query, lang";
  sql.rows = kSearches + "SELECT query, lang, " + columns + grouped +
             " ORDER BY searches DESC, query, lang" + kPage;
  sql.count = kSearches + "SELECT COUNT(*) FROM (SELECT 1" + grouped + ")";
  return sql;
}

ReportSql ContentGaps() {
  ReportSql sql;
  sql.columns = {"lang",         "analysed",  "searches", "sessions",
                 "zero_results", "no_clicks", "variants", "example"};
  const std::string failed = " FROM f WHERE results = 0 OR NOT clicked";
  // "Frequent": typed at least twice.
  const std::string grouped = failed + " GROUP BY lang, analysed HAVING COUNT(*) >= 2";
  sql.rows = kSearches +
             "SELECT lang, analysed, COUNT(*) AS searches, COUNT(DISTINCT session) AS sessions,"
             " SUM(results = 0) AS zero_results, SUM(results > 0) AS no_clicks,"
             " COUNT(DISTINCT query) AS variants,"
             " (SELECT query FROM f AS e WHERE (e.results = 0 OR NOT e.clicked)"
             "   AND e.lang = g.lang AND e.analysed = g.analysed"
             "   GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT 1) AS example"
             " FROM f AS g WHERE results = 0 OR NOT clicked GROUP BY lang, analysed"
             " HAVING COUNT(*) >= 2 ORDER BY searches DESC, lang, analysed" +
             kPage;
  sql.count = kSearches + "SELECT COUNT(*) FROM (SELECT 1" + grouped + ")";
  return sql;
}

// Views, clicks and votes in the filters (the article's language and category).
const std::string kArticleEvents = R"sql(
WITH v AS (SELECT article, lang, category FROM views
    WHERE (:lang = '' OR lang = :lang) AND (:category = '' OR category = :category)
      AND time >= :from AND time < :to),
  c AS (SELECT article, lang, category FROM clicks
    WHERE (:lang = '' OR lang = :lang) AND (:category = '' OR category = :category)
      AND time >= :from AND time < :to),
  o AS (SELECT article, lang, category, helpful, reason FROM votes
    WHERE (:lang = '' OR lang = :lang) AND (:category = '' OR category = :category)
      AND time >= :from AND time < :to),
  a AS (SELECT article, MAX(lang) AS lang, MAX(category) AS category FROM
    (SELECT * FROM v UNION ALL SELECT * FROM c UNION ALL SELECT article, lang, category FROM o)
    GROUP BY article),
  n AS (SELECT a.article, a.lang, a.category,
    (SELECT COUNT(*) FROM v WHERE v.article = a.article) AS views,
    (SELECT COUNT(*) FROM c WHERE c.article = a.article) AS clicks,
    (SELECT COUNT(*) FROM o WHERE o.article = a.article) AS votes,
    (SELECT COUNT(*) FROM o WHERE o.article = a.article AND helpful) AS helpful
    FROM a)
)sql";

ReportSql Articles() {
  ReportSql sql;
  sql.columns = {"article", "lang",    "category",    "views",       "clicks",
                 "votes",   "helpful", "not_helpful", "helpfulness", "reasons"};
  sql.rows = kArticleEvents +
             "SELECT article, lang, category, views, clicks, votes, helpful,"
             " votes - helpful AS not_helpful,"
             " CASE WHEN votes > 0 THEN round(1.0 * helpful / votes, 4) END AS helpfulness,"
             " (SELECT group_concat(reason || ':' || k, ' ') FROM (SELECT reason, COUNT(*) AS k"
             "   FROM o WHERE o.article = n.article AND reason != '' GROUP BY reason"
             "   ORDER BY k DESC, reason)) AS reasons"
             " FROM n ORDER BY views DESC, clicks DESC, article" +
             kPage;
  sql.count = kArticleEvents + "SELECT COUNT(*) FROM n";
  return sql;
}

ReportSql QueryClicks() {
  ReportSql sql;
  sql.columns = {"article", "lang", "category", "clicks", "sessions", "mean_rank"};
  const std::string matching =
      " FROM clicks WHERE analysed = :analysed AND (:lang = '' OR lang = :lang)"
      " AND (:category = '' OR category = :category) AND time >= :from AND time < :to"
      " GROUP BY article";
  sql.rows =
      "SELECT article, MAX(lang) AS lang, MAX(category) AS category, COUNT(*) AS clicks,"
      " COUNT(DISTINCT session) AS sessions, round(AVG(rank), 2) AS mean_rank" +
      matching + " ORDER BY clicks DESC, article" + kPage;
  sql.count = "SELECT COUNT(*) FROM (SELECT 1" + matching + ")";
  return sql;
}

ReportSql Feedback() {
  ReportSql sql;
  sql.columns = {"day", "article", "lang", "category", "helpful", "reason", "text"};
  const std::string matching =
      " FROM votes WHERE text != '' AND (:lang = '' OR lang = :lang)"
      " AND (:category = '' OR category = :category) AND time >= :from AND time < :to";
  sql.rows =
      "SELECT date(time, 'unixepoch') AS day, article, lang, category, helpful, reason, text" +
      matching + " ORDER BY time DESC, article" + kPage;
  sql.count = "SELECT COUNT(*)" + matching;
  return sql;
}

}  // namespace

ReportSql SqlFor(ReportKind kind) {
  switch (kind) {
    case ReportKind::kOverview:
      return Overview();
    case ReportKind::kTopQueries:
      return PerQuery(
          "1",
          "COUNT(*) AS searches, COUNT(DISTINCT session) AS sessions,"
          " SUM(results = 0) AS zero_results, SUM(clicked) AS clicked_searches,"
          " round(1.0 * SUM(clicked) / COUNT(*), 4) AS click_through_rate",
          {"searches", "sessions", "zero_results", "clicked_searches", "click_through_rate"});
    case ReportKind::kZeroResults:
      return PerQuery("results = 0",
                      "COUNT(*) AS searches, COUNT(DISTINCT session) AS sessions,"
                      " MAX(day) AS last_day",
                      {"searches", "sessions", "last_day"});
    case ReportKind::kNoClicks:
      return PerQuery("results > 0 AND NOT clicked",
                      "COUNT(*) AS searches, COUNT(DISTINCT session) AS sessions,"
                      " MAX(results) AS results",
                      {"searches", "sessions", "results"});
    case ReportKind::kArticles:
      return Articles();
    case ReportKind::kContentGaps:
      return ContentGaps();
    case ReportKind::kQueryClicks:
      return QueryClicks();
    case ReportKind::kFeedback:
      return Feedback();
  }
  return Overview();
}

}  // namespace kb::sqlite
