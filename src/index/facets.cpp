#include "facets.h"

#include <algorithm>
#include <cmath>

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

std::vector<FacetCount> FacetSpy::Top(size_t limit, double scale) const {
  std::vector<FacetCount> top;
  top.reserve(counts_.size());
  for (const auto& [value, count] : counts_)
    top.push_back({value, static_cast<uint64_t>(std::llround(double(count) * scale))});
  auto before = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (top.size() > limit) {
    std::partial_sort(top.begin(), top.begin() + long(limit), top.end(), before);
    top.resize(limit);
  } else {
    std::sort(top.begin(), top.end(), before);
  }
  return top;
}

}  // namespace kb
