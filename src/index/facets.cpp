#include "facets.h"

#include <algorithm>

namespace kb {

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  const std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  if (separator_ == '\0') {
    ++counts_[value];
    return;
  }
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(separator_, start);
    if (end == std::string::npos) end = value.size();
    if (end > start) ++counts_[value.substr(start, end - start)];
    start = end + 1;
  }
}

std::vector<FacetCount> FacetSpy::Top(size_t limit) const {
  std::vector<FacetCount> top;
  for (const auto& [value, count] : counts_) top.push_back({value, count});
  std::stable_sort(top.begin(), top.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (top.size() > limit) top.resize(limit);
  return top;
}

}  // namespace kb
