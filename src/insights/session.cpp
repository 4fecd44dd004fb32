#include "kb/insights/session.h"

#include <cstdio>
#include <random>

namespace kb {
namespace {

constexpr size_t kTimeDigits = 8;
constexpr size_t kIdDigits = 40;

int64_t IssuedAt(std::string_view id) {
  return static_cast<int64_t>(std::stoull(std::string(id.substr(0, kTimeDigits)), nullptr, 16));
}

}  // namespace

bool IsSessionId(std::string_view id) {
  if (id.size() != kIdDigits) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string NewSessionId(int64_t now) {
  // std::random_device reads the kernel's entropy (getrandom) on Linux.
  thread_local std::random_device device;
  char buf[kIdDigits + 1];
  std::snprintf(buf, sizeof buf, "%08llx%08x%08x%08x%08x",
                static_cast<unsigned long long>(now & 0xFFFFFFFF), device(), device(), device(),
                device());
  return buf;
}

std::string KeepOrRotateSession(std::string_view passed, int64_t now) {
  if (IsSessionId(passed)) {
    const int64_t issued = IssuedAt(passed);
    if (issued <= now && now - issued <= kSessionLifetimeSeconds) return std::string(passed);
  }
  return NewSessionId(now);
}

}  // namespace kb
