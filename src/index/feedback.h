// Pseudo-relevance feedback: the words that the best few matches of a query
// share weigh a little in ranking its matches. It learns the help center's
// own vocabulary instead of a hand-written list: of the articles that say
// "refund", those that also say what the best of them say ("reimbursement",
// "card") are more likely about the same thing than one that mentions a
// refund in passing. Measured (docs/ranking.md): it helps on dev2 and on
// dev2 at scale. Its words weigh a tenth of a typed word and only reorder
// matches: they add none (an article with none of the words as typed is not
// a result), so `total` and the facets stay those of the words as typed.
// They reorder the best matches of the words as typed, not all of them.
//
// Not thread-safe (Xapian::Enquire); one call per search.
#pragma once

#include <xapian.h>

namespace kb {

// What reorders the best matches: the feedback words, and title coverage (the
// share of each one's title that the query's words account for: the article
// whose title *is* the question wins over one whose title has one of its
// words). QueryFeatures::feedback and ::title_coverage.
struct RerankRules {
  bool feedback = true;
  bool title_coverage = true;
};

// One page of matches: those of the reordered best matches, then those after them.
struct FeedbackPage {
  Xapian::MSet reordered, after;
};

// One page (`offset`, `limit`) of the matches of `ranked` within `filter`,
// ordered with feedback: the words the best matches share reorder the first
// matches, and the matches after them keep the words' own order, so pages
// never repeat or skip a match. `match` is `ranked` without its positional
// bonuses (BuiltQuery::match): the first matches are chosen among its best.
FeedbackPage FeedbackRankedPage(const Xapian::Database& db, const Xapian::Query& ranked,
                                const Xapian::Query& match, const Xapian::Query& filter,
                                Xapian::doccount offset, Xapian::doccount limit,
                                RerankRules rules = {});

}  // namespace kb
