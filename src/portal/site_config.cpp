// LoadSiteConfig: `kb serve --site-config FILE`, checked before the server starts.
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "kb/portal/portal.h"

namespace kb::portal {
namespace {

bool IsColor(const std::string& value) {
  static const std::regex kColor("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
  return std::regex_match(value, kColor);
}

// http(s) URLs and site paths only: never javascript: or data: in a link.
bool IsLinkUrl(const std::string& value) {
  return value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0 ||
         (value.rfind("/", 0) == 0 && value.rfind("//", 0) != 0) || value.rfind("mailto:", 0) == 0;
}

Status ReadString(const nlohmann::json& json, const std::string& key, const std::string& file,
                  std::string* out) {
  if (!json.contains(key)) return Status::OK();
  if (!json[key].is_string()) return Status::InvalidArgument(file + ": " + key + " must be text");
  *out = json[key].get<std::string>();
  return Status::OK();
}

Status ReadColors(const nlohmann::json& json, const std::string& file, SiteConfig* site) {
  if (!json.contains("colors")) return Status::OK();
  const nlohmann::json& colors = json["colors"];
  if (!colors.is_object()) return Status::InvalidArgument(file + ": colors must be an object");
  const std::pair<const char*, std::string*> keys[] = {{"accent", &site->accent_color},
                                                       {"background", &site->background_color},
                                                       {"text", &site->text_color}};
  for (const auto& [key, key_out] : keys) {
    if (Status s = ReadString(colors, key, file, key_out); !s.ok()) return s;
    if (!IsColor(*key_out))
      return Status::InvalidArgument(file + ": colors." + key + " must be #rgb or #rrggbb");
  }
  for (const auto& item : colors.items()) {
    if (item.key() != "accent" && item.key() != "background" && item.key() != "text")
      return Status::InvalidArgument(file + ": unknown key colors." + item.key());
  }
  return Status::OK();
}

}  // namespace

Result<SiteConfig> LoadSiteConfig(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Status::IOError("cannot read site config " + file);
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) return Status::InvalidArgument(file + ": not a JSON object");
  SiteConfig site;
  for (const auto& item : json.items()) {
    static const char* kKeys[] = {"name", "default_lang", "ticket_url", "logo_url", "colors"};
    if (std::find(std::begin(kKeys), std::end(kKeys), item.key()) == std::end(kKeys))
      return Status::InvalidArgument(file + ": unknown key " + item.key());
  }
  const std::pair<const char*, std::string*> keys[] = {{"name", &site.name},
                                                       {"default_lang", &site.default_lang},
                                                       {"ticket_url", &site.ticket_url},
                                                       {"logo_url", &site.logo_url}};
  for (const auto& [key, out] : keys) {
    if (Status s = ReadString(json, key, file, out); !s.ok()) return s;
  }
  if (Status s = ReadColors(json, file, &site); !s.ok()) return s;
  if (!site.ticket_url.empty() && !IsLinkUrl(site.ticket_url))
    return Status::InvalidArgument(file + ": ticket_url must be an http(s), mailto: or /path URL");
  if (!site.logo_url.empty() && !IsLinkUrl(site.logo_url))
    return Status::InvalidArgument(file + ": logo_url must be an http(s) or /path URL");
  return site;
}

}  // namespace kb::portal
