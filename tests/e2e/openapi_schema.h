// Checks a real JSON answer against the schema the OpenAPI document declares
// for it: types (nullable included), enums, required fields, array items, and
// that every field of an object is declared (no undocumented field). Follows
// $ref and allOf. Pure functions over nlohmann::json; no doctest.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kb_e2e {

// The schema of the `status` answer of `method` (lower case) on the document
// path `path` ("/api/v1/articles/{id}"); null when the document has none.
nlohmann::json ResponseSchema(const nlohmann::json& doc, const std::string& path,
                              const std::string& method, int status);

// Every way `value` breaks `schema` (resolved in `doc`), each naming where
// ("$.hits[0].score: ..."); empty when it conforms.
std::vector<std::string> SchemaProblems(const nlohmann::json& doc, const nlohmann::json& schema,
                                        const nlohmann::json& value,
                                        const std::string& where = "$");

}  // namespace kb_e2e
