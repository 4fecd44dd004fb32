// Searcher over the live generation of a DB_DIR (see kb/search.h).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "article_lists.h"
#include "db_dir.h"
#include "facets.h"
#include "feedback.h"
#include "greeklish_table.h"
#include "kb/analysis/analysis.h"
#include "kb/analysis/language_profile.h"
#include "kb/articles/synonyms.h"
#include "kb/index/search.h"
#include "kb/index/search_cache.h"
#include "kb/query/synonym_expander.h"
#include "query_builder.h"
#include "schema.h"
#include "snippet.h"
#include "spelling.h"

namespace kb {
namespace {

using Json = nlohmann::json;

// Facet values returned per facet.
constexpr size_t kMaxFacetValues = 20;

// Matches counted exactly (total and facets); beyond, both may be estimated
// from a sample of about kSampledMatches matches (Count).
constexpr Xapian::doccount kExactCount = 500;
constexpr double kSampledMatches = 1000;

// One snippet passage per section: its heading and its text.
std::vector<std::string> Passages(const Json& data) {
  std::vector<std::string> passages;
  for (const Json& section : data.value("sections", Json::array())) {
    std::string passage = section.value("heading", "");
    const std::string body = section.value("text", "");
    if (!passage.empty() && !body.empty()) passage += "\n";
    passage += body;
    if (!passage.empty()) passages.push_back(std::move(passage));
  }
  return passages;
}

class XapianSearcher : public Searcher {
 public:
  XapianSearcher(std::string db_dir, const QueryFeatures& features,
                 std::shared_ptr<SearchCache> cache)
      : db_dir_(std::move(db_dir)),
        features_(features),
        cache_(std::move(cache)),
        analyzer_(NewAnalyzer()) {}

  Status OpenLive() {
    auto generation = ReadCurrentGeneration(db_dir_);
    if (!generation.ok()) return generation.status();
    Open(*generation);
    return Status::OK();
  }

  void Open(const std::string& generation) {
    db_ = Xapian::Database(GenerationPath(db_dir_, generation));
    generation_ = generation;
  }

  Result<SearchResponse> Search(const SearchRequest& request) override {
    return Guarded<SearchResponse>([&]() -> Result<SearchResponse> {
      if (!cache_) return DoSearch(request);
      const auto start = std::chrono::steady_clock::now();
      // The index as this searcher sees it after Refresh: a publish changes it.
      const std::string index = generation_ + "@" + std::to_string(db_.get_revision());
      if (std::optional<SearchResponse> cached = cache_->Find(index, request)) {
        cached->took_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return std::move(*cached);
      }
      Result<SearchResponse> response = DoSearch(request);
      if (response.ok()) cache_->Put(index, request, *response);
      return response;
    });
  }

  Result<ArticleView> GetArticle(const std::string& id, bool agent) override {
    return Guarded<ArticleView>([&] { return DoGetArticle(id, agent); });
  }

  Result<std::vector<ArticleSummary>> Related(const std::string& id, bool agent,
                                              size_t limit) override {
    return Guarded<std::vector<ArticleSummary>>([&]() -> Result<std::vector<ArticleSummary>> {
      auto found = FindVisible(id, agent);
      if (!found) return Status::NotFound("no article '" + id + "'");
      const std::string root = found->data.value("translation_of", "");
      return RelatedArticles(db_, found->docid, id, found->data.value("lang", ""),
                             root.empty() ? id : root, agent, limit);
    });
  }

  Result<std::vector<FaqCategory>> Faq(const FaqRequest& request) override {
    return Guarded<std::vector<FaqCategory>>(
        [&]() -> Result<std::vector<FaqCategory>> { return FaqArticles(db_, request); });
  }

