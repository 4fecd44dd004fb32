#include "templates.h"

#include <atomic>
#include <fstream>
#include <sstream>

#include "kb/core/html.h"

namespace kb::portal {

namespace {

std::atomic<uint64_t> next_id{1};

// One thread's parsed templates: (set id, name) -> template.
using ParsedCache = std::map<std::pair<uint64_t, std::string>, kainjow::mustache::mustache>;

}  // namespace

Templates::Templates() : id_(next_id++) {}

Result<Templates> Templates::Load(const std::string& dir, const std::vector<std::string>& names) {
  Templates templates;
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name + ".mustache";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return Status::InvalidArgument(path + ": cannot read");
    kainjow::mustache::mustache parsed(text.str());
    if (!parsed.is_valid()) return Status::InvalidArgument(path + ": " + parsed.error_message());
    templates.text_[name] = text.str();
  }
  return templates;
}

std::string Templates::Render(const std::string& name, const TemplateData& data) const {
  thread_local ParsedCache cache;
  auto it = cache.find({id_, name});
  if (it == cache.end()) {
    kainjow::mustache::mustache parsed(text_.at(name));
    parsed.set_custom_escape([](const std::string& text) { return EscapeHtml(text); });
    it = cache.emplace(std::make_pair(id_, name), std::move(parsed)).first;
  }
  return it->second.render(data);
}

TemplateData Templates::Partial(const std::string& name) const {
  const std::string& text = text_.at(name);
  return TemplateData(kainjow::mustache::partial([&text] { return text; }));
}

}  // namespace kb::portal
