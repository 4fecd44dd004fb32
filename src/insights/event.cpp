#include "kb/insights/event.h"

#include <algorithm>

#include "kb/core/utf8.h"
#include "kb/insights/session.h"

namespace kb {
namespace {

constexpr struct {
  EventType type;
  const char* name;
} kTypes[] = {{EventType::kSearch, "search"},
              {EventType::kClick, "click"},
              {EventType::kView, "view"},
              {EventType::kVote, "vote"},
              {EventType::kContact, "contact"}};

bool OneOf(const std::string& value, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool NeedsSession(EventType type) { return type != EventType::kView; }
bool HasArticle(EventType type) {
  return type == EventType::kClick || type == EventType::kView || type == EventType::kVote;
}

Status CheckText(const std::string& value, const std::string& name, size_t max_bytes) {
  if (!IsValidUtf8(value)) return Status::InvalidArgument(name + " is not valid UTF-8");
  if (value.size() > max_bytes)
    return Status::InvalidArgument(name + " is longer than " + std::to_string(max_bytes) +
                                   " bytes");
  return Status::OK();
}

}  // namespace

const char* EventTypeName(EventType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.name;
  return "search";
}

Result<EventType> ParseEventType(std::string_view name) {
  for (const auto& t : kTypes)
    if (name == t.name) return t.type;
  return Status::InvalidArgument("unknown event type '" + std::string(name) +
                                 "' (known: search, click, view, vote, contact)");
}

const std::vector<std::string>& VoteReasons() {
  static const std::vector<std::string> reasons = {
      "solved", "clear", "outdated", "unclear", "incomplete", "incorrect", "not_relevant", "other"};
  return reasons;
}

const std::vector<std::string>& ContactChannels() {
  static const std::vector<std::string> channels = {"portal", "ticket", "email", "chat", "phone"};
  return channels;
}

Status ValidateEvent(const Event& e, const std::string& where) {
  const std::string at = where.empty() ? "" : where + ".";
  if (e.time < 1 || e.time > int64_t{0xFFFFFFFF})
    return Status::InvalidArgument(at + "time must be seconds since 1970 (1 to 4294967295)");
  if (NeedsSession(e.type) && e.session.empty())
    return Status::InvalidArgument(at + "session is required for a " + EventTypeName(e.type) +
                                   " event");
  if (!e.session.empty() && !IsSessionId(e.session))
    return Status::InvalidArgument(at + "session must be the 40-hex-digit id a search returned");
  if (e.type == EventType::kSearch || e.type == EventType::kClick) {
    if (e.query.find_first_not_of(" \t\r\n") == std::string::npos)
      return Status::InvalidArgument(at + "query is required");
    if (Status s = CheckText(e.query, at + "query", kMaxEventQueryBytes); !s.ok()) return s;
  }
  if (HasArticle(e.type) && e.article.empty())
    return Status::InvalidArgument(at + "article is required");
  if (e.type == EventType::kClick && (e.rank < 1 || e.rank > kMaxEventRank))
    return Status::InvalidArgument(at + "rank must be from 1 to " + std::to_string(kMaxEventRank));
  if (e.type == EventType::kVote) {
    if (!e.reason.empty() && !OneOf(e.reason, VoteReasons()))
      return Status::InvalidArgument(at + "reason must be one of " + Joined(VoteReasons()));
    if (Status s = CheckText(e.text, at + "text", kMaxVoteTextBytes); !s.ok()) return s;
  }
  if (e.type == EventType::kContact && !OneOf(e.channel, ContactChannels()))
    return Status::InvalidArgument(at + "channel must be one of " + Joined(ContactChannels()));
  return Status::OK();
}

}  // namespace kb
