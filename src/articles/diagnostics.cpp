// kb::Diagnostics (kb/articles/diagnostics.h).
#include "kb/articles/diagnostics.h"

#include <iterator>

namespace kb {

std::string ArticleError::ToString() const {
  if (line <= 0) return path + ": " + message;
  return path + ":" + std::to_string(line) + ": " + message;
}

void Diagnostics::Append(const Diagnostics& other) {
  errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
}

void Diagnostics::Append(Diagnostics&& other) {
  if (errors_.empty()) {
    errors_ = std::move(other.errors_);
  } else {
    errors_.insert(errors_.end(), std::make_move_iterator(other.errors_.begin()),
                   std::make_move_iterator(other.errors_.end()));
  }
  other.errors_.clear();
}

std::string Diagnostics::ToString() const {
  std::string text;
  for (const ArticleError& e : errors_) text += e.ToString() + "\n";
  return text;
}

}  // namespace kb
