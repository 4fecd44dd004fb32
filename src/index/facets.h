// Facet counting: a Xapian MatchSpy that counts the categories and the tags
// of every document the match sees (the query already filters by audience,
// so a customer's counts never include internal articles), from one value
// slot (schema::kSlotFacets). Not thread-safe; one per query.
#pragma once

#include <xapian.h>

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/index/search.h"

namespace kb {

// The facets slot's value: the category's length in bytes (decimal), ':',
// the category, then each tag after a '\n' (a tag never holds one: tags are
// split at '\n').
std::string EncodeFacets(const std::string& category, const std::vector<std::string>& tags);

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent categories or tags, ties by value; each count
  // multiplied by `scale` and rounded (a spy over a sample of one match in
  // `scale`).
  std::vector<FacetCount> TopCategories(size_t limit, double scale = 1) const;
  std::vector<FacetCount> TopTags(size_t limit, double scale = 1) const;

 private:
  void AddTags(std::string_view tags);  // '\n'-separated

  // Counts by value; the values themselves kept once each, so counting a
  // value seen before copies nothing.
  class Counts {
   public:
    void Add(std::string_view value);
    std::vector<FacetCount> Top(size_t limit, double scale) const;

   private:
    std::deque<std::string> values_;  // stable: the map's keys view them
    std::unordered_map<std::string_view, uint64_t> counts_;
  };
  Counts categories_, tags_;
};

}  // namespace kb
