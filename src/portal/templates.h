// The portal's Mustache templates (kainjow::mustache, Debian's
// libkainjow-mustache-dev): NAME.mustache files of the templates folder,
// read once. Every {{variable}} is HTML-escaped by kb's one escaper
// (kb/core/html.h); only the triple-brace {{{…}}} places trusted HTML
// (cmark's safe article HTML, snippets, the page inside the layout).
// Thread-safe: each thread renders with its own parsed copy of a template
// (the engine's render is not const), parsed on its first use there.
#pragma once

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <vector>

#include "kb/core/status.h"

namespace kb::portal {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

class Templates {
 public:
  Templates();
  // Reads DIR/NAME.mustache for each name. InvalidArgument "FILE: error"
  // for a missing file or a template the engine cannot parse.
  static Result<Templates> Load(const std::string& dir, const std::vector<std::string>& names);

  // The template `name` (one of those loaded) rendered with `data`.
  std::string Render(const std::string& name, const TemplateData& data) const;
  // The template `name` as a partial ({{> name}}) to set in the data.
  TemplateData Partial(const std::string& name) const;

 private:
  uint64_t id_;  // tells this set's parsed copies from another's in a thread's cache
  std::map<std::string, std::string> text_;
};

}  // namespace kb::portal
