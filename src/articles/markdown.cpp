#include "markdown.h"

#include <cstdlib>

#include "markdown_parse.h"
#include "text_util.h"

namespace kb {
namespace {

// CMARK_OPT_DEFAULT is cmark's safe mode: raw HTML and javascript:/vbscript:/
// file:/data: (except images) URLs never reach the output.
constexpr int kRenderOptions = CMARK_OPT_DEFAULT;

// Accumulates plain text into sections while the AST is walked.
class SectionBuilder {
 public:
  SectionBuilder() { sections_.push_back(Section{}); }

  void StartHeading(int level) {
    Section section;
    section.heading_level = level;
    sections_.push_back(std::move(section));
    in_heading_ = true;
    pending_break_ = false;
  }
  void EndHeading() { in_heading_ = false; }

  // The next text starts a new block: separate it by a blank line.
  void BlockBoundary() { pending_break_ = true; }

  // Whitespace between inline words (soft or hard line break).
  void Separator(char c) {
    std::string& target = Target();
    if (!target.empty() && !IsSpace(target.back())) target.push_back(c);
  }

  void Append(std::string_view text) {
    if (text.empty()) return;
    std::string& target = Target();
    if (pending_break_ && !target.empty()) {
      while (!target.empty() && IsSpace(target.back())) target.pop_back();
      target += in_heading_ ? " " : "\n\n";
    }
    pending_break_ = false;
    target.append(text);
  }

  std::vector<Section> Finish() {
    std::vector<Section> out;
    for (Section& section : sections_) {
      section.heading = std::string(TrimAscii(section.heading));
      section.text = std::string(TrimAscii(section.text));
      if (section.heading_level == 0 && section.text.empty()) continue;
      out.push_back(std::move(section));
    }
    return out;
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
  std::string& Target() { return in_heading_ ? sections_.back().heading : sections_.back().text; }

  std::vector<Section> sections_;
  bool in_heading_ = false;
  bool pending_break_ = false;
};

bool IsBlock(cmark_node_type type) {
  return type >= CMARK_NODE_FIRST_BLOCK && type <= CMARK_NODE_LAST_BLOCK;
}

std::string_view Literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

// An inline raw HTML `<br>` still separates words even though it is omitted.
bool IsLineBreakTag(std::string_view html) {
  return html.size() >= 3 && html[0] == '<' && (html[1] == 'b' || html[1] == 'B') &&
         (html[2] == 'r' || html[2] == 'R');
}

void VisitNode(cmark_event_type event, cmark_node* node, SectionBuilder* builder) {
  const cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_HEADING) {
    if (event == CMARK_EVENT_ENTER) {
      builder->StartHeading(cmark_node_get_heading_level(node));
    } else {
      builder->EndHeading();
    }
    return;
  }
  if (event != CMARK_EVENT_ENTER) {
    if (IsBlock(type)) builder->BlockBoundary();
    return;
  }
  switch (type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      builder->Append(Literal(node));
      break;
    case CMARK_NODE_CODE_BLOCK:
      builder->BlockBoundary();
      builder->Append(TrimLineEnd(Literal(node)));
      builder->BlockBoundary();
      break;
    case CMARK_NODE_SOFTBREAK:
      builder->Separator(' ');
      break;
    case CMARK_NODE_LINEBREAK:
      builder->Separator('\n');
      break;
    case CMARK_NODE_HTML_INLINE:
      if (IsLineBreakTag(Literal(node))) builder->Separator('\n');
      break;
    default:
      if (IsBlock(type)) builder->BlockBoundary();  // includes omitted HTML blocks
      break;
  }
}

std::vector<Section> ExtractSections(cmark_node* document) {
  SectionBuilder builder;
  MarkdownIter iter(cmark_iter_new(document));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    VisitNode(event, cmark_iter_get_node(iter.get()), &builder);
  }
  return builder.Finish();
}

}  // namespace

RenderedBody RenderMarkdown(std::string_view markdown) {
  RenderedBody out;
  const MarkdownTree document = ParseMarkdown(markdown);
  if (!document) return out;  // cmark only fails on allocation failure
  char* html = cmark_render_html(document.get(), kRenderOptions);
  if (html != nullptr) {
    out.html = html;
    std::free(html);
  }
  out.sections = ExtractSections(document.get());
  return out;
}

}  // namespace kb
