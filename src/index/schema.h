// The index schema: every term prefix, value slot and metadata key kb uses.
// The indexer (publish.cpp, document_builder.cpp) and the searcher
// (searcher.cpp, query_builder.cpp) both include this file and nothing else
// defines index layout. Documented in docs/index-schema.md.
//
// Conventions follow Xapian Omega (docs/termprefixes.rst): 'Q' unique id,
// 'S' title, 'L' language, 'K' keyword (tag), 'X…' our own, 'Z' stemmed.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace kb::schema {

// Bump when the layout below or the analysis changes meaningfully: a database
// with another version is rebuilt under a new generation (SCALE.md §2).
inline constexpr int kVersion =
    20;  // 2: facet slots; 3: Persian light verbs stem to the infinitive;
         // 4: Greek mediopassive stems like the active; 5: and the passive aorist;
         // 6: Greek verbs stem like their nouns (-ώνω, -εύω, -ίζω);
         // 7: the Greeklish table (synonym table, below);
         // 8: Chinese, Japanese, Korean as character pairs, Thai... as words;
         // 9: Russian ё as е, German ae/oe/ue as umlauts (german2);
         // 10: Traditional Chinese folded to Simplified;
         // 11: hyphenated compounds also as one word (add-ons: addons);
         // 12: stored snippet passages (kSlotSnippets), the counting sample (kSample);
         // 13: English enclitics left out of words (what's: what);
         // 14: a Hebrew stem's doubled ו or י as one letter (פנייה: פני);
         // 15: category and tags in one facets slot;
         // 16: the number of title stems (kSlotTitleStems); Hebrew, Greek and
         //     Persian spelling words one byte a letter;
         // 17: a Hebrew final ת also stems as a feminine noun's ה (מחיקת: מחיק);
         // 18: a Greek passive aorist in -στηκε, -φτηκε, -χτηκε stems like its verb;
         // 19: Persian possessive and comparative endings after a ZWNJ as stopwords;
         // 20: no spelling table; internal articles' words again as XI terms

// ---- terms ---------------------------------------------------------------
// Unprefixed: the folded exact form of every word of title, headings and body,
//   with positions (phrases). Title words get wdf kTitleWdf, headings kHeadingWdf.
// "Z" + stem: stem candidates of every word (no positions; wdf as above).
inline constexpr std::string_view kStem = "Z";
// "S" + exact form of a title word (positional), "ZS" + its stems: title match boosts.
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kTitleStem = "ZS";
// Boolean filter terms (wdf 0):
inline constexpr std::string_view kId = "Q";    // Q<article id> (hashed when too long, see IdTerm)
inline constexpr std::string_view kLang = "L";  // Lhe, Len ...
inline constexpr std::string_view kCategory = "XC";  // XCbilling (category as written, lower-cased)
inline constexpr std::string_view kTag = "K";        // Kpassword (tag as written, lower-cased)
inline constexpr std::string_view kAudience = "XA";  // XApublic | XAinternal
inline constexpr std::string_view kFaq = "XF";       // XFtrue for faq articles
// "XI" + exact form: each word of an internal article, again (wdf 0), so that
// a word's frequency less this term's is how many public articles have it:
// typo repair knows and suggests only public words (index/spelling.h).
inline constexpr std::string_view kInternalWord = "XI";
inline constexpr std::string_view kTranslationOf =
    "XT";  // XT<target id>: this article translates target
// "XS" + bucket: every article is in one of kSampleBuckets buckets ("XS0" ..
// "XS7"), chosen by a hash of its id, so any set of buckets is a sample spread
// evenly over categories and languages, from which the searcher estimates the
// totals and facet counts of queries with very many matches.
inline constexpr std::string_view kSample = "XS";
inline constexpr unsigned kSampleBuckets = 8;
std::string SampleTerm(std::string_view id);
std::string SampleBucketTerm(unsigned bucket);

// ---- synonym table -------------------------------------------------------
// "XG" + Greeklish key -> Greek words and "Z" + their stems
// (index/greeklish_table.h). Not terms: only read for Latin query words.
inline constexpr std::string_view kGreeklishKey = "XG";

inline constexpr unsigned kTitleWdf = 6;
inline constexpr unsigned kHeadingWdf = 3;
inline constexpr unsigned kBodyWdf = 1;
// Gap between the positions of title, each heading and body sections, so a
// phrase never matches across a field boundary.
inline constexpr unsigned kFieldPositionGap = 100;

