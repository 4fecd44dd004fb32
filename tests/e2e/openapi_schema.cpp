#include "openapi_schema.h"

#include <set>

namespace kb_e2e {
namespace {

using Json = nlohmann::json;

// "#/components/schemas/Article" -> the object it names.
const Json& Resolve(const Json& doc, const Json& schema) {
  if (!schema.is_object() || !schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"];
  return Resolve(doc, doc.at(Json::json_pointer(ref.substr(1))));
}

bool TypeMatches(const std::string& type, const Json& value) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  return false;
}

// The properties and required fields of `schema`, its allOf parts included.
void Collect(const Json& doc, const Json& schema, Json* properties,
             std::set<std::string>* required) {
  const Json& s = Resolve(doc, schema);
  const Json declared = s.value("properties", Json::object());
  for (const auto& [name, property] : declared.items()) (*properties)[name] = property;
  for (const Json& name : s.value("required", Json::array())) required->insert(name);
  for (const Json& part : s.value("allOf", Json::array())) Collect(doc, part, properties, required);
}

void Check(const Json& doc, const Json& schema_in, const Json& value, const std::string& where,
           std::vector<std::string>* problems) {
  const Json& schema = Resolve(doc, schema_in);
  if (value.is_null()) {
    if (!schema.value("nullable", false)) problems->push_back(where + ": null but not nullable");
    return;
  }
  for (const Json& part : schema.value("allOf", Json::array())) {
    if (!Resolve(doc, part).contains("properties")) Check(doc, part, value, where, problems);
  }
  if (schema.contains("type") && !TypeMatches(schema["type"], value))
    problems->push_back(where + ": not of type " + schema["type"].get<std::string>());
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    problems->push_back(where + ": " + value.dump() + " is not in the enum");
  if (value.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < value.size(); ++i)
      Check(doc, schema["items"], value[i], where + "[" + std::to_string(i) + "]", problems);
  }
  if (!value.is_object()) return;
  Json properties = Json::object();
  std::set<std::string> required;
  Collect(doc, schema, &properties, &required);
  if (properties.empty() && required.empty()) return;  // any object
  for (const std::string& name : required) {
    if (!value.contains(name)) problems->push_back(where + "." + name + ": required but missing");
  }
  for (const auto& [name, field] : value.items()) {
    if (!properties.contains(name)) {
      problems->push_back(where + "." + name + ": returned but not declared");
      continue;
    }
    Check(doc, properties[name], field, where + "." + name, problems);
  }
}

}  // namespace

Json ResponseSchema(const Json& doc, const std::string& path, const std::string& method,
                    int status) {
  const Json& operation = doc["paths"][path][method];
  const std::string code = std::to_string(status);
  if (!operation.contains("responses") || !operation["responses"].contains(code)) return nullptr;
  const Json& response = Resolve(doc, operation["responses"][code]);
  return response["content"]["application/json"]["schema"];
}

std::vector<std::string> SchemaProblems(const Json& doc, const Json& schema, const Json& value,
                                        const std::string& where) {
  std::vector<std::string> problems;
  Check(doc, schema, value, where, &problems);
  return problems;
}

}  // namespace kb_e2e
