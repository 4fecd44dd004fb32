// What the fuzz targets share: how a broken contract is reported. abort()
// makes libFuzzer keep the input and the replay (replay_main.cpp) fail.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace kb::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

}  // namespace kb::fuzz
