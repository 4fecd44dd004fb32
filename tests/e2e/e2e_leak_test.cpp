// End-to-end: a customer finds no trace of an internal article through any
// route. Data-driven: the routes and their parameters come from the served
// OpenAPI document (generated from the route table), so a route added later
// is probed too, or fails this test loudly when it has a path parameter the
// test does not know how to fill. What must not leak comes from the fixture:
// each internal article's id, its title, and the words that occur in no
// public article (nor in the OpenAPI document's own text).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "e2e_env.h"

using kb_e2e::Env;
using kb_e2e::PercentEncode;
using nlohmann::json;

namespace {

// Lower-case ASCII words (letters, digits and any non-ASCII byte), 5 bytes or longer.
std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (const char ch : text + " ") {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else {
      if (word.size() >= 5) words.insert(word);
      word.clear();
    }
  }
  return words;
}

struct Secrets {
  std::vector<std::string> ids, titles;
  std::set<std::string> words;  // in internal articles only
};

Secrets InternalArticles(const std::string& root, const std::string& openapi_text) {
  Secrets secrets;
  std::set<std::string> internal_words, public_words = Words(openapi_text);
  namespace fs = std::filesystem;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".md" || name[0] == '_') continue;
    const std::string text = kb_e2e::ReadTextFile(entry.path().string());
    const std::set<std::string> words = Words(text);
    if (text.find("\naudience: internal") == std::string::npos) {
      public_words.insert(words.begin(), words.end());
      continue;
    }
    internal_words.insert(words.begin(), words.end());
    std::string id = fs::relative(entry.path(), root).replace_extension().string();
    secrets.ids.push_back(id);
    const size_t title = text.find("\ntitle: ");
    if (title != std::string::npos)
      secrets.titles.push_back(text.substr(title + 8, text.find('\n', title + 8) - title - 8));
  }
  for (const std::string& w : internal_words)
    if (!public_words.count(w)) secrets.words.insert(w);
  return secrets;
}

// What a customer might send: titles, ids, internal-only words and their starts.
std::vector<std::string> Probes(const Secrets& s) {
  std::vector<std::string> probes = s.titles;
  probes.insert(probes.end(), s.ids.begin(), s.ids.end());
  // Every third internal-only word (and the start of each), to bound the requests.
  size_t n = 0;
  for (const std::string& w : s.words) {
    if (n++ % 3 != 0 && w != "zorblax") continue;
    probes.push_back(w);
    if (w.size() > 6 && static_cast<unsigned char>(w[0]) < 0x80) probes.push_back(w.substr(0, 4));
  }
  return probes;
}

// An id as a customer might spell it in a URL to get around a check.
std::vector<std::string> IdTricks(const std::string& id) {
  std::string upper = id;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  std::string encoded_slashes = id;
  for (size_t at; (at = encoded_slashes.find('/')) != std::string::npos;)
    encoded_slashes.replace(at, 1, "%2F");
  const size_t slash = id.rfind('/');
  const std::string dir = id.substr(0, slash), leaf = id.substr(slash + 1);
  return {id,
          PercentEncode(id),
          encoded_slashes,
          std::string(encoded_slashes).replace(encoded_slashes.find("%2F"), 3, "%252F"),
          upper,
          id + "/",
          id + ".md",
          "./" + id,
          dir + "/../" + dir.substr(dir.rfind('/') + 1) + "/" + leaf,
          dir + "/./" + leaf,
          dir + "//" + leaf,
          id + "%20",
          id + "%00",
          "%2E/" + id};
}

json Resolve(const json& doc, const json& param) {
  if (!param.contains("$ref")) return param;
  const std::string ref = param["$ref"];  // "#/components/parameters/Name"
  return doc["components"]["parameters"][ref.substr(ref.rfind('/') + 1)];
}

// The body without what merely echoes the request (a search's "query", an
// error's message), which are the customer's own words, not the index's.
std::string WithoutEcho(const std::string& body) {
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return body;
  parsed.erase("query");
  parsed.erase("next_page");  // Zendesk's page links repeat the query
  parsed.erase("previous_page");
  if (parsed.contains("error") && parsed["error"].is_object()) parsed["error"].erase("message");
  return parsed.dump();
}

class LeakCheck {
 public:
  LeakCheck(Env& env, const Secrets& secrets) : env_(env), secrets_(secrets) {}