  Result<std::vector<ArticleSummary>> Suggest(const SuggestRequest& request) override {
    return Guarded<std::vector<ArticleSummary>>([&]() -> Result<std::vector<ArticleSummary>> {
      const std::string lang = ResolveLanguage(request.lang, request.prefix);
      std::vector<ArticleSummary> titles = SuggestTitles(db_, *analyzer_, request, lang);
      // Latin letters that complete no title may be Greeklish still being
      // typed ("pws epanaf"), which detection cannot tell from a few letters.
      if (request.lang.empty() || request.lang == "auto")
        for (const analysis::LanguageProfile* typed : TypedIn(lang)) {
          if (!titles.empty()) break;
          if (HasArticlesIn(typed->code))
            titles = SuggestTitles(db_, *analyzer_, request, typed->code);
        }
      return titles;
    });
  }

  Result<IndexInfo> Info() override {
    return Guarded<IndexInfo>([&]() -> Result<IndexInfo> {
      IndexInfo info;
      info.generation = generation_;
      info.sequence = std::strtoull(db_.get_metadata(schema::kMetaSequence).c_str(), nullptr, 10);
      info.articles = db_.get_doccount();
      info.published_at =
          std::strtoll(db_.get_metadata(schema::kMetaPublishedAt).c_str(), nullptr, 10);
      return info;
    });
  }

 private:
  // Re-opens the index (a publish may have happened), runs `fn`, and turns
  // Xapian exceptions into a Status. A database modified under our feet is
  // retried once, as SCALE.md §4 asks.
  template <typename T, typename Fn>
  Result<T> Guarded(Fn&& fn) {
    for (int attempt = 0;; ++attempt) {
      try {
        if (Status s = Refresh(); !s.ok()) return s;
        return fn();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt > 0) return Status::IOError("index changed during the request; retry");
      } catch (const Xapian::DatabaseNotFoundError&) {
        generation_.clear();  // the generation went away: resolve CURRENT again
        if (attempt > 0) return Status::IOError("index not found");
      } catch (const Xapian::DatabaseCorruptError& e) {
        return Status::Corruption(e.get_msg());
      } catch (const Xapian::Error& e) {
        return Status::IOError(e.get_type() + std::string(": ") + e.get_msg());
      } catch (const Json::exception& e) {
        return Status::Corruption(std::string("bad document data: ") + e.what());
      }
    }
  }

  Status Refresh() {
    auto generation = ReadCurrentGeneration(db_dir_);
    if (!generation.ok()) return generation.status();
    if (*generation != generation_) {
      Open(*generation);  // CURRENT was just read: no need to read it again
    } else {
      db_.reopen();
    }
    return Status::OK();
  }

  Xapian::Query Filters(const SearchRequest& request, const std::string& lang) const {
    Xapian::Query filter = VisibleTo(request.agent);
    auto add = [&filter](const std::string& term) {
      filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, Xapian::Query(term));
    };
    if (!lang.empty()) add(schema::LangTerm(lang));
    // Several values of one field: any of them; different fields: all of them.
    auto add_any = [&filter](std::string_view prefix, const std::vector<std::string>& values) {
      if (values.empty()) return;
      std::vector<std::string> any;
      for (const std::string& value : values) any.push_back(schema::BooleanTerm(prefix, value));
      filter = Xapian::Query(Xapian::Query::OP_FILTER, filter,
                             Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
    };
    std::vector<std::string> categories = request.categories;
    if (!request.category.empty()) categories.push_back(request.category);
    add_any(schema::kCategory, categories);
    add_any(schema::kTag, request.tags);
    return filter;
  }

  struct Matches {
    Xapian::doccount total = 0;
    bool estimated = false;          // total and facet counts from the sample
    std::vector<Xapian::MSet> page;  // the hits: each MSet's in turn
    std::vector<FacetCount> categories, tags;
  };

