// The category and tags of every document of one index revision, held in
// memory so that facet counting reads them by docid. Read from the facets
// slot (schema::kSlotFacets) per counted match instead, the counting sample's
// matches, spread over the whole index, cost an index block read every few
// matches (1.6 ms a search at 100,000 articles; docs/performance.md, fifteenth
// round).
//
// Thread-safety: a FacetColumn is immutable once loaded and shared by every
// searcher of the process (FacetColumn::Of).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kb {

class FacetColumn {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;  // a document without a category

  // Reads the facets slot of every document of `db` (and, for an index
  // written before schema 15, the category slot).
  explicit FacetColumn(const Xapian::Database& db);

  // The column of `db` at the revision it has open: loaded by the first
  // search that needs it and kept for the searchers of the process (the live
  // revision and the one before, as they move to a new one).
  static std::shared_ptr<const FacetColumn> Of(const Xapian::Database& db);

  // The document's category id (kNone if it has none) and tag ids.
  uint32_t CategoryOf(Xapian::docid did) const;
  const uint32_t* TagsBegin(Xapian::docid did) const;
  const uint32_t* TagsEnd(Xapian::docid did) const;

  const std::vector<std::string>& categories() const { return categories_; }
  const std::vector<std::string>& tags() const { return tags_; }

 private:
  std::vector<std::string> categories_, tags_;  // by id
  std::vector<uint32_t> category_;              // by docid
  std::vector<uint32_t> tag_start_;             // by docid: where its tags start in tag_ids_
  std::vector<uint32_t> tag_ids_;
};

}  // namespace kb
