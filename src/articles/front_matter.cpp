#include "kb/articles/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <optional>
#include <set>
#include <string>

#include "kb/core/edit_distance.h"
#include "kb/core/language_tag.h"
#include "kb/core/utf8.h"
#include "text_util.h"

namespace kb {
namespace {

constexpr std::string_view kDelimiter = "---";

// Collects errors for one front matter block and converts YAML marks
// (0-based within the block) to file lines.
class FieldContext {
 public:
  FieldContext(std::string_view path, int first_line) : path_(path), first_line_(first_line) {}

  int LineOf(const YAML::Mark& mark) const {
    return mark.is_null() ? first_line_ - 1 : mark.line + first_line_;
  }
  void Error(int line, std::string message) {
    errors_.Add(std::string(path_), line, std::move(message));
  }
  Diagnostics TakeErrors() { return std::move(errors_); }
  int opening_line() const { return first_line_ - 1; }

 private:
  std::string_view path_;
  int first_line_;
  Diagnostics errors_;
};

const char* KindName(const YAML::Node& node) {
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  if (node.IsNull()) return "empty";
  return "a scalar";
}

// Reads a scalar (or null, as "") as trimmed text. False for lists and maps.
bool ReadText(const YAML::Node& node, std::string* text) {
  if (node.IsNull()) {
    text->clear();
    return true;
  }
  if (!node.IsScalar()) return false;
  *text = std::string(TrimAscii(node.Scalar()));
  return true;
}

// Like ReadText, with the "must be a string" error on failure.
bool ReadTextField(const std::string& key, const YAML::Node& value, int line, FieldContext* ctx,
                   std::string* text) {
  if (ReadText(value, text)) return true;
  ctx->Error(line, "'" + key + "' must be a string, not " + KindName(value));
  return false;
}

void ReadTitle(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string title;
  if (!ReadTextField("title", value, line, ctx, &title)) return;
  if (title.empty()) {
    ctx->Error(line, "'title' must not be empty");
    return;
  }
  article->title = std::move(title);
}

void ReadLang(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string tag;
  if (!ReadTextField("lang", value, line, ctx, &tag)) return;
  if (tag.empty()) {
    ctx->Error(line, "'lang' must not be empty");
    return;
  }
  std::optional<std::string> primary =
      PrimaryLanguageSubtag(tag, TagSeparators::kHyphenOrUnderscore);
  if (!primary) {
    ctx->Error(line, "invalid lang '" + tag +
                         "' (expected a BCP-47 language tag such as en, he or pt-BR)");
    return;
  }
  article->lang = std::move(*primary);
}

void ReadCategory(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string category;
  if (!ReadTextField("category", value, line, ctx, &category)) return;
  if (!category.empty()) article->category = std::move(category);  // empty keeps the default
}

void AddTag(std::string tag, std::vector<std::string>* tags) {
  if (tag.empty()) return;
  for (const std::string& t : *tags) {
    if (t == tag) return;
  }
  tags->push_back(std::move(tag));
}

void ReadTags(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string tag;
  if (value.IsNull() || value.IsScalar()) {
    ReadText(value, &tag);
    AddTag(std::move(tag), &article->tags);
    return;
  }
  if (!value.IsSequence()) {
    ctx->Error(line, std::string("'tags' must be a list of strings, not ") + KindName(value));
    return;
  }
  for (const YAML::Node& item : value) {
    if (!ReadText(item, &tag)) {
      ctx->Error(ctx->LineOf(item.Mark()),
                 std::string("'tags' must be a list of strings, but an item is ") + KindName(item));
      continue;
    }
    AddTag(std::move(tag), &article->tags);
  }
}

void ReadAudience(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string audience;
  if (!ReadTextField("audience", value, line, ctx, &audience)) return;
  if (audience.empty() || audience == "public") {
    article->audience = Audience::kPublic;
  } else if (audience == "internal") {
    article->audience = Audience::kInternal;
  } else {
    ctx->Error(line, "unknown audience '" + audience + "' (expected public or internal)");
  }
}

void ReadBool(const std::string& key, const YAML::Node& value, int line, FieldContext* ctx,
              bool* out) {
  if (value.IsScalar() && YAML::convert<bool>::decode(value, *out)) return;
  std::string shown = value.IsScalar() ? "'" + value.Scalar() + "'" : KindName(value);
  ctx->Error(line, "'" + key + "' must be true or false, not " + shown);
}

// `order` places an article in FAQ lists: 1 first; articles without it come last.
void ReadOrder(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  if (value.IsNull()) return;
  int order = 0;
  if (value.IsScalar() && YAML::convert<int>::decode(value, order) && order >= 1) {
    article->order = order;
    return;
  }
  std::string shown = value.IsScalar() ? "'" + value.Scalar() + "'" : KindName(value);
  ctx->Error(line, "'order' must be a positive integer (1 comes first), not " + shown);
}

void ReadTranslationOf(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  std::string target;
  if (!ReadTextField("translation_of", value, line, ctx, &target)) return;
  article->translation_of = NormalizeArticleIdRef(target);
  if (!article->translation_of.empty()) article->translation_of_line = line;
}

void ReadFaq(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  ReadBool("faq", value, line, ctx, &article->faq);
}

void ReadDraft(const YAML::Node& value, int line, FieldContext* ctx, Article* article) {
  ReadBool("draft", value, line, ctx, &article->draft);
}

using FieldReader = void (*)(const YAML::Node&, int, FieldContext*, Article*);

struct Field {
  std::string_view key;
  FieldReader read;
};

// Every front-matter key kb knows (CONTRACT §1, plus `order`), in the order
// messages list them.
constexpr Field kFields[] = {
    {"title", ReadTitle}, {"lang", ReadLang},         {"category", ReadCategory},
    {"tags", ReadTags},   {"audience", ReadAudience}, {"faq", ReadFaq},
    {"draft", ReadDraft}, {"order", ReadOrder},       {"translation_of", ReadTranslationOf},
};

// Keys starting with this are the editors' own metadata: accepted, not read.
constexpr std::string_view kOwnKeyPrefix = "x-";

const Field* FindField(std::string_view key) {
  for (const Field& field : kFields)
    if (field.key == key) return &field;
  return nullptr;
}

// "unknown key 'audiance' (did you mean 'audience'?)", or the list of known
// keys when none is near. An unknown key is an error, never ignored: a
// misspelled `audience: internal` would otherwise publish an internal article.
std::string UnknownKeyMessage(const std::string& key) {
  std::string lowered(key);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Two edits only in longer keys: "owner" is not a misspelled "order".
  const size_t max_edits = lowered.size() >= 6 ? 2 : 1;
  const Field* nearest = nullptr;
  size_t best = max_edits + 1;
  for (const Field& field : kFields) {
    const size_t d = BoundedEditDistance(lowered, field.key, max_edits);
    if (d < best && d < field.key.size()) best = d, nearest = &field;
  }
  std::string message = "unknown key '" + EscapeInvalidUtf8(key) + "'";
  if (nearest) return message + " (did you mean '" + std::string(nearest->key) + "'?)";
  message += " (known keys:";
  for (const Field& field : kFields) message += " " + std::string(field.key);
  return message + "; editors' own keys start with '" + std::string(kOwnKeyPrefix) + "')";
}

void ReadField(const std::string& key, const YAML::Node& value, int line, FieldContext* ctx,
               Article* article) {
  if (const Field* field = FindField(key)) return field->read(value, line, ctx, article);
  if (key.compare(0, kOwnKeyPrefix.size(), kOwnKeyPrefix) == 0) return;
  ctx->Error(line, UnknownKeyMessage(key));
}

void ReadMapping(const YAML::Node& root, FieldContext* ctx, Article* article) {
  std::set<std::string> seen;
  // Range-for copies each pair: it->first would dangle (the iterator's proxy
  // is a temporary).
  for (const auto& pair : root) {
    const YAML::Node& key_node = pair.first;
    const int line = ctx->LineOf(key_node.Mark());
    if (!key_node.IsScalar()) {
      ctx->Error(line,
                 std::string("a front matter key must be a plain name, not ") + KindName(key_node));
      continue;
    }
    const std::string key = key_node.Scalar();
    if (!seen.insert(key).second) {
      ctx->Error(line, "duplicate key '" + key + "'");
      continue;
    }
    ReadField(key, pair.second, line, ctx, article);
  }
  if (seen.count("title") == 0) ctx->Error(ctx->opening_line(), "missing required field 'title'");
  if (seen.count("lang") == 0) ctx->Error(ctx->opening_line(), "missing required field 'lang'");
}

// Loads the YAML text; on a syntax error reports it at its file line.
bool LoadYaml(std::string_view yaml, FieldContext* ctx, YAML::Node* root) {
  try {
    *root = YAML::Load(std::string(yaml));
    return true;
  } catch (const YAML::Exception& e) {
    // yaml-cpp quotes one byte of an unknown escape, which may cut a character.
    ctx->Error(ctx->LineOf(e.mark), "invalid YAML in front matter: " + EscapeInvalidUtf8(e.msg));
  } catch (const std::exception& e) {
    ctx->Error(ctx->opening_line(), std::string("cannot read front matter: ") + e.what());
  }
  return false;
}

}  // namespace

Diagnosed<FrontMatterSplit> SplitFrontMatter(std::string_view text, std::string_view path) {
  Diagnosed<FrontMatterSplit> split;
  size_t line_end = text.find('\n');
  if (TrimLineEnd(text.substr(0, line_end)) != kDelimiter) {
    split.diagnostics.Add(std::string(path), 1,
                          "missing front matter (the file must start with a '---' line)");
    return split;
  }
  const size_t yaml_begin = line_end == std::string_view::npos ? text.size() : line_end + 1;
  size_t pos = yaml_begin;
  while (pos < text.size()) {
    line_end = text.find('\n', pos);
    const size_t end = line_end == std::string_view::npos ? text.size() : line_end;
    const size_t next = line_end == std::string_view::npos ? text.size() : line_end + 1;
    if (TrimLineEnd(text.substr(pos, end - pos)) == kDelimiter) {
      split.value.yaml = text.substr(yaml_begin, pos - yaml_begin);
      split.value.body = text.substr(next);
      split.value.yaml_first_line = 2;
      return split;
    }
    pos = next;
  }
  split.diagnostics.Add(std::string(path), 1,
                        "front matter is not closed (no '---' line after the opening '---')");
  return split;
}

Diagnostics ParseFrontMatter(const FrontMatterSplit& split, std::string_view path,
                             Article* article) {
  FieldContext ctx(path, split.yaml_first_line);
  if (const size_t bad = FindYamlForbiddenChar(split.yaml); bad != std::string_view::npos) {
    ctx.Error(split.yaml_first_line + PositionOf(split.yaml, bad).line - 1,
              YamlForbiddenCharMessage(split.yaml, bad));
    return ctx.TakeErrors();
  }
  YAML::Node root;
  if (!LoadYaml(split.yaml, &ctx, &root)) return ctx.TakeErrors();
  try {
    if (root.IsMap() || root.IsNull()) {
      ReadMapping(root.IsMap() ? root : YAML::Node(YAML::NodeType::Map), &ctx, article);
    } else {
      ctx.Error(ctx.LineOf(root.Mark()),
                "front matter must be a YAML mapping of 'key: value' lines, not " +
                    std::string(KindName(root)));
    }
  } catch (const YAML::Exception& e) {  // defensive: node access should not throw here
    ctx.Error(ctx.LineOf(e.mark), "invalid front matter: " + EscapeInvalidUtf8(e.msg));
  }
  return ctx.TakeErrors();
}

}  // namespace kb