// ---- value slots -----------------------------------------------------------
inline constexpr Xapian::valueno kSlotId = 0;           // article id, plain UTF-8
inline constexpr Xapian::valueno kSlotUpdated = 1;      // sortable_serialise(seconds since epoch)
inline constexpr Xapian::valueno kSlotContentHash = 2;  // hex SHA-256 of the source file bytes
inline constexpr Xapian::valueno kSlotOrder = 3;        // sortable_serialise(front matter `order`)
inline constexpr Xapian::valueno kSlotCategory = 4;     // category as written
// The category and the tags as written, for facet counts (EncodeFacets,
// facets.h): one value read per counted match instead of two.
inline constexpr Xapian::valueno kSlotFacets = 5;
inline constexpr Xapian::valueno kSlotTitle = 6;  // title (lists: FAQ, related, autocomplete)
inline constexpr Xapian::valueno kSlotLang = 7;   // lang (lists)
// Snippet passages and their analysed tokens (EncodeSnippetPassages, snippet.h):
// search marks matches without re-analysing the text.
inline constexpr Xapian::valueno kSlotSnippets = 8;
// How many distinct title stem terms (kTitleStem) the article has, as
// sortable_serialise: the share of its title a query accounts for is the
// query's title stems it has over this (title coverage, feedback.h).
inline constexpr Xapian::valueno kSlotTitleStems = 9;

// ---- document data ----------------------------------------------------------
// JSON object: id, title, lang, category, tags, audience, faq, order, draft,
// translation_of, html, updated, sections [{level, heading, text}].

// ---- metadata keys ------------------------------------------------------------
inline constexpr const char* kMetaSchema = "kb.schema";             // kVersion as decimal
inline constexpr const char* kMetaSequence = "kb.sequence";         // publish count, decimal
inline constexpr const char* kMetaGeneration = "kb.generation";     // e.g. "gen-000003"
inline constexpr const char* kMetaSource = "kb.source";             // ArticleSource::Describe()
inline constexpr const char* kMetaPublishedAt = "kb.published_at";  // seconds since epoch
inline constexpr const char* kMetaGitCommit = "kb.git_commit";      // reserved for git publishing
// Synonym rules (kb/synonyms.h EncodeSynonyms JSON, built-in + _synonyms.yml)
// and the SHA-256 of that JSON: searchers reload the rules when it changes.
inline constexpr const char* kMetaSynonyms = "kb.synonyms";
inline constexpr const char* kMetaSynonymsHash = "kb.synonyms_hash";

// Terms of a prefix and a value used as it is (a word, a stem, a language,
// an audience); ids, categories and tags have their own functions below.
inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  return term.append(prefix).append(value);
}
// Whether `term` is an exact form (unprefixed): every prefix above starts
// with a capital letter, and exact forms are folded to lower case.
inline bool IsExactForm(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}
inline std::string InternalWordTerm(std::string_view exact_form) {
  return std::string(kInternalWord).append(exact_form);
}
// The stem of a word's stem term (kStem + stem), or "" for any other term,
// title stems (kTitleStem + stem) included.
inline std::string_view StemOfTerm(std::string_view term) {
  if (term.substr(0, kStem.size()) != kStem || term.substr(0, kTitleStem.size()) == kTitleStem)
    return {};
  return term.substr(kStem.size());
}
// The first term after every prefixed one in a sorted term list ('[' follows 'Z').
inline constexpr std::string_view kAfterPrefixedTerms = "[";
inline std::string LangTerm(std::string_view lang) { return Term(kLang, lang); }
inline std::string AudienceTerm(std::string_view audience) { return Term(kAudience, audience); }
inline const std::string kPublicTerm = AudienceTerm("public");
inline const std::string kFaqTerm = Term(kFaq, "true");

// Xapian's hard limit on term length is 245 bytes; leave room for the prefix.
inline constexpr size_t kMaxTermBytes = 240;

// Q-term for an article id; ids too long for a term are replaced by "Q#" + hex SHA-256.
std::string IdTerm(std::string_view id);
// XT-term marking a translation of article `id` (hashed like IdTerm when too long).
std::string TranslationOfTerm(std::string_view id);

// Lower-cased (ASCII) boolean term value for categories and tags.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// The title terms of exact forms (kTitle + form) and of stems (kTitleStem +
// stem), in that order.
std::vector<std::string> TitleTerms(const std::vector<std::string>& exact,
                                    const std::vector<std::string>& stems);

}  // namespace kb::schema
