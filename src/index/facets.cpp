#include "facets.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "schema.h"

namespace kb {
namespace {

constexpr char kTagSeparator = '\n';

}  // namespace

std::string EncodeFacets(const std::string& category, const std::vector<std::string>& tags) {
  std::string value = std::to_string(category.size()) + ':' + category;
  for (const std::string& tag : tags) value += kTagSeparator + tag;
  return value;
}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  const std::string value = doc.get_value(schema::kSlotFacets);
  const std::string_view v(value);
  const size_t colon = v.find(':');
  size_t length = 0;
  if (colon == std::string_view::npos ||
      std::from_chars(v.data(), v.data() + colon, length).ptr != v.data() + colon ||
      length > v.size() - colon - 1) {
    // An index written before schema 15 (until it is rebuilt): the category
    // in its own slot, the slot only the tags.
    const std::string category = doc.get_value(schema::kSlotCategory);
    if (!category.empty()) categories_.Add(category);
    AddTags(v);
    return;
  }
  if (length > 0) categories_.Add(v.substr(colon + 1, length));
  AddTags(v.substr(colon + 1 + length));
}

void FacetSpy::AddTags(std::string_view tags) {
  for (size_t start = 0; start < tags.size();) {
    size_t end = tags.find(kTagSeparator, start);
    if (end == std::string_view::npos) end = tags.size();
    if (end > start) tags_.Add(tags.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<FacetCount> FacetSpy::TopCategories(size_t limit, double scale) const {
  return categories_.Top(limit, scale);
}

std::vector<FacetCount> FacetSpy::TopTags(size_t limit, double scale) const {
  return tags_.Top(limit, scale);
}

void FacetSpy::Counts::Add(std::string_view value) {
  if (auto it = counts_.find(value); it != counts_.end()) {
    ++it->second;
    return;
  }
  counts_.emplace(values_.emplace_back(value), 1);
}

std::vector<FacetCount> FacetSpy::Counts::Top(size_t limit, double scale) const {
  std::vector<FacetCount> top;
  top.reserve(counts_.size());
  for (const auto& [value, count] : counts_)
    top.push_back({std::string(value), static_cast<uint64_t>(std::llround(double(count) * scale))});
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
