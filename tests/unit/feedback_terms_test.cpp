// Feedback words computed by kb (index/feedback_terms.h) against Xapian's own
// Enquire::get_eset: the same words in the same order, for relevance sets of
// one to three documents, with the query's words left out, and again after
// the index changed (the kept word frequencies belong to one revision).
#include "index/feedback_terms.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/schema.h"
#include "test_support.h"

namespace {

class FeedbackWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override { return kb::schema::IsExactForm(term); }
};

// Documents of words drawn from a small vocabulary with a skewed
// distribution (so words share frequencies and weights tie), some of them
// also as prefixed terms, which are never feedback words.
void AddDocuments(Xapian::WritableDatabase& db, int count, unsigned seed) {
  std::mt19937 random(seed);
  std::geometric_distribution<int> word(0.08);
  std::uniform_int_distribution<int> length(5, 60);
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    const int words = length(random);
    for (int w = 0; w < words; ++w) {
      const std::string term = "w" + std::to_string(word(random));
      doc.add_term(term);
      if (w % 3 == 0) doc.add_term("Z" + term);
    }
    db.add_document(doc);
  }
  db.commit();
}

std::vector<std::string> XapianWords(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& relevant,
                                     const std::vector<std::string>& query_words, size_t limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, query_words.begin(), query_words.end()));
  Xapian::RSet rset;
  for (Xapian::docid did : relevant) rset.add_document(did);
  const FeedbackWords decider;
  const Xapian::ESet eset = enquire.get_eset(Xapian::termcount(limit), rset, &decider);
  return {eset.begin(), eset.end()};
}

std::vector<std::string> KbWords(const Xapian::Database& db,
                                 const std::vector<Xapian::docid>& relevant,
                                 const std::vector<std::string>& query_words, size_t limit) {
  const std::unordered_set<std::string> exclude(query_words.begin(), query_words.end());
  std::vector<std::string> words;
  for (const kb::FeedbackTerm& t : kb::ExpandFromDocuments(db, relevant, exclude, limit))
    words.push_back(t.term);
  return words;
}

void CheckSameAsXapian(const Xapian::Database& db, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<Xapian::docid> doc(1, db.get_lastdocid());
  for (int round = 0; round < 60; ++round) {
    std::vector<Xapian::docid> relevant;
    for (int i = 0; i <= round % 3; ++i) relevant.push_back(doc(random));
    std::sort(relevant.begin(), relevant.end());
    relevant.erase(std::unique(relevant.begin(), relevant.end()), relevant.end());
    const std::vector<std::string> query_words = {"w" + std::to_string(round % 7), "w1"};
    const size_t limit = round % 2 ? 10 : 4;
    const auto want = XapianWords(db, relevant, query_words, limit);
    CAPTURE(round);
    REQUIRE(!want.empty());
    CHECK(KbWords(db, relevant, query_words, limit) == want);
  }
}

}  // namespace

TEST_CASE("feedback terms: the words, and their order, of Xapian's get_eset") {
  kb::test::TempDir dir("kb-feedback-terms");
  {
    Xapian::WritableDatabase db(dir.Sub("db"), Xapian::DB_CREATE_OR_OPEN);
    AddDocuments(db, 80, 7);
  }
  Xapian::Database db(dir.Sub("db"));
  CheckSameAsXapian(db, 1);

  SUBCASE("a new revision's frequencies, not the kept ones of the one before") {
    {
      Xapian::WritableDatabase writer(dir.Sub("db"), Xapian::DB_OPEN);
      AddDocuments(writer, 120, 8);
    }
    db.reopen();
    CheckSameAsXapian(db, 2);
  }
}

TEST_CASE("feedback terms: no documents or no room teach nothing; prefixed terms never") {
  kb::test::TempDir dir("kb-feedback-terms");
  Xapian::WritableDatabase db(dir.Sub("db"), Xapian::DB_CREATE_OR_OPEN);
  AddDocuments(db, 20, 3);
  CHECK(kb::ExpandFromDocuments(db, {}, {}, 10).empty());
  CHECK(kb::ExpandFromDocuments(db, {1}, {}, 0).empty());
  for (const kb::FeedbackTerm& t : kb::ExpandFromDocuments(db, {1, 2, 3}, {}, 50)) {
    CHECK(kb::schema::IsExactForm(t.term));
    CHECK(t.weight > 0);
  }
  CHECK_FALSE(kb::schema::IsExactForm("Zw1"));
  CHECK_FALSE(kb::schema::IsExactForm(""));
  CHECK(kb::schema::IsExactForm("w1"));
}
