#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "facets.h"
#include "schema.h"
#include "snippet.h"

namespace kb {
namespace {

// Adds the analyzed words of one field. Positions continue from `*position`
// and a gap follows, so phrases never span two fields.
void AddField(Xapian::Document& doc, const std::vector<Token>& tokens, unsigned wdf, bool title,
              Xapian::termpos* position) {
  const Xapian::termpos base = *position;
  Xapian::termpos last = base;
  for (const Token& token : tokens) {
    if (token.term.empty() || token.term.size() > schema::kMaxTermBytes) continue;
    const Xapian::termpos pos = base + token.position + 1;
    last = std::max(last, pos);
    doc.add_posting(token.term, pos, wdf);
    if (title) doc.add_posting(schema::Term(schema::kTitle, token.term), pos, 1);
    for (const std::string& stem : token.stems) {
      if (stem.empty() || stem.size() >= schema::kMaxTermBytes) continue;
      doc.add_term(schema::Term(schema::kStem, stem), wdf);
      if (title) doc.add_term(schema::Term(schema::kTitleStem, stem), 1);
    }
    for (const std::string& extra : token.extra_terms)
      if (!extra.empty() && extra.size() < schema::kMaxTermBytes) doc.add_term(extra, wdf);
  }
  *position = last + schema::kFieldPositionGap;
}

// How many distinct title stem terms `doc` has (after its title was added).
Xapian::termcount TitleStemCount(const Xapian::Document& doc) {
  Xapian::termcount count = 0;
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(std::string(schema::kTitleStem)); it != doc.termlist_end(); ++it) {
    if ((*it).compare(0, schema::kTitleStem.size(), schema::kTitleStem) != 0) break;
    ++count;
  }
  return count;
}

// Whether `text` ends in a ZWNJ after its last word: its last word would then
// join the first word of what follows, so a passage's heading cannot be
// analysed apart from its body.
bool EndsJoined(const std::string& text, const std::vector<Token>& tokens) {
  static constexpr std::string_view kZwnj = "\u200c";
  const size_t zwnj = text.rfind(kZwnj);
  return zwnj != std::string::npos && (tokens.empty() || zwnj >= tokens.back().end);
}

// The article's snippet passages (one per section: heading, newline, text, as
// the searcher shows them) and their tokens, from the fields' own analysis:
// a heading's tokens, then its text's moved past the heading and newline.
std::string SnippetPassages(const Article& article, const std::vector<std::vector<Token>>& headings,
                            const std::vector<std::vector<Token>>& texts, Analyzer& analyzer) {
  std::vector<std::string> passages;
  std::vector<std::vector<Token>> tokens;
  for (size_t i = 0; i < article.sections.size(); ++i) {
    const Section& section = article.sections[i];
    std::string passage = section.heading;
    if (!passage.empty() && !section.text.empty()) passage += "\n";
    const size_t shift = passage.size();
    passage += section.text;
    if (passage.empty()) continue;
    std::vector<Token> passage_tokens;
    if (!section.heading.empty() && !section.text.empty() &&
        EndsJoined(section.heading, headings[i])) {
      passage_tokens = analyzer.Analyze(passage, article.lang);
    } else {
      passage_tokens = headings[i];
      for (Token token : texts[i]) {
        token.begin += shift;
        token.end += shift;
        passage_tokens.push_back(std::move(token));
      }
    }
    passages.push_back(std::move(passage));
    tokens.push_back(std::move(passage_tokens));
  }
  return EncodeSnippetPassages(passages, tokens);
}

// Each exact form of an internal article again under kInternalWord (schema.h).
void AddInternalWords(Xapian::Document* doc) {
  std::vector<std::string> words;
  for (auto it = doc->termlist_begin(); it != doc->termlist_end(); ++it)
    if (schema::IsExactForm(*it)) words.push_back(*it);
  for (const std::string& word : words) doc->add_boolean_term(schema::InternalWordTerm(word));
}

}  // namespace

std::string EncodeDocumentData(const Article& article) {
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& s : article.sections)
    sections.push_back({{"level", s.heading_level}, {"heading", s.heading}, {"text", s.text}});
  nlohmann::json data = {
      {"id", article.id},
      {"title", article.title},
      {"lang", article.lang},
      {"category", article.category},
      {"tags", article.tags},
      {"audience", AudienceName(article.audience)},
      {"faq", article.faq},
      {"order", article.order},
      {"translation_of", article.translation_of},
      {"html", article.html},
      {"updated", article.updated},
      {"sections", std::move(sections)},
  };
  // Git publishing (docs/git-publishing.md): only written when known.
  if (!article.author.empty()) data["author"] = article.author;
  if (article.outdated) data["outdated"] = true;
  return data.dump();
}

Xapian::Document BuildDocument(const Article& article, Analyzer& analyzer) {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  AddField(doc, analyzer.Analyze(article.title, article.lang), schema::kTitleWdf, true, &position);
  doc.add_value(schema::kSlotTitleStems, Xapian::sortable_serialise(TitleStemCount(doc)));
  std::vector<std::vector<Token>> headings, texts;
  for (const Section& section : article.sections) {
    headings.push_back(section.heading.empty() ? std::vector<Token>()
                                               : analyzer.Analyze(section.heading, article.lang));
    texts.push_back(section.text.empty() ? std::vector<Token>()
                                         : analyzer.Analyze(section.text, article.lang));
    if (!section.heading.empty())
      AddField(doc, headings.back(), schema::kHeadingWdf, false, &position);
    if (!section.text.empty()) AddField(doc, texts.back(), schema::kBodyWdf, false, &position);
  }
  // Tags are words customers type too; index them like headings.
  for (const std::string& tag : article.tags)
    AddField(doc, analyzer.Analyze(tag, article.lang), schema::kHeadingWdf, false, &position);

  doc.add_boolean_term(schema::IdTerm(article.id));
  doc.add_boolean_term(schema::LangTerm(article.lang));
  doc.add_boolean_term(schema::BooleanTerm(schema::kCategory, article.category));
  for (const std::string& tag : article.tags)
    doc.add_boolean_term(schema::BooleanTerm(schema::kTag, tag));
  doc.add_boolean_term(schema::AudienceTerm(AudienceName(article.audience)));
  if (article.audience == Audience::kInternal) AddInternalWords(&doc);
  doc.add_boolean_term(schema::SampleTerm(article.id));
  if (article.faq) doc.add_boolean_term(schema::kFaqTerm);
  if (!article.translation_of.empty())
    doc.add_boolean_term(schema::TranslationOfTerm(article.translation_of));

  doc.add_value(schema::kSlotId, article.id);
  doc.add_value(schema::kSlotUpdated,
                Xapian::sortable_serialise(static_cast<double>(article.updated)));
  doc.add_value(schema::kSlotContentHash, article.content_hash);
  doc.add_value(schema::kSlotOrder, Xapian::sortable_serialise(article.order));
  doc.add_value(schema::kSlotCategory, article.category);
  doc.add_value(schema::kSlotFacets, EncodeFacets(article.category, article.tags));
  doc.add_value(schema::kSlotTitle, article.title);
  doc.add_value(schema::kSlotLang, article.lang);
  doc.add_value(schema::kSlotSnippets, SnippetPassages(article, headings, texts, analyzer));
  doc.set_data(EncodeDocumentData(article));
  return doc;
}

}  // namespace kb
