// JSON of the insights routes: the events POST /api/v1/events takes, and
// the reports GET /api/v1/stats/* answer. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kb/insights/event_store.h"

namespace kb::http {

struct EventDefaults {
  int64_t now = 0;          // the time of events without one
  bool trust_time = false;  // an event's `time` field is accepted
};

// One event object, or an array of up to 100 (kMaxEventsPerRequest), each
// checked by ValidateEvent except that its article exists (the caller's
// job; lang and category are left empty). InvalidArgument naming the event
// ("events[2].rank ...") for malformed JSON, an unknown type or field, a
// field of the wrong type, a search event (the server records those);
// TooLarge for more than 100 events.
Result<std::vector<Event>> EventsFromJson(const std::string& body, const EventDefaults& defaults);

// POST /api/v1/events' answer: {"accepted": N, "dropped": M}.
std::string EventsAcceptedJson(size_t accepted, size_t dropped);

// A report page: {report, filters, total, limit, offset, columns, rows
// (objects keyed by column), totals (overview only)}.
std::string ReportJson(const ReportRequest& request, const ReportTable& table);

}  // namespace kb::http
