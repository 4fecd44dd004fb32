#include "facet_column.h"

#include <algorithm>
#include <future>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "facets.h"
#include "schema.h"

namespace kb {
namespace {

// Interns names: each distinct one gets the next id.
class Names {
 public:
  explicit Names(std::vector<std::string>* names) : names_(*names) {}
  uint32_t Id(std::string name) {
    auto [it, added] = ids_.emplace(std::move(name), uint32_t(names_.size()));
    if (added) names_.push_back(it->first);
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// The columns of the revisions searched now: the live one and the one before
// it, while searchers move to the new one. A column is loaded once: the
// searchers that ask while it loads wait for it.
class Columns {
 public:
  std::shared_ptr<const FacetColumn> Of(const Xapian::Database& db) {
    const std::string revision = db.get_uuid() + '@' + std::to_string(db.get_revision());
    std::promise<std::shared_ptr<const FacetColumn>> loading;
    std::shared_future<std::shared_ptr<const FacetColumn>> column;
    bool load = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (const auto& [name, kept] : revisions_)
        if (name == revision) column = kept;
      if (!column.valid()) {
        column = loading.get_future().share();
        if (revisions_.size() == 2) revisions_.erase(revisions_.begin());
        revisions_.emplace_back(revision, column);
        load = true;
      }
    }
    if (!load) return column.get();  // waits, outside the lock, while another searcher loads it
    try {
      loading.set_value(std::make_shared<const FacetColumn>(db));
    } catch (...) {
      // An index changed under the read: the searcher retries, and so will this.
      loading.set_exception(std::current_exception());
      std::lock_guard<std::mutex> lock(mu_);
      revisions_.erase(std::remove_if(revisions_.begin(), revisions_.end(),
                                      [&](const auto& kept) { return kept.first == revision; }),
                       revisions_.end());
    }
    return column.get();
  }

 private:
  std::mutex mu_;
  std::vector<std::pair<std::string, std::shared_future<std::shared_ptr<const FacetColumn>>>>
      revisions_;  // oldest first
};

}  // namespace

FacetColumn::FacetColumn(const Xapian::Database& db) {
  const Xapian::docid last = db.get_lastdocid();
  category_.assign(size_t(last) + 1, kNone);
  tag_start_.assign(size_t(last) + 2, 0);
  Names categories(&categories_), tags(&tags_);
  // Docids ascend along the value stream: each document's tags are appended
  // after those of the documents before it.
  Xapian::docid filled = 0;  // tag_start_ is set up to this docid
  for (auto it = db.valuestream_begin(schema::kSlotFacets);
       it != db.valuestream_end(schema::kSlotFacets); ++it) {
    const Xapian::docid did = it.get_docid();
    if (did > last) break;
    const DecodedFacets facets = DecodeFacets(*it, [&db, did] {
      return db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotCategory);
    });
    for (Xapian::docid d = filled + 1; d <= did; ++d) tag_start_[d] = uint32_t(tag_ids_.size());
    filled = did;
    if (!facets.category.empty()) category_[did] = categories.Id(facets.category);
    for (const std::string& tag : facets.tags) tag_ids_.push_back(tags.Id(tag));
  }
  for (Xapian::docid d = filled + 1; d <= last + 1; ++d) tag_start_[d] = uint32_t(tag_ids_.size());
}

std::shared_ptr<const FacetColumn> FacetColumn::Of(const Xapian::Database& db) {
  static Columns columns;
  return columns.Of(db);
}

uint32_t FacetColumn::CategoryOf(Xapian::docid did) const {
  return did < category_.size() ? category_[did] : kNone;
}

const uint32_t* FacetColumn::TagsBegin(Xapian::docid did) const {
  return did + 1 < tag_start_.size() ? tag_ids_.data() + tag_start_[did] : nullptr;
}

const uint32_t* FacetColumn::TagsEnd(Xapian::docid did) const {
  return did + 1 < tag_start_.size() ? tag_ids_.data() + tag_start_[did + 1] : nullptr;
}

}  // namespace kb
