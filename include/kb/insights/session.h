// Anonymous session ids for the insights reports. A session id is 40
// lowercase hex digits: 8 for the time it was issued (seconds since the
// epoch) and 32 random ones. It names a run of searches by one visitor
// without saying who: kb stores no IP address, user agent or cookie of its
// own. Ids rotate: one issued more than kSessionLifetime ago is replaced by
// a new one when it is passed back to a search. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kb {

inline constexpr int64_t kSessionLifetimeSeconds = 24 * 60 * 60;

// True for 40 lowercase hex digits.
bool IsSessionId(std::string_view id);
// A new random id issued at `now` (seconds since the epoch).
std::string NewSessionId(int64_t now);
// `passed` when it is a session id issued at most kSessionLifetimeSeconds
// before `now` (and not in the future), else a new one.
std::string KeepOrRotateSession(std::string_view passed, int64_t now);

}  // namespace kb
