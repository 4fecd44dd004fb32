// The words a few relevant documents teach (pseudo-relevance feedback,
// feedback.h): the words, weights and order of Xapian's Enquire::get_eset
// with its default expansion weight (TradEWeight, k = 1: the Robertson/Sparck
// Jones relevance weight of a word times the sum over the relevant documents
// of its BM25-saturated frequency), computed here so that the index
// frequency of each word is looked up once per index revision instead of on
// every search: get_eset looks up every word of every relevant document in
// the index each time, a third of a search's time (docs/performance.md), and
// most words of an article are common words that other articles share. A
// unit test compares the words with get_eset's.
//
// Thread-safe: the known frequencies are shared by every searcher of the process.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace kb {

struct FeedbackTerm {
  std::string term;
  double weight = 0;
};

// The `limit` best feedback words of the documents `relevant` of `db` by the
// expansion weight, best first (equal weights: the lexically greater word
// first, as get_eset): exact forms only (schema::IsExactForm; not stems,
// title or filter terms), leaving out those in `exclude` (the query's own
// words), only words of positive weight.
std::vector<FeedbackTerm> ExpandFromDocuments(const Xapian::Database& db,
                                              const std::vector<Xapian::docid>& relevant,
                                              const std::unordered_set<std::string>& exclude,
                                              size_t limit);

// How many words' index frequencies are kept per index revision (all are
// forgotten when there would be more: ~10 MB).
inline constexpr size_t kFeedbackWordsKept = 200000;

}  // namespace kb
