// CheckArticles: `kb check`, the editors' linter. See kb/publish/check.h.
#include <algorithm>
#include <map>
#include <set>

#include "kb/articles/id_key.h"
#include "kb/articles/link_target.h"
#include "kb/articles/markdown_links.h"
#include "kb/publish/check.h"

namespace kb {
namespace {

using Severity = CheckFinding::Severity;

struct Parsed {
  Article article;
  std::string bytes;
};

class Checker {
 public:
  explicit Checker(const CheckInput& input) : input_(input) {}

  CheckReport Run() {
    const Diagnosed<std::vector<ArticleSource::Entry>> listed = input_.source->List();
    const std::vector<ArticleSource::Entry>& entries = listed.value;
    AddErrors(listed.diagnostics);
    for (const auto& entry : entries) ids_.insert(entry.id);
    for (const auto& entry : entries) Load(entry);
    for (const auto& [id, parsed] : parsed_) {
      AddErrors(CheckTranslationOf(parsed.article, ids_));
      CheckLinks(parsed);
    }
    CheckDuplicateTitles();
    CheckTranslations();
    std::sort(report_.findings.begin(), report_.findings.end(), [](const auto& a, const auto& b) {
      return std::tie(a.where.path, a.where.line) < std::tie(b.where.path, b.where.line);
    });
    report_.articles = entries.size();
    return std::move(report_);
  }

 private:
  void Add(Severity severity, ArticleError where) {
    report_.findings.push_back({severity, std::move(where)});
  }
  void AddErrors(const Diagnostics& errors) {
    for (const ArticleError& e : errors) Add(Severity::kError, e);
  }

  void Load(const ArticleSource::Entry& entry) {
    Diagnosed<std::string> bytes = input_.source->Read(entry);
    if (!bytes.ok()) return AddErrors(bytes.diagnostics);
    Diagnosed<Article> article = ParseArticle(entry.id, entry.path, bytes.value);
    if (!article.ok()) return AddErrors(article.diagnostics);
    parsed_.emplace(entry.id, Parsed{std::move(article.value), std::move(bytes.value)});
  }

  // True when `file` lies in the folder (or a subfolder) of an article, as the
  // portal requires to serve it (kb/portal/portal.h, ArticleFile).
  bool BesideAnArticle(const std::string& file) const {
    for (const std::string& id : ids_) {
      const size_t slash = id.rfind('/');
      const std::string folder = slash == std::string::npos ? "" : id.substr(0, slash + 1);
      if (file.compare(0, folder.size(), folder) == 0) return true;
    }
    return false;
  }

  void CheckLinks(const Parsed& parsed) {
    const Article& a = parsed.article;
    for (const MarkdownLink& link : ExtractLinks(parsed.bytes)) {
      const std::string& t = link.target;
      const LinkTarget target = ResolveLinkTarget(a.id, t);
      if (target.kind == LinkKind::kElsewhere || target.kind == LinkKind::kSite) continue;
      if (link.image) {
        if (t[0] == '/') continue;  // site assets, not in the repository
        if (target.kind == LinkKind::kOutside) {
          Add(Severity::kError,
              {a.path, link.line, "image '" + t + "' points outside the articles"});
          continue;
        }
        const std::string file = target.path + (target.kind == LinkKind::kArticle ? ".md" : "");
        if (!input_.file_exists(file))
          Add(Severity::kError,
              {a.path, link.line, "missing image '" + t + "' (no file " + file + ")"});
        else if (!BesideAnArticle(file))
          Add(Severity::kError, {a.path, link.line,
                                 "image '" + t +
                                     "' is not in the folder of an article: the portal serves only "
                                     "files beside articles"});
        continue;
      }
      // A relative link ending in .md that climbs out of the root is a broken article link.
      const std::string path = t.substr(0, t.find_first_of("#?"));
      const bool outside_md = target.kind == LinkKind::kOutside && path.size() > 3 &&
                              path.compare(path.size() - 3, 3, ".md") == 0;
      if (target.kind != LinkKind::kArticle && !outside_md) continue;  // not a link to an article
      const std::string& id = target.path;
      auto it = parsed_.find(id);
      if (id.empty() || !ids_.count(id)) {
        Add(Severity::kError,
            {a.path, link.line, "broken link '" + t + "': no article " + (id.empty() ? t : id)});
      } else if (it != parsed_.end() && it->second.article.draft && !a.draft) {
        Add(Severity::kWarning, {a.path, link.line, "link '" + t + "' points to a draft"});
      }
    }
  }

  // The file line of the front matter's `title:` key (1 if not found).
  static int TitleLine(const std::string& bytes) {
    int line = 1;
    for (size_t start = 0; start < bytes.size(); ++line) {
      if (bytes.compare(start, 6, "title:") == 0) return line;
      const size_t end = bytes.find('\n', start);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return 1;
  }

  void CheckDuplicateTitles() {
    std::map<std::pair<std::string, std::string>, std::string> first;
    for (const auto& [id, parsed] : parsed_) {
      const Article& a = parsed.article;
      if (a.draft) continue;
      auto [it, inserted] = first.emplace(std::make_pair(a.lang, ArticleIdKey(a.title)), a.path);
      if (!inserted)
        Add(Severity::kWarning, {a.path, TitleLine(parsed.bytes),
                                 "duplicate title in '" + a.lang + "': same as " + it->second});
    }
  }

  // Missing: a source article (no translation_of) in language S lacks a
  // translation into a language L that other S articles are translated into.
  void CheckTranslations() {
    std::map<std::string, std::set<std::string>> group_langs;  // source id -> languages present
    for (const auto& [id, parsed] : parsed_) {
      const Article& a = parsed.article;
      if (a.draft) continue;
      group_langs[a.translation_of.empty() ? a.id : a.translation_of].insert(a.lang);
      if (input_.outdated_reason) {
        const std::string reason = input_.outdated_reason(id);
        if (!reason.empty()) Add(Severity::kWarning, {a.path, a.translation_of_line, reason});
      }
    }
    std::map<std::string, std::set<std::string>> targets;  // source language -> translated into
    for (const auto& [root, langs] : group_langs) {
      auto it = parsed_.find(root);
      if (it == parsed_.end()) continue;
      for (const auto& l : langs)
        if (l != it->second.article.lang) targets[it->second.article.lang].insert(l);
    }
    for (const auto& [root, langs] : group_langs) {
      auto it = parsed_.find(root);
      if (it == parsed_.end() || it->second.article.draft ||
          !it->second.article.translation_of.empty())
        continue;
      for (const auto& l : targets[it->second.article.lang])
        if (!langs.count(l))
          Add(Severity::kWarning,
              {it->second.article.path, 1,
               "missing translation: no '" + l + "' article has translation_of: " + root});
    }
  }

  const CheckInput& input_;
  std::set<std::string> ids_;
  std::map<std::string, Parsed> parsed_;
  CheckReport report_;
};

}  // namespace

std::string CheckFinding::ToString() const {
  ArticleError e = where;
  e.message = std::string(severity == Severity::kError ? "error: " : "warning: ") + e.message;
  return e.ToString();
}

size_t CheckReport::errors() const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), [](const auto& f) {
    return f.severity == Severity::kError;
  }));
}

size_t CheckReport::warnings() const { return findings.size() - errors(); }

CheckReport CheckArticles(const CheckInput& input) { return Checker(input).Run(); }

}  // namespace kb
