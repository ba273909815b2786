// SPDX-License-Identifier: GPL-2.0-only
// The scenario parser: any bytes are a scenario or a sim::UserError. A
// scenario that parses is printed back (print.h), and what is printed must
// parse again: the printer is how reports quote the user's lines.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lifeline/scenario/parser.h"
#include "lifeline/scenario/print.h"
#include "lifeline/sim/user_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  lifeline::scenario::Scenario s;
  try {
    s = lifeline::scenario::parse_scenario(text, "fuzz.scn");
  } catch (const lifeline::sim::UserError&) {
    return 0;
  }
  std::string printed = lifeline::scenario::to_string(s);
  try {
    lifeline::scenario::parse_scenario(printed, "printed.scn");
  } catch (const lifeline::sim::UserError&) {
    // A scenario lifeline printed that it cannot read back is a bug.
    __builtin_trap();
  }
  return 0;
}
