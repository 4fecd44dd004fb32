#include "feedback.h"

#include <algorithm>
#include <vector>

namespace kb {
namespace {

// How many best matches teach words, how many words they teach, and how much
// one such word weighs against a typed one. Measured on dev, dev2 and dev2 at
// scale (docs/ranking-experiments.md): 3 matches and 10 words score alike
// with weights 0.05 to 0.2; 20 words or 2 matches score lower.
constexpr Xapian::doccount kFeedbackDocs = 3;
constexpr Xapian::termcount kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;

// The feedback words reorder this many best matches of the words as typed.
// Ranking every match again cost a quarter of a search; measured on dev,
// dev2 and dev2 at scale (docs/ranking-experiments.md), reordering the first
// 15, 30 or 60 scores at least as high as reordering all of them, 30 highest.
constexpr Xapian::doccount kRerankDepth = 30;

// Only exact forms (unprefixed terms, schema.h): stems, title terms and
// filter terms carry a prefix in capitals.
class ExactForms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
  }
};

// The documents of a fixed sorted list, as a boolean filter: the matcher skips
// straight to them instead of visiting every match.
class DocidList : public Xapian::PostingSource {
 public:
  explicit DocidList(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {}
  Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
  void init(const Xapian::Database&) override { at_ = ids_.size() + 1; }
  void next(double) override { at_ = at_ > ids_.size() ? 0 : at_ + 1; }
  void skip_to(Xapian::docid did, double) override {
    const auto from = ids_.begin() + (at_ > ids_.size() ? 0 : at_);
    at_ = size_t(std::lower_bound(from, ids_.end(), did) - ids_.begin());
  }
  bool at_end() const override { return at_ == ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }

 private:
  std::vector<Xapian::docid> ids_;
  size_t at_ = 0;  // ids_.size() + 1: before the first
};

// Feedback terms of the best matches in `best`, as one OP_OR query scaled to
// its low weight; an empty query when they teach nothing.
Xapian::Query LearnedTerms(const Xapian::Enquire& enquire, const Xapian::MSet& best) {
  Xapian::RSet relevant;
  Xapian::doccount n = 0;
  for (auto it = best.begin(); it != best.end() && n < kFeedbackDocs; ++it, ++n)
    relevant.add_document(*it);
  const ExactForms exact_forms;
  // The query's own terms are left out (get_eset's default).
  const Xapian::ESet words = enquire.get_eset(kFeedbackTerms, relevant, &exact_forms);
  if (words.empty()) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  for (auto it = words.begin(); it != words.end(); ++it) terms.emplace_back(*it);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                       kFeedbackWeight);
}

}  // namespace

FeedbackPage FeedbackRankedPage(const Xapian::Database& db, const Xapian::Query& ranked,
                                const Xapian::Query& filter, Xapian::doccount offset,
                                Xapian::doccount limit) {
  FeedbackPage page;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter));
  // Past the reordered matches the order is the words' own.
  if (offset >= kRerankDepth) {
    page.after = enquire.get_mset(offset, limit);
    return page;
  }
  const Xapian::MSet first = enquire.get_mset(0, kRerankDepth);
  const Xapian::Query learned = first.empty() ? Xapian::Query() : LearnedTerms(enquire, first);
  if (learned.empty()) {
    page.after = enquire.get_mset(offset, limit);
    return page;
  }
  std::vector<Xapian::docid> ids;
  for (auto it = first.begin(); it != first.end(); ++it) ids.push_back(*it);
  std::sort(ids.begin(), ids.end());
  DocidList candidates(std::move(ids));
  Xapian::Enquire reranking(db);
  reranking.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER,
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked, learned), filter),
      Xapian::Query(&candidates)));
  page.reordered = reranking.get_mset(offset, std::min(limit, kRerankDepth - offset));
  if (offset + limit > kRerankDepth && first.size() == kRerankDepth)
    page.after = enquire.get_mset(kRerankDepth, offset + limit - kRerankDepth);
  return page;
}

}  // namespace kb
