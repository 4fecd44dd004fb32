#include "kb/core/log.h"

namespace kb {
namespace {

class DroppingLog : public Log {
 public:
  void Write(LogLevel, std::string_view) override {}
};

}  // namespace

Log& NullLog() {
  static DroppingLog log;  // stateless, so sharing it is safe
  return log;
}

}  // namespace kb