  // The total and facet counts of `match`: exact up to kExactCount matches.
  // Beyond, counted over enough sample buckets (schema::kSample) for about
  // kSampledMatches matches and scaled up, so a query matching most of a
  // large help center does not visit every match; exact again when sampling
  // would save fewer visits than kExactCount.
  void Count(const Xapian::Query& match, Matches* m) {
    auto counted = [&](const Xapian::Query& query, Xapian::doccount at_least, double scale,
                       bool facets) {
      Xapian::Enquire counting(db_);
      counting.set_query(query);
      counting.set_weighting_scheme(Xapian::BoolWeight());
      std::shared_ptr<const FacetColumn> column;
      std::optional<FacetSpy> spy;
      if (facets) {
        column = FacetColumn::Of(db_);
        counting.add_matchspy(&spy.emplace(*column));
      }
      const Xapian::MSet counts = counting.get_mset(0, 0, at_least);
      if (facets) {
        m->categories = spy->TopCategories(kMaxFacetValues, scale);
        m->tags = spy->TopTags(kMaxFacetValues, scale);
      }
      return counts;
    };
    // First without facets: most queries match more than kExactCount, and
    // then the facets come from the sample, so the first pass only counts.
    const Xapian::MSet first = counted(match, kExactCount + 1, 1, false);
    m->total = first.get_matches_estimated();
    const Xapian::doccount lower = first.get_matches_lower_bound();
    const Xapian::doccount upper = first.get_matches_upper_bound();
    // Xapian may know the total of a query it stopped counting (one word's
    // frequency): the facets can see every match only when there are few.
    if (lower == upper && m->total <= kExactCount) {
      counted(match, kExactCount + 1, 1, true);
      return;
    }
    const unsigned buckets = std::clamp<unsigned>(
        unsigned(std::ceil(double(schema::kSampleBuckets) * kSampledMatches / m->total)), 1,
        schema::kSampleBuckets);
    if (double(m->total) * buckets / schema::kSampleBuckets + kExactCount >= m->total) {
      m->total = counted(match, db_.get_doccount(), 1, true).get_matches_estimated();
      return;
    }
    std::vector<Xapian::Query> sample;
    for (unsigned b = 0; b < buckets; ++b) sample.emplace_back(schema::SampleBucketTerm(b));
    const double scale = double(schema::kSampleBuckets) / buckets;
    const Xapian::MSet sampled =
        counted(Xapian::Query(Xapian::Query::OP_FILTER, match,
                              Xapian::Query(Xapian::Query::OP_OR, sample.begin(), sample.end())),
                db_.get_doccount(), scale, true);
    const auto estimate = Xapian::doccount(std::llround(sampled.get_matches_estimated() * scale));
    m->total = std::clamp(estimate, lower, upper);
    m->estimated = true;
  }

