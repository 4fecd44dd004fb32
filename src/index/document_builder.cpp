#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "schema.h"

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
  for (const Section& section : article.sections) {
    if (!section.heading.empty())
      AddField(doc, analyzer.Analyze(section.heading, article.lang), schema::kHeadingWdf, false,
               &position);
    if (!section.text.empty())
      AddField(doc, analyzer.Analyze(section.text, article.lang), schema::kBodyWdf, false,
               &position);
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
  if (article.faq) doc.add_boolean_term(schema::kFaqTerm);
  if (!article.translation_of.empty())
    doc.add_boolean_term(schema::TranslationOfTerm(article.translation_of));

  doc.add_value(schema::kSlotId, article.id);
  doc.add_value(schema::kSlotUpdated,
                Xapian::sortable_serialise(static_cast<double>(article.updated)));
  doc.add_value(schema::kSlotContentHash, article.content_hash);
  doc.add_value(schema::kSlotOrder, Xapian::sortable_serialise(article.order));
  doc.add_value(schema::kSlotCategory, article.category);
  std::string tags;
  for (const std::string& tag : article.tags) {
    if (!tags.empty()) tags.push_back(schema::kTagSeparator);
    tags += tag;
  }
  doc.add_value(schema::kSlotTags, tags);
  doc.add_value(schema::kSlotTitle, article.title);
  doc.add_value(schema::kSlotLang, article.lang);
  doc.set_data(EncodeDocumentData(article));
  return doc;
}

}  // namespace kb
