// Facet counting: a Xapian MatchSpy that counts the values of one slot over
// every document the match sees (the query already filters by audience, so a
// customer's counts never include internal articles). A slot may hold several
// values separated by a character (tags). Not thread-safe; one per query.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "kb/index/search.h"

namespace kb {

class FacetSpy : public Xapian::MatchSpy {
 public:
  // `separator` '\0': one value per document.
  FacetSpy(Xapian::valueno slot, char separator) : slot_(slot), separator_(separator) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent values, ties by value.
  std::vector<FacetCount> Top(size_t limit) const;

 private:
  Xapian::valueno slot_;
  char separator_;
  std::map<std::string, uint64_t> counts_;
};

}  // namespace kb
