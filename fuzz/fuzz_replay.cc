// SPDX-License-Identifier: GPL-2.0-only
// The replay-file reader (scenario::parse_replay_file()): any bytes are a
// replay file or a sim::UserError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lifeline/scenario/runner.h"
#include "lifeline/sim/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    lifeline::scenario::parse_replay_file(text, "fuzz.replay");
  } catch (const lifeline::sim::UserError&) {
  }
  return 0;
}
