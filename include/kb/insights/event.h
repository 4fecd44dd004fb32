// kb::Event: one thing a customer did that the insights reports count — a
// search, a click on a hit, an article view, a helpful/not-helpful vote, or
// "contacted support" — as a plain value. No raw IP address or user agent
// exists here: a session is an anonymous random id (kb/insights/session.h).
//
// ValidateEvent checks the ranges every event must respect before it is
// queued; it is a pure function, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/core/status.h"

namespace kb {

enum class EventType { kSearch, kClick, kView, kVote, kContact };

// "search", "click", "view", "vote", "contact".
const char* EventTypeName(EventType type);
// The type named `name`; InvalidArgument naming the known types otherwise.
Result<EventType> ParseEventType(std::string_view name);

// Limits of an event's fields (docs/api.md, POST /api/v1/events).
inline constexpr size_t kMaxEventQueryBytes = 1024;
inline constexpr size_t kMaxVoteTextBytes = 2000;
inline constexpr int64_t kMaxEventRank = 1000;

// The fixed reasons a vote may give, and the channels a contact may come from.
const std::vector<std::string>& VoteReasons();
const std::vector<std::string>& ContactChannels();

struct Event {
  EventType type = EventType::kSearch;
  int64_t time = 0;     // seconds since the epoch, UTC
  std::string session;  // anonymous session id; "" only for a view without one
  // search and click: the query as typed (the store normalizes it).
  std::string query;
  // search: the language searched; click, view, vote: the article's.
  std::string lang;
  // search: the best hit's category ("" with no hit); click, view, vote: the article's.
  std::string category;
  std::string article;  // click, view, vote: the article id
  int64_t rank = 0;     // click: the hit's 1-based position
  // search only
  uint64_t results = 0;  // matching articles
  bool fallback = false;
  bool corrected = false;
  double latency_ms = 0;
  bool agent = false;  // an agent searched (reports count customers' searches only)
  // vote only
  bool helpful = false;
  std::string reason;  // "" or one of VoteReasons()
  std::string text;    // optional free text
  // contact only: one of ContactChannels()
  std::string channel = "portal";
};

// OK, or InvalidArgument naming the field (prefixed with `where`, e.g.
// "events[2]"): a session where one is required and malformed ids, an empty
// or over-long query, a rank outside 1..1000, an unknown reason or channel,
// text over 2000 bytes, invalid UTF-8, a time outside 1..2^32.
Status ValidateEvent(const Event& event, const std::string& where);

}  // namespace kb
