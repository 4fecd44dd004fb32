#include "feedback.h"

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

// Only exact forms (unprefixed terms, schema.h): stems, title terms and
// filter terms carry a prefix in capitals.
class ExactForms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
  }
};

}  // namespace

Xapian::Query FeedbackQuery(const Xapian::Database& db, const Xapian::Query& ranked,
                            const Xapian::Query& filter) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter));
  const Xapian::MSet best = enquire.get_mset(0, kFeedbackDocs);
  if (best.empty()) return Xapian::Query();
  Xapian::RSet relevant;
  for (auto it = best.begin(); it != best.end(); ++it) relevant.add_document(*it);
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

}  // namespace kb
