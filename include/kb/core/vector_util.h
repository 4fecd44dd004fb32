// Small helpers for the short string lists analysis and query building keep
// (stems, keys, synonyms): a few elements each, so a linear scan beats a set.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace kb {

// Appends `value` unless `list` already holds it; true when it was appended.
template <typename T>
bool AppendIfAbsent(std::vector<T>* list, T value) {
  if (std::find(list->begin(), list->end(), value) != list->end()) return false;
  list->push_back(std::move(value));
  return true;
}

}  // namespace kb
