// Pseudo-relevance feedback: the words that the best few matches of a query
// share weigh a little in ranking its matches. It learns the help center's
// own vocabulary instead of a hand-written list: of the articles that say
// "refund", those that also say what the best of them say ("reimbursement",
// "card") are more likely about the same thing than one that mentions a
// refund in passing. Measured (docs/ranking.md): it helps on dev2 and on
// dev2 at scale. Its words weigh a tenth of a typed word and only reorder
// matches: they add none (an article with none of the words as typed is not
// a result), so `total` and the facets stay those of the words as typed.
//
// Not thread-safe (Xapian::Enquire); one call per search.
#pragma once

#include <xapian.h>

namespace kb {

// Feedback terms of `ranked` within `filter`, as one OP_OR query already
// scaled to its low weight, for OP_AND_MAYBE; an empty query when nothing
// matches.
Xapian::Query FeedbackQuery(const Xapian::Database& db, const Xapian::Query& ranked,
                            const Xapian::Query& filter);

}  // namespace kb
