#include "feedback_terms.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "schema.h"

namespace kb {
namespace {

// Xapian's default expand_k (Enquire::set_expansion_scheme("trad", 1.0)).
constexpr double kExpandK = 1.0;

// The index frequencies of the words looked up so far, per index revision
// (the live one, and the one before it while searchers move to the new
// one), for every searcher of the process. Most words of an article are
// common words that other articles share, so most are found here.
class WordFrequencies {
 public:
  // Each of `terms`' index frequency in `db` (at `revision`), into `freqs`.
  void Find(const Xapian::Database& db, const std::string& revision,
            const std::vector<std::string>& terms, std::vector<Xapian::doccount>* freqs) {
    freqs->assign(terms.size(), 0);
    std::vector<size_t> unknown;
    {
      std::lock_guard<std::mutex> lock(mu_);
      const Known& known = Revision(revision);
      for (size_t i = 0; i < terms.size(); ++i) {
        if (auto it = known.find(terms[i]); it != known.end())
          (*freqs)[i] = it->second;
        else
          unknown.push_back(i);
      }
    }
    if (unknown.empty()) return;
    // Looked up outside the lock: each is a read of the index.
    for (size_t i : unknown) (*freqs)[i] = db.get_termfreq(terms[i]);
    std::lock_guard<std::mutex> lock(mu_);
    Known& known = Revision(revision);
    if (known.size() + unknown.size() > kFeedbackWordsKept) known.clear();
    for (size_t i : unknown) known.emplace(terms[i], (*freqs)[i]);
  }

 private:
  using Known = std::unordered_map<std::string, Xapian::doccount>;

  Known& Revision(const std::string& revision) {
    for (auto& [name, known] : revisions_)
      if (name == revision) return known;
    if (revisions_.size() == 2) revisions_.erase(revisions_.begin());
    revisions_.emplace_back(revision, Known());
    return revisions_.back().second;
  }

  std::mutex mu_;
  std::vector<std::pair<std::string, Known>> revisions_;  // oldest first
};

WordFrequencies& Frequencies() {
  static WordFrequencies frequencies;
  return frequencies;
}

// One relevant document's feedback words, in term order, with their
// frequency in it (wdf) and in the index.
struct DocumentWords {
  Xapian::termcount length = 0;
  std::vector<std::string> terms;
  std::vector<Xapian::termcount> wdfs;
  std::vector<Xapian::doccount> freqs;
};

DocumentWords ReadDocumentWords(const Xapian::Database& db, const std::string& revision,
                                Xapian::docid did) {
  DocumentWords document;
  document.length = db.get_doclength(did);
  for (auto it = db.termlist_begin(did); it != db.termlist_end(did);) {
    std::string term = *it;
    if (!schema::IsExactForm(term)) {
      // Prefixed terms start with a capital letter and sort together: step
      // over them without copying each (about half of an article's terms).
      it.skip_to(std::string(schema::kAfterPrefixedTerms));
      continue;
    }
    document.terms.push_back(std::move(term));
    document.wdfs.push_back(it.get_wdf());
    ++it;
  }
  Frequencies().Find(db, revision, document.terms, &document.freqs);
  return document;
}

struct Candidate {
  double weight = 0;
  std::string term;
};

// Better first: a higher weight, then (as Xapian's ESet orders equal
// weights) the lexically greater word.
bool Better(const Candidate& a, const Candidate& b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.term > b.term;
}

}  // namespace

std::vector<FeedbackTerm> ExpandFromDocuments(const Xapian::Database& db,
                                              const std::vector<Xapian::docid>& relevant,
                                              const std::unordered_set<std::string>& exclude,
                                              size_t limit) {
  if (relevant.empty() || limit == 0) return {};
  const std::string revision = db.get_uuid() + '@' + std::to_string(db.get_revision());
  std::vector<DocumentWords> documents;
  for (Xapian::docid did : relevant) documents.push_back(ReadDocumentWords(db, revision, did));

  const double dbsize = db.get_doccount();
  const double avlen = db.get_avlength();
  const double rsize = double(documents.size());
  // Walk the documents' sorted word lists together, one word at a time, and
  // keep the best `limit` (a heap whose front is the worst kept). As in
  // Xapian, a word must weigh more than the worst kept one to replace it.
  std::vector<size_t> at(documents.size(), 0);
  std::vector<Candidate> kept;
  double threshold = 0;
  while (true) {
    const std::string* next = nullptr;
    for (size_t d = 0; d < documents.size(); ++d)
      if (at[d] < documents[d].terms.size() &&
          (next == nullptr || documents[d].terms[at[d]] < *next))
        next = &documents[d].terms[at[d]];
    if (next == nullptr) break;
    const std::string& term = *next;  // the documents' words stay put while they are walked
    // r (relevant documents with the word), n (documents with it), and the
    // sum over the relevant ones of the word's saturated frequency.
    double r = 0, n = 0, multiplier = 0;
    for (size_t d = 0; d < documents.size(); ++d) {
      const DocumentWords& document = documents[d];
      if (at[d] >= document.terms.size() || document.terms[at[d]] != term) continue;
      const double wdf = std::max<Xapian::termcount>(document.wdfs[at[d]], 1);
      n = document.freqs[at[d]];
      ++at[d];
      r += 1;
      multiplier += (kExpandK + 1) * wdf / (kExpandK * document.length / avlen + wdf);
    }
    if (exclude.count(term)) continue;
    // The Robertson/Sparck Jones relevance weight, with 0.5 added to each count.
    const double without = rsize - r;
    const double weight = multiplier * std::log(((r + 0.5) * (dbsize - n - without + 0.5)) /
                                                ((n - r + 0.5) * (without + 0.5)));
    if (weight <= threshold) continue;
    kept.push_back({weight, term});
    std::push_heap(kept.begin(), kept.end(), Better);
    if (kept.size() > limit) {
      std::pop_heap(kept.begin(), kept.end(), Better);
      kept.pop_back();
      threshold = kept.front().weight;
    }
  }
  std::sort(kept.begin(), kept.end(), Better);
  std::vector<FeedbackTerm> out;
  for (Candidate& c : kept) out.push_back({std::move(c.term), c.weight});
  return out;
}

}  // namespace kb
