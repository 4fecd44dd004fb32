// The insights handlers (docs/api.md, "Insights"): POST /api/v1/events and
// the agents' reports under /api/v1/stats, and what search and suggest add
// (recording a search with its session, popular queries). Thin: parse,
// call the insights library, encode. Thread-safe as routes.h's handlers.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "call.h"
#include "kb/index/search.h"
#include "kb/insights/event.h"
#include "kb/insights/event_store.h"

namespace kb::http {

void PostEvents(const HandlerContext& context, const Call& call, httplib::Response& res);
void GetStatsReport(const HandlerContext& context, ReportKind kind, const Call& call,
                    httplib::Response& res);

// The search's session id (kept or rotated, kb/insights/session.h) after
// queuing its search event; "" when nothing is recorded. InvalidArgument for
// a `time` parameter the server does not trust.
Result<std::string> RecordSearch(const HandlerContext& context, const Call& call,
                                 const SearchRequest& request, const SearchResponse& response);
// The portal's pages (no Call): the session id `passed` (the kb_session
// cookie) kept or rotated; "" when nothing is recorded.
std::string PageSession(const HandlerContext& context, const std::string& passed);
// Queues the search event of `request` (not for a next page); `time` 0 is now.
void SubmitSearch(const HandlerContext& context, const std::string& session, int64_t time,
                  bool agent, const SearchRequest& request, const SearchResponse& response);
// Queues a portal event (a no-JavaScript vote, a contact) after filling its
// article's language and category; InvalidArgument for an article the
// caller cannot see or a field out of range. OK without a recorder.
Status SubmitPageEvent(const HandlerContext& context, bool agent, Event event);
// Reorders the response's close hits by customers' clicks and votes
// (kb/insights/nudge.h); unchanged when nothing is recorded or no hit has
// an event.
void NudgeHits(const HandlerContext& context, SearchResponse* response);
// Queries customers often searched that start with the typed prefix (none
// when nothing is recorded).
std::vector<std::string> PopularQueries(const HandlerContext& context,
                                        const SuggestRequest& request);

}  // namespace kb::http
