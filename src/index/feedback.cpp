#include "feedback.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "feedback_terms.h"
#include "schema.h"

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
// Those are the best, with every bonus, of this many best matches by the words
// alone: the proximity bonuses read positions, so they are weighed for these
// only. 60 or 100 score alike (docs/ranking-experiments.md).
constexpr Xapian::doccount kCandidateDepth = 60;

// Title coverage: each of the reordered matches gains this share of the best
// match's weight times the share of its title's stems that the query has, so
// the article whose title is the question ("Change your password" for
// "changing my password") wins over one whose title merely has a query word.
// Measured (docs/ranking-experiments.md): 0.05 to 0.3 score alike.
constexpr double kTitleCoverageWeight = 0.1;

// The documents of a fixed sorted list, as a boolean filter (the matcher skips
// straight to them instead of visiting every match), or with a weight each.
class DocidList : public Xapian::PostingSource {
 public:
  explicit DocidList(std::vector<Xapian::docid> ids, std::vector<double> weights = {})
      : ids_(std::move(ids)), weights_(std::move(weights)) {}
  bool empty() const { return ids_.empty(); }
  Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
  void init(const Xapian::Database&) override {
    at_ = ids_.size() + 1;
    set_maxweight(weights_.empty() ? 0 : *std::max_element(weights_.begin(), weights_.end()));
  }
  double get_weight() const override { return weights_.empty() ? 0 : weights_[at_]; }
  void next(double) override { at_ = at_ > ids_.size() ? 0 : at_ + 1; }
  void skip_to(Xapian::docid did, double) override {
    const auto from = ids_.begin() + (at_ > ids_.size() ? 0 : at_);
    at_ = size_t(std::lower_bound(from, ids_.end(), did) - ids_.begin());
  }
  bool at_end() const override { return at_ == ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }
  DocidList* clone() const override { return new DocidList(ids_, weights_); }

 private:
  std::vector<Xapian::docid> ids_;
  std::vector<double> weights_;  // empty: none (a filter)
  size_t at_ = 0;                // ids_.size() + 1: before the first
};

std::vector<Xapian::docid> SortedDocids(const Xapian::MSet& mset) {
  std::vector<Xapian::docid> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// A query matching the documents of `list`, each time from its start (a
// clone: one posting source serves one match at a time).
Xapian::Query Candidates(const DocidList& list) { return Xapian::Query(list.clone()->release()); }

// Feedback terms of the best matches in `best` of `query`, as one OP_OR
// query scaled to its low weight; an empty query when they teach nothing.
// The query's own terms are left out (as Xapian's get_eset does).
Xapian::Query LearnedTerms(const Xapian::Database& db, const Xapian::Query& query,
                           const Xapian::MSet& best) {
  std::vector<Xapian::docid> relevant;
  for (auto it = best.begin(); it != best.end() && relevant.size() < kFeedbackDocs; ++it)
    relevant.push_back(*it);
  const std::unordered_set<std::string> own(query.get_unique_terms_begin(),
                                            query.get_unique_terms_end());
  const std::vector<FeedbackTerm> words = ExpandFromDocuments(db, relevant, own, kFeedbackTerms);
  if (words.empty()) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  for (const FeedbackTerm& word : words) terms.emplace_back(word.term);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                       kFeedbackWeight);
}

// Each of `docs` (sorted) with its title coverage bonus: `best_weight` times
// kTitleCoverageWeight times the share of its title stems (kSlotTitleStems)
// that are stems of `query`'s words. The query's title stems are counted over
// their posting lists, which are short (titles only), not over each
// document's term list.
DocidList TitleCoverage(const Xapian::Database& db, const Xapian::Query& query,
                        const std::vector<Xapian::docid>& docs, double best_weight) {
  std::vector<unsigned> had(docs.size(), 0);
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    // The words' stems name their title stems.
    const std::string term = *t;
    const std::string_view stem = schema::StemOfTerm(term);
    if (stem.empty()) continue;
    const std::string in_title = schema::Term(schema::kTitleStem, stem);
    Xapian::PostingIterator p = db.postlist_begin(in_title);
    for (size_t i = 0; i < docs.size() && p != db.postlist_end(in_title); ++i) {
      p.skip_to(docs[i]);
      if (p != db.postlist_end(in_title) && *p == docs[i]) ++had[i];
    }
  }
  std::vector<double> weights(docs.size(), 0.0);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (had[i] == 0) continue;
    const double stems =
        Xapian::sortable_unserialise(db.get_document(docs[i]).get_value(schema::kSlotTitleStems));
    if (stems > 0)
      weights[i] = kTitleCoverageWeight * best_weight * std::min(1.0, double(had[i]) / stems);
  }
  return DocidList(docs, std::move(weights));
}

}  // namespace

FeedbackPage FeedbackRankedPage(const Xapian::Database& db, const Xapian::Query& ranked,
                                const Xapian::Query& match, const Xapian::Query& filter,
                                Xapian::doccount offset, Xapian::doccount limit,
                                RerankRules rules) {
  FeedbackPage page;
  const Xapian::Query ranked_in(Xapian::Query::OP_FILTER, ranked, filter);
  // The candidates: the best matches by the words alone (no positions read).
  Xapian::Enquire candidates_enquire(db);
  candidates_enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, match, filter));
  const DocidList candidates(SortedDocids(candidates_enquire.get_mset(0, kCandidateDepth)));
  if (candidates.empty()) return page;
  // The best of them with every ranking bonus; the feedback words are learned
  // from the first few and reorder them all.
  Xapian::Enquire best_enquire(db);
  const Xapian::Query best_query(Xapian::Query::OP_FILTER, ranked_in, Candidates(candidates));
  best_enquire.set_query(best_query);
  const Xapian::MSet best = best_enquire.get_mset(0, kRerankDepth);
  const std::vector<Xapian::docid> best_ids = SortedDocids(best);
  const DocidList reordered(best_ids);
  if (offset < kRerankDepth) {
    std::vector<Xapian::Query> reranked{ranked_in};
    if (rules.feedback) {
      const Xapian::Query learned = LearnedTerms(db, best_query, best);
      if (!learned.empty()) reranked.push_back(learned);
    }
    if (rules.title_coverage && !best.empty())
      reranked.push_back(
          Candidates(TitleCoverage(db, ranked, best_ids, best.begin().get_weight())));
    Xapian::Enquire reranking(db);
    reranking.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER,
        reranked.size() == 1
            ? ranked_in
            : Xapian::Query(Xapian::Query::OP_AND_MAYBE, reranked.begin(), reranked.end()),
        Candidates(reordered)));
    page.reordered = reranking.get_mset(offset, std::min(limit, kRerankDepth - offset));
  }
  // After them, every other match in the order of the words and bonuses.
  if (offset + limit > kRerankDepth && best.size() == kRerankDepth) {
    Xapian::Enquire rest(db);
    rest.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, ranked_in, Candidates(reordered)));
    const Xapian::doccount skip = offset > kRerankDepth ? offset - kRerankDepth : 0;
    page.after = rest.get_mset(skip, offset + limit - kRerankDepth - skip);
  }
  return page;
}

}  // namespace kb
