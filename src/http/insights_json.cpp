#include "insights_json.h"

#include <nlohmann/json.hpp>
#include <set>

#include "insights_params.h"
#include "json_encode.h"

namespace kb::http {
namespace {

using Json = nlohmann::json;

// The fields each event type may have; anything else is a 400, so that a
// misspelled field is not silently lost.
const std::set<std::string>& AllowedFields(EventType type) {
  static const std::set<std::string> click = {"type",  "time",    "session",
                                              "query", "article", "rank"};
  static const std::set<std::string> view = {"type", "time", "session", "article"};
  static const std::set<std::string> vote = {"type",    "time",   "session", "article",
                                             "helpful", "reason", "text"};
  static const std::set<std::string> contact = {"type", "time", "session", "channel"};
  switch (type) {
    case EventType::kClick:
      return click;
    case EventType::kView:
      return view;
    case EventType::kVote:
      return vote;
    default:
      return contact;
  }
}

Status WrongType(const std::string& where, const std::string& field, const char* expected) {
  return Status::InvalidArgument(where + "." + field + " must be " + expected);
}

Status ReadString(const Json& object, const std::string& where, const char* field,
                  std::string* out) {
  if (!object.contains(field)) return Status::OK();
  if (!object[field].is_string()) return WrongType(where, field, "a string");
  *out = object[field].get<std::string>();
  return Status::OK();
}

Status ReadInteger(const Json& object, const std::string& where, const char* field, int64_t* out) {
  if (!object.contains(field)) return Status::OK();
  const Json& v = object[field];
  if (!v.is_number_integer()) return WrongType(where, field, "an integer");
  // An unsigned value above int64's range reads as negative: out of range either way.
  *out = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t{INT64_MAX} ? -1 : v.get<int64_t>();
  return Status::OK();
}

Result<Event> EventFromJson(const Json& object, const std::string& where,
                            const EventDefaults& defaults) {
  if (!object.is_object()) return Status::InvalidArgument(where + " must be a JSON object");
  if (!object.contains("type") || !object["type"].is_string())
    return Status::InvalidArgument(where + ".type is required: click, view, vote or contact");
  auto type = ParseEventType(object["type"].get<std::string>());
  if (!type.ok()) return Status::InvalidArgument(where + ": " + type.status().message());
  if (*type == EventType::kSearch)
    return Status::InvalidArgument(where + ": search events are recorded by the server itself");
  for (const auto& [key, value] : object.items()) {
    if (!AllowedFields(*type).count(key))
      return Status::InvalidArgument(where + ": unknown field '" + key + "' for a " +
                                     EventTypeName(*type) + " event");
  }
  Event e;
  e.type = *type;
  e.time = defaults.now;
  if (object.contains("time")) {
    if (!defaults.trust_time)
      return Status::InvalidArgument(
          where + ".time is accepted only when kb serve runs with --trust-event-time");
    if (Status s = ReadInteger(object, where, "time", &e.time); !s.ok()) return s;
  }
  for (const auto& [field, out] : {std::pair{"session", &e.session},
                                   {"query", &e.query},
                                   {"article", &e.article},
                                   {"reason", &e.reason},
                                   {"text", &e.text},
                                   {"channel", &e.channel}}) {
    if (Status s = ReadString(object, where, field, out); !s.ok()) return s;
  }
  if (Status s = ReadInteger(object, where, "rank", &e.rank); !s.ok()) return s;
  if (e.type == EventType::kVote) {
    if (!object.contains("helpful") || !object["helpful"].is_boolean())
      return WrongType(where, "helpful", "true or false (required)");
    e.helpful = object["helpful"].get<bool>();
  }
  if (Status s = ValidateEvent(e, where); !s.ok()) return s;
  return e;
}

Json CellJson(const ReportCell& cell) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return *i;
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  return nullptr;
}

Json RowJson(const std::vector<std::string>& columns, const std::vector<ReportCell>& row) {
  Json out = Json::object();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) out[columns[i]] = CellJson(row[i]);
  return out;
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Result<std::vector<Event>> EventsFromJson(const std::string& body, const EventDefaults& defaults) {
  const Json parsed = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    return Status::InvalidArgument("the body is not JSON: send one event object or an array");
  std::vector<Event> events;
  if (parsed.is_object()) {
    auto e = EventFromJson(parsed, "event", defaults);
    if (!e.ok()) return e.status();
    events.push_back(std::move(*e));
    return events;
  }
  if (!parsed.is_array())
    return Status::InvalidArgument("the body must be one event object or an array of them");
  if (parsed.size() > kMaxEventsPerRequest)
    return Status::TooLarge("at most " + std::to_string(kMaxEventsPerRequest) +
                            " events per request, not " + std::to_string(parsed.size()));
  if (parsed.empty()) return Status::InvalidArgument("the array of events is empty");
  for (size_t i = 0; i < parsed.size(); ++i) {
    auto e = EventFromJson(parsed[i], "events[" + std::to_string(i) + "]", defaults);
    if (!e.ok()) return e.status();
    events.push_back(std::move(*e));
  }
  return events;
}

std::string EventsAcceptedJson(size_t accepted, size_t dropped) {
  return DumpJson({{"accepted", accepted}, {"dropped", dropped}});
}

std::string ReportJson(const ReportRequest& request, const ReportTable& table) {
  Json filters = {{"lang", OrNull(request.lang)},
                  {"category", OrNull(request.category)},
                  {"from", OrNull(request.from)},
                  {"to", OrNull(request.to)}};
  if (request.kind == ReportKind::kQueryClicks) filters["q"] = request.query;
  Json rows = Json::array();
  for (const auto& row : table.rows) rows.push_back(RowJson(table.columns, row));
  Json body = {{"report", table.name},     {"filters", std::move(filters)},
               {"total", table.total},     {"limit", request.limit},
               {"offset", request.offset}, {"columns", table.columns},
               {"rows", std::move(rows)}};
  if (!table.summary.empty()) body["totals"] = RowJson(table.summary_columns, table.summary);
  return DumpJson(body);
}

}  // namespace kb::http