  void Get(const std::string& target) {
    Check(target, env_.Get(target));
    ++requests_;
  }
  void Post(const std::string& target, const std::string& body) {
    auto client = env_.server().Client();
    Check(target, kb_e2e::ToHttpReply(client->Post(target, body, "application/json")));
    ++requests_;
  }
  int requests() const { return requests_; }

 private:
  void Check(const std::string& target, const kb_e2e::HttpReply& reply) {
    INFO("GET ", target, " -> ", reply.status);
    REQUIRE(reply.status != -1);
    CHECK(reply.status < 500);
    const std::string body = WithoutEcho(reply.body);
    for (const std::string& id : secrets_.ids) {
      INFO("internal id ", id, " in ", body.substr(0, 600));
      CHECK(body.find(id) == std::string::npos);
    }
    for (const std::string& title : secrets_.titles) {
      INFO("internal title ", title, " in ", body.substr(0, 600));
      CHECK(body.find(title) == std::string::npos);
    }
    for (const std::string& word : Words(body)) {
      INFO("internal-only word ", word, " in ", body.substr(0, 600));
      CHECK(secrets_.words.count(word) == 0);
    }
  }
  Env& env_;
  const Secrets& secrets_;
  int requests_ = 0;
};

}  // namespace

TEST_SUITE_BEGIN("leaks");

TEST_CASE("a customer finds no internal article's id, title or words through any route") {
  Env env;
  env.StartServer();
  const kb_e2e::HttpReply served = env.Get("/api/v1/openapi.json");
  REQUIRE(served.status == 200);
  const json& doc = served.json;
  const Secrets secrets = InternalArticles(env.articles(), served.body);
  REQUIRE(secrets.ids.size() >= 3);
  REQUIRE(secrets.words.count("zorblax") == 1);  // the fixture's marker word
  const std::vector<std::string> probes = Probes(secrets);
  const std::vector<std::string> languages = {"auto", "en", "he", "fa", "el"};
  LeakCheck check(env, secrets);

  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      INFO(method, " ", path);
      std::vector<json> query, required;
      bool has_id = false;
      for (const json& p : operation.value("parameters", json::array())) {
        const json param = Resolve(doc, p);
        if (param["in"] == "path") {
          // Only {id} (an article id) is known here: a new kind must be taught to this test.
          REQUIRE_MESSAGE(param["name"] == "id", "uncovered path parameter in ", path);
          has_id = true;
        } else if (param["in"] == "query") {
          (param.value("required", false) ? required : query).push_back(param);
        }
      }
      if (method == "post") {
        for (const std::string& probe : probes) check.Post(path, json{{"q", probe}}.dump());
        continue;
      }
      REQUIRE_MESSAGE(method == "get", "uncovered method ", method, " on ", path);
      std::vector<std::string> paths = {path};
      if (has_id) {
        paths.clear();
        for (const std::string& id : secrets.ids)
          for (const std::string& trick : IdTricks(id)) {
            std::string p = path;
            p.replace(p.find("{id}"), 4, trick);
            paths.push_back(p);
          }
      }
      for (const std::string& p : paths) {
        if (required.empty()) check.Get(p);
        for (const std::string& probe : probes) {
          kb_e2e::Params base;
          for (const json& r : required) base.emplace_back(r["name"], probe);
          if (!required.empty() || has_id) check.Get(kb_e2e::WithParams(p, base));
          for (const json& o : query) {
            const std::string name = o["name"];
            const json schema = o.value("schema", json::object());
            std::vector<std::string> values = {probe};
            if (schema.value("type", "") == "integer") values = {"50", "0", "1"};
            if (schema.contains("enum"))
              values.assign(schema["enum"].begin(), schema["enum"].end());
            if (name == "lang" || name == "locale") values = languages;
            for (const std::string& v : values) {
              kb_e2e::Params params = base;
              params.emplace_back(name, v);
              check.Get(kb_e2e::WithParams(p, params));
            }
          }
          if (has_id) break;  // an id's routes: the id is the probe
        }
      }
    }
  }
  MESSAGE(check.requests() << " requests, " << probes.size() << " probes, " << secrets.words.size()
                           << " internal-only words");
  CHECK(check.requests() > 500);
}

TEST_SUITE_END();
