// Facet counting: a Xapian MatchSpy that counts the categories and the tags
// of every document the match sees (the query already filters by audience,
// so a customer's counts never include internal articles), by docid from the
// index's FacetColumn. Not thread-safe; one per query.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "facet_column.h"
#include "kb/index/search.h"

namespace kb {

// The facets slot's value: the category's length in bytes (decimal), ':',
// the category, then each tag after a '\n' (a tag never holds one: tags are
// split at '\n').
std::string EncodeFacets(const std::string& category, const std::vector<std::string>& tags);

// A facets slot value read back. An index written before schema 15 has only
// the tags there ('\n'-separated) and the category in its own slot:
// `legacy_category` is called for it then.
struct DecodedFacets {
  std::string category;
  std::vector<std::string> tags;
};
DecodedFacets DecodeFacets(std::string_view value,
                           const std::function<std::string()>& legacy_category);

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const FacetColumn& column)
      : column_(column),
        categories_(column.categories().size(), 0),
        tags_(column.tags().size(), 0) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent categories or tags, ties by value; each count
  // multiplied by `scale` and rounded (a spy over a sample of one match in
  // `scale`).
  std::vector<FacetCount> TopCategories(size_t limit, double scale = 1) const;
  std::vector<FacetCount> TopTags(size_t limit, double scale = 1) const;

 private:
  const FacetColumn& column_;
  std::vector<uint64_t> categories_, tags_;  // counts by the column's ids
};

}  // namespace kb