  // One page of matches, and the total and facet counts (Count). Counting
  // runs without weights (no positions, no ranking bonuses: cheap), and only
  // the requested page is ranked, where Xapian can skip what cannot reach it.
  Matches Run(const BuiltQuery& built, const Xapian::Query& filter, const SearchRequest& request) {
    Matches m;
    Count(Xapian::Query(Xapian::Query::OP_FILTER, built.count, filter), &m);
    if (m.total == 0) return m;
    // What the best matches share weighs a little (feedback.h); it reorders
    // the matches, it adds none.
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    if (features_.feedback || features_.title_coverage) {
      FeedbackPage page = FeedbackRankedPage(db_, built.query, built.match, filter, offset, limit,
                                             {features_.feedback, features_.title_coverage});
      m.page = {std::move(page.reordered), std::move(page.after)};
      return m;
    }
    Xapian::Enquire ranking(db_);
    ranking.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.query, filter));
    m.page = {ranking.get_mset(offset, limit)};
    return m;
  }

  Result<SearchResponse> DoSearch(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    SearchResponse response;
    response.query = request.query;
    response.lang_detected = request.lang.empty() || request.lang == "auto";
    response.lang = ResolveLanguage(request.lang, request.query);
    XapianVocabulary vocabulary(db_, response.lang);
    QueryResources resources{analyzer_.get(), &vocabulary, &Synonyms(),
                             DictionaryFor(response.lang), ThesaurusFor(response.lang)};
    resources.features = features_;
    BuiltQuery built = BuildQuery(request.query, response.lang, resources);
    if (!built.suggestion.empty()) {
      response.suggestion = built.suggestion;
      response.corrected = true;
    }
    if (!built.words.empty()) {
      Matches m = Run(built, Filters(request, response.lang), request);
      if (m.total == 0 && !response.lang.empty() && features_.lang_fallback) {
        // Nothing in the requested language: show answers in other languages.
        m = Run(built, Filters(request, ""), request);
        response.fallback = m.total > 0;
      }
      response.total = m.total;
      response.total_estimated = m.estimated;
      for (const Xapian::MSet& part : m.page)
        for (auto it = part.begin(); it != part.end(); ++it)
          response.hits.push_back(MakeHit(it, built, request.agent));
      response.category_facets = std::move(m.categories);
      response.tag_facets = std::move(m.tags);
    }
    response.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return response;
  }

  // A hit from the document's value slots and stored snippet passages; an
  // article indexed without them is read from its JSON data and re-analysed.
  SearchHit MakeHit(const Xapian::MSetIterator& it, const BuiltQuery& built, bool agent) {
    const Xapian::Document doc = it.get_document();
    SearchHit hit;
    hit.score = it.get_percent() / 100.0;
    std::optional<std::string> snippet =
        MakeStoredSnippet(doc.get_value(schema::kSlotSnippets), built.words);
    if (snippet) {
      hit.id = doc.get_value(schema::kSlotId);
      hit.title = doc.get_value(schema::kSlotTitle);
      hit.lang = doc.get_value(schema::kSlotLang);
      hit.category = doc.get_value(schema::kSlotCategory);
      hit.snippet = std::move(*snippet);
    } else {
      const Json data = Json::parse(doc.get_data());
      hit.id = data.value("id", "");
      hit.title = data.value("title", "");
      hit.lang = data.value("lang", "");
      hit.category = data.value("category", "");
      hit.snippet = MakeSnippet(Passages(data), hit.lang, built.words, *analyzer_);
    }
    hit.url = "/kb/" + hit.id;
    // Marked for agents (the portal shows it); customers never get one (their
    // filter leaves internal articles out), so only an agent's hit looks it up:
    // in the audience term's posting list, not the document's whole term list.
    if (agent) {
      const std::string internal = schema::AudienceTerm("internal");
      Xapian::PostingIterator posting = db_.postlist_begin(internal);
      posting.skip_to(*it);
      hit.internal = posting != db_.postlist_end(internal) && *posting == *it;
    }
    return hit;
  }

  // Whether the index has an article (of any audience) in `lang`.
  bool HasArticlesIn(const std::string& lang) const {
    return db_.term_exists(schema::LangTerm(lang));
  }

  // The languages typed in the letters whose usual language `detected` is
  // (Greek in Latin letters, for "en"), whose profiles have a transliteration.
  static std::vector<const analysis::LanguageProfile*> TypedIn(const std::string& detected) {
    const analysis::LanguageProfile* usual = analysis::ProfileFor(detected);
    if (usual == nullptr || analysis::ScriptDefault(usual->script) != usual) return {};
    return analysis::TransliteratedFrom(usual->script);
  }

  // The requested language, or the text's detected by script for "" and "auto"
  // (and Greek for Latin letters that read as Greeklish).
  std::string ResolveLanguage(const std::string& lang, const std::string& text) {
    if (!lang.empty() && lang != "auto") return lang;
    const std::string detected =
        DetectLanguage(text, [this](std::string_view l) { return HasArticlesIn(std::string(l)); });
    // Latin letters may be Greek typed as Greeklish (index/greeklish_table.h).
    for (const analysis::LanguageProfile* typed : TypedIn(detected))
      if (features_.greeklish && HasArticlesIn(typed->code) &&
          ReadsAsGreeklish(db_, *analyzer_, *typed, text, DictionaryFor(detected)))
        return typed->code;
    // Japanese in kanji alone reads as Chinese, Ukrainian without і ї є ґ as
    // Russian: the index decides when it has only one of them.
    if (!detected.empty() && !HasArticlesIn(detected))
      for (const std::string& same_script : SameScriptLanguages(detected))
        if (HasArticlesIn(same_script)) return same_script;
    return detected;
  }

  struct Found {
    Xapian::docid docid;
    Json data;
  };

  // The stored article `id` if the caller may see it (customers never see
  // internal articles), or nothing.
  std::optional<Found> FindVisible(const std::string& id, bool agent) {
    const std::string term = schema::IdTerm(id);
    Xapian::PostingIterator p = db_.postlist_begin(term);
    if (p == db_.postlist_end(term)) return std::nullopt;
    Found found{*p, Json::parse(db_.get_document(*p).get_data())};
    if (!agent && found.data.value("audience", "public") == "internal") return std::nullopt;
    return found;
  }

  std::vector<std::string> Translations(const std::string& id, const std::string& translation_of,
                                        bool agent) {
    // The root article and every translation of it that the caller may see,
    // in one match (ids sorted, as the set sorts them).
    const std::string root = translation_of.empty() ? id : translation_of;
    const Xapian::Query family(Xapian::Query::OP_OR, Xapian::Query(schema::IdTerm(root)),
                               Xapian::Query(schema::TranslationOfTerm(root)));
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, family, VisibleTo(agent)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::set<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ids.insert(it.get_document().get_value(schema::kSlotId));
    ids.erase(id);
    return std::vector<std::string>(ids.begin(), ids.end());
  }

  Result<ArticleView> DoGetArticle(const std::string& id, bool agent) {
    auto found = FindVisible(id, agent);
    if (!found) return Status::NotFound("no article '" + id + "'");
    const Json* data = &found->data;
    ArticleView view;
    view.id = data->value("id", "");
    view.title = data->value("title", "");
    view.lang = data->value("lang", "");
    view.category = data->value("category", "");
    view.audience = data->value("audience", "public");
    view.html = data->value("html", "");
    view.translation_of = data->value("translation_of", "");
    view.tags = data->value("tags", std::vector<std::string>{});
    view.faq = data->value("faq", false);
    view.updated = data->value("updated", int64_t{0});
    view.author = data->value("author", "");
    view.outdated = data->value("outdated", false);
    view.translations = Translations(view.id, view.translation_of, agent);
    return view;
  }

  // The synonym rules of the index, re-analyzed only when a publish changed them.
  const SynonymExpander& Synonyms() {
    const std::string hash = db_.get_metadata(schema::kMetaSynonymsHash);
    if (hash != synonyms_hash_) {
      synonyms_ =
          SynonymExpander(DecodeSynonyms(db_.get_metadata(schema::kMetaSynonyms)), *analyzer_);
      synonyms_hash_ = hash;
    }
    return synonyms_;
  }

  std::string db_dir_;
  QueryFeatures features_;
  std::shared_ptr<SearchCache> cache_;  // null: every search is run
  std::string generation_;
  Xapian::Database db_;
  std::unique_ptr<Analyzer> analyzer_;
  std::string synonyms_hash_;
  SynonymExpander synonyms_;
};

}  // namespace

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& db_dir,
                                                 const QueryFeatures& features,
                                                 std::shared_ptr<SearchCache> cache) {
  auto searcher = std::make_unique<XapianSearcher>(db_dir, features, std::move(cache));
  try {
    if (Status s = searcher->OpenLive(); !s.ok()) return s;
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption(e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IOError(e.get_type() + std::string(": ") + e.get_msg());
  }
  return std::unique_ptr<Searcher>(std::move(searcher));
}

}  // namespace kb
