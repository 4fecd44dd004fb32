#include "facets.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kb {
namespace {

constexpr char kTagSeparator = '\n';

// The `limit` largest of `counts` (by the column's ids) with their `names`,
// ties by name; each count multiplied by `scale` and rounded.
std::vector<FacetCount> Top(const std::vector<uint64_t>& counts,
                            const std::vector<std::string>& names, size_t limit, double scale) {
  std::vector<FacetCount> top;
  for (size_t id = 0; id < counts.size(); ++id)
    if (counts[id] > 0)
      top.push_back({names[id], static_cast<uint64_t>(std::llround(double(counts[id]) * scale))});
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

}  // namespace

std::string EncodeFacets(const std::string& category, const std::vector<std::string>& tags) {
  std::string value = std::to_string(category.size()) + ':' + category;
  for (const std::string& tag : tags) value += kTagSeparator + tag;
  return value;
}

DecodedFacets DecodeFacets(std::string_view value,
                           const std::function<std::string()>& legacy_category) {
  DecodedFacets decoded;
  const size_t colon = value.find(':');
  size_t length = 0;
  std::string_view tags = value;
  if (colon != std::string_view::npos &&
      std::from_chars(value.data(), value.data() + colon, length).ptr == value.data() + colon &&
      length <= value.size() - colon - 1) {
    decoded.category = std::string(value.substr(colon + 1, length));
    tags = value.substr(colon + 1 + length);
  } else {
    decoded.category = legacy_category();
  }
  for (size_t start = 0; start < tags.size();) {
    size_t end = tags.find(kTagSeparator, start);
    if (end == std::string_view::npos) end = tags.size();
    if (end > start) decoded.tags.emplace_back(tags.substr(start, end - start));
    start = end + 1;
  }
  return decoded;
}

void FacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  const Xapian::docid did = doc.get_docid();
  if (const uint32_t category = column_.CategoryOf(did); category != FacetColumn::kNone)
    ++categories_[category];
  for (const uint32_t* tag = column_.TagsBegin(did); tag != column_.TagsEnd(did); ++tag)
    ++tags_[*tag];
}

std::vector<FacetCount> FacetSpy::TopCategories(size_t limit, double scale) const {
  return Top(categories_, column_.categories(), limit, scale);
}

std::vector<FacetCount> FacetSpy::TopTags(size_t limit, double scale) const {
  return Top(tags_, column_.tags(), limit, scale);
}

}  // namespace kb
