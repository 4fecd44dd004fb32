#include "article_lists.h"

#include <algorithm>
#include <map>

#include "greeklish_table.h"
#include "kb/analysis/language_profile.h"
#include "schema.h"

namespace kb {
namespace {

constexpr size_t kRelatedTerms = 25;  // stems of the article used to find similar ones
constexpr Xapian::termcount kWildcardExpansion = 50;  // terms a partial word may expand to

Xapian::Query Filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

std::vector<ArticleSummary> Summaries(const Xapian::MSet& mset) {
  std::vector<ArticleSummary> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(SummaryOf(it.get_document()));
  return out;
}

// Accepts stems of body and title words (not boolean filter terms) that some
// other article has too: a stem only this article has finds nothing, and
// Hebrew prefix splits produce many of those, which would crowd out the rest.
class SharedStems : public Xapian::ExpandDecider {
 public:
  explicit SharedStems(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return !schema::StemOfTerm(term).empty() && db_.get_termfreq(term) > 1;
  }

 private:
  const Xapian::Database& db_;
};

// In a suggestion in a language typed in other letters (Greek), a word in
// those letters may be transliterated (Greeklish, index/greeklish_table.h):
// the title terms of the words it stands for, or (`partial`) may complete
// to. None for other languages and words.
std::vector<std::string> GreeklishTitleTerms(const Xapian::Database& db, const Token& token,
                                             const std::string& lang, bool partial) {
  const analysis::LanguageProfile* profile = analysis::ProfileFor(lang);
  if (profile == nullptr || profile->transliteration == nullptr) return {};
  const analysis::Transliteration& typed = *profile->transliteration;
  if (!typed.is_typed_word(token.term)) return {};
  const GreekForms greek = partial ? GreekFormsOfGreeklishPrefix(db, typed, token.term)
                                   : GreekFormsOfGreeklish(db, typed, token.term);
  return schema::TitleTerms(greek.exact, greek.stems);
}

// The terms a partial last word may complete to: title words and title
// stems, and `also` (Greeklish).
Xapian::Query PartialWord(const Token& token, const std::vector<std::string>& also) {
  std::vector<Xapian::Query> options;
  auto wildcard = [&](const std::string& prefix) {
    options.emplace_back(Xapian::Query::OP_WILDCARD, prefix, kWildcardExpansion,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  };
  wildcard(schema::Term(schema::kTitle, token.term));
  for (const std::string& stem : token.stems) wildcard(schema::Term(schema::kTitleStem, stem));
  for (const std::string& term : also) options.emplace_back(term);
  return Xapian::Query(Xapian::Query::OP_OR, options.begin(), options.end());
}

Xapian::Query CompleteWord(const Token& token, const std::vector<std::string>& also) {
  std::vector<std::string> terms = schema::TitleTerms({token.term}, token.stems);
  terms.insert(terms.end(), also.begin(), also.end());
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query VisibleTo(bool agent) {
  return agent ? Xapian::Query::MatchAll : Xapian::Query(schema::kPublicTerm);
}

ArticleSummary SummaryOf(const Xapian::Document& doc) {
  ArticleSummary s;
  s.id = doc.get_value(schema::kSlotId);
  s.title = doc.get_value(schema::kSlotTitle);
  s.lang = doc.get_value(schema::kSlotLang);
  s.category = doc.get_value(schema::kSlotCategory);
  s.url = "/kb/" + s.id;
  const std::string order = doc.get_value(schema::kSlotOrder);
  s.order = order.empty() ? 0 : static_cast<int>(Xapian::sortable_unserialise(order));
  return s;
}

std::vector<ArticleSummary> RelatedArticles(const Xapian::Database& db, Xapian::docid did,
                                            const std::string& id, const std::string& lang,
                                            const std::string& translation_root, bool agent,
                                            size_t limit) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(did);
  SharedStems decider(db);
  const Xapian::ESet eset = enquire.get_eset(kRelatedTerms, rset, &decider);
  if (eset.empty()) return {};
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
  // Never the article itself or any translation of the same source.
  const Xapian::Query excluded[] = {Xapian::Query(schema::IdTerm(id)),
                                    Xapian::Query(schema::IdTerm(translation_root)),
                                    Xapian::Query(schema::TranslationOfTerm(translation_root))};
  Xapian::Query like(Xapian::Query::OP_AND_NOT,
                     Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                     Xapian::Query(Xapian::Query::OP_OR, std::begin(excluded), std::end(excluded)));
  like = Filtered(like, VisibleTo(agent));
  const Xapian::Query same_lang(schema::LangTerm(lang));

  enquire.set_query(Filtered(like, same_lang));
  std::vector<ArticleSummary> out =
      Summaries(enquire.get_mset(0, static_cast<Xapian::doccount>(limit)));
  if (out.size() < limit) {  // then other languages
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, like, same_lang));
    for (ArticleSummary& s :
         Summaries(enquire.get_mset(0, static_cast<Xapian::doccount>(limit - out.size()))))
      out.push_back(std::move(s));
  }
  return out;
}

std::vector<FaqCategory> FaqArticles(const Xapian::Database& db, const FaqRequest& request) {
  const Xapian::Query listed =
      request.faq_only ? Xapian::Query(schema::kFaqTerm) : Xapian::Query::MatchAll;
  Xapian::Query query = Filtered(listed, VisibleTo(request.agent));
  if (!request.lang.empty()) query = Filtered(query, Xapian::Query(schema::LangTerm(request.lang)));
  if (!request.category.empty())
    query =
        Filtered(query, Xapian::Query(schema::BooleanTerm(schema::kCategory, request.category)));
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::map<std::string, std::vector<ArticleSummary>> by_category;
  for (ArticleSummary& s : Summaries(enquire.get_mset(0, db.get_doccount())))
    by_category[s.category].push_back(std::move(s));
  std::vector<FaqCategory> out;
  for (auto& [category, articles] : by_category) {
    // Editor-controlled order first (unset = 0 goes last), then by title.
    std::stable_sort(articles.begin(), articles.end(),
                     [](const ArticleSummary& a, const ArticleSummary& b) {
                       const bool a_set = a.order != 0, b_set = b.order != 0;
                       if (a_set != b_set) return a_set;
                       if (a.order != b.order) return a.order < b.order;
                       return a.title < b.title;
                     });
    out.push_back({category, std::move(articles)});
  }
  return out;
}

std::vector<ArticleSummary> SuggestTitles(const Xapian::Database& db, Analyzer& analyzer,
                                          const SuggestRequest& request, const std::string& lang) {
  std::vector<Token> tokens = analyzer.AnalyzeQuery(request.prefix, lang);
  if (tokens.empty()) return {};
  // The last word is still being typed unless the prefix ends with a space.
  const bool last_partial = !request.prefix.empty() && tokens.back().end == request.prefix.size();
  std::vector<Xapian::Query> words;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool partial = last_partial && i + 1 == tokens.size();
    if (!partial && tokens[i].stopword) continue;
    const std::vector<std::string> greek = GreeklishTitleTerms(db, tokens[i], lang, partial);
    words.push_back(partial ? PartialWord(tokens[i], greek) : CompleteWord(tokens[i], greek));
  }
  if (words.empty()) return {};
  Xapian::Query query = Filtered(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                                 VisibleTo(request.agent));
  Xapian::Enquire enquire(db);
  if (!lang.empty()) {
    enquire.set_query(Filtered(query, Xapian::Query(schema::LangTerm(lang))));
    auto same = Summaries(enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit)));
    if (!same.empty()) return same;
  }
  enquire.set_query(query);
  return Summaries(enquire.get_mset(0, static_cast<Xapian::doccount>(request.limit)));
}

}  // namespace kb
