#include "client_address.h"

#include <algorithm>

namespace kb::http {
namespace {

std::string Trimmed(const std::string& s) {
  const size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

bool Trusted(const std::string& address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

// Every address of every X-Forwarded-For field, left to right.
std::vector<std::string> ForwardedChain(const httplib::Request& req) {
  std::vector<std::string> chain;
  const size_t fields = req.get_header_value_count("X-Forwarded-For");
  for (size_t i = 0; i < fields; ++i) {
    const std::string field = req.get_header_value("X-Forwarded-For", i);
    size_t start = 0;
    for (;;) {
      const size_t comma = field.find(',', start);
      const std::string address = Trimmed(field.substr(start, comma - start));
      if (!address.empty()) chain.push_back(address);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return chain;
}

}  // namespace

std::string ClientAddress(const httplib::Request& req,
                          const std::vector<std::string>& trusted_proxies) {
  if (!Trusted(req.remote_addr, trusted_proxies)) return req.remote_addr;
  const std::vector<std::string> chain = ForwardedChain(req);
  if (chain.empty()) return req.remote_addr;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!Trusted(*it, trusted_proxies)) return *it;
  }
  return chain.front();
}

}  // namespace kb::http
