// Facet counting: a Xapian MatchSpy that counts the values of one slot over
// every document the match sees (the query already filters by audience, so a
// customer's counts never include internal articles). A slot may hold several
// values separated by a character (tags). Not thread-safe; one per query.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "kb/index/search.h"

namespace kb {

class FacetSpy : public Xapian::MatchSpy {
 public:
  // `separator` '\0': one value per document.
  FacetSpy(Xapian::valueno slot, char separator) : slot_(slot), separator_(separator) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent values, ties by value; each count multiplied
  // by `scale` and rounded (a spy over a sample of one match in `scale`).
  std::vector<FacetCount> Top(size_t limit, double scale = 1) const;

 private:
  Xapian::valueno slot_;
  char separator_;
  std::unordered_map<std::string, uint64_t> counts_;
};

}  // namespace kb
