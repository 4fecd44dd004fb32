// ExtractLinks on cmark's parse tree. See kb/articles/markdown_links.h.
#include <algorithm>
#include <cstring>

#include "kb/articles/article_names.h"
#include "kb/articles/front_matter.h"
#include "kb/articles/markdown_links.h"
#include "markdown_parse.h"

namespace kb {
namespace {

// The Markdown body of an article file and the file line it starts on.
struct Body {
  std::string_view text;
  int first_line = 1;
};

// The text after the front matter, or the whole file when it has none.
Body FindBody(std::string_view file_bytes) {
  const std::string_view text = StripBom(file_bytes);
  // ParseArticle reports front matter problems; here they only mean "no body".
  const Diagnosed<FrontMatterSplit> found = SplitFrontMatter(text, "");
  if (!found.ok()) return {text, 1};
  const FrontMatterSplit& split = found.value;
  const auto skipped = text.begin() + (split.body.data() - text.data());
  return {split.body, 1 + static_cast<int>(std::count(text.begin(), skipped, '\n'))};
}

// The line breaks an inline node adds inside its paragraph or heading: soft
// and hard breaks, and the newlines of raw inline HTML. cmark keeps no trace
// of a newline inside a code span or a link destination or title.
int LineBreaksIn(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      return 1;
    case CMARK_NODE_HTML_INLINE: {
      const char* html = cmark_node_get_literal(node);
      return html == nullptr ? 0
                             : static_cast<int>(std::count(html, html + std::strlen(html), '\n'));
    }
    default:
      return 0;
  }
}

// Collects the links of one paragraph or heading at a time, each first with
// the number of line breaks before it in its block; the block's end turns
// that count into a file line.
//
// cmark 0.30 gives blocks their lines but puts an inline node on the line
// where it ends (a link whose text spans lines), and a paragraph straight
// after reference definitions starts, for cmark, at the first definition. So
// a paragraph's links are counted back from its last line, a heading's
// forward from its first (a setext heading's last line is unreliable).
class LinkCollector {
 public:
  explicit LinkCollector(int first_line) : first_line_(first_line) {}

  void Visit(cmark_event_type event, cmark_node* node) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      if (event == CMARK_EVENT_ENTER) {
        block_begin_ = links_.size();
        breaks_ = 0;
      } else {
        EndBlock(node, type);
      }
    } else if (event == CMARK_EVENT_ENTER &&
               (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
      const char* url = cmark_node_get_url(node);
      links_.push_back({0, type == CMARK_NODE_IMAGE, url == nullptr ? "" : url});
      breaks_before_.push_back(breaks_);
    } else if (event == CMARK_EVENT_ENTER) {
      breaks_ += LineBreaksIn(node);
    }
  }

  std::vector<MarkdownLink> Finish() { return std::move(links_); }

 private:
  void EndBlock(cmark_node* block, cmark_node_type type) {
    for (size_t i = block_begin_; i < links_.size(); ++i) {
      const int block_line = type == CMARK_NODE_PARAGRAPH
                                 ? cmark_node_get_end_line(block) - (breaks_ - breaks_before_[i])
                                 : cmark_node_get_start_line(block) + breaks_before_[i];
      links_[i].line = first_line_ - 1 + block_line;
    }
  }

  const int first_line_;
  std::vector<MarkdownLink> links_;
  std::vector<int> breaks_before_;  // per link: the line breaks before it in its block
  size_t block_begin_ = 0;
  int breaks_ = 0;
};

}  // namespace

std::vector<MarkdownLink> ExtractLinks(std::string_view file_bytes) {
  const Body body = FindBody(file_bytes);
  const MarkdownTree document = ParseMarkdown(body.text);
  if (!document) return {};  // cmark only fails on allocation failure
  LinkCollector collector(body.first_line);
  const MarkdownIter iter(cmark_iter_new(document.get()));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    collector.Visit(event, cmark_iter_get_node(iter.get()));
  }
  return collector.Finish();
}

}  // namespace kb
