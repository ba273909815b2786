// SPDX-License-Identifier: GPL-2.0-only
// A scenario as the shell commands a user would type on a real machine, for
// `lifeline kernel-check`: the guest's /init sources the script, and prints
// a marker before and after each step and the observations at each check
// point (tools/kernel-check/init.sh defines the helpers the script calls).
//
// Every action (after the boot) is one step, numbered from 1 in scenario
// order; `wait` becomes a real sleep, `settle` a bounded wait for nothing
// observable to change, and a check point follows every `wait`, `settle`
// and `expect` (an expect right after a check point shares it). A command
// with no equivalent on the guest machine is refused, naming its line.
#ifndef LIFELINE_SCENARIO_GUEST_SCRIPT_H_
#define LIFELINE_SCENARIO_GUEST_SCRIPT_H_

#include <string>
#include <vector>

#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

struct GuestStep {
  enum class Kind { kAction, kWait, kSettle, kExpect, kNoop };
  int index = 0;       // 1-based, as the guest's markers number it
  size_t command = 0;  // index in Scenario::commands
  int line = 0;        // in the scenario file
  std::string text;    // the command in the scenario's canonical form
  std::string guest;   // what the guest runs for it ("" for a no-op)
  Kind kind = Kind::kAction;
  int checkpoint = 0;  // the step whose observations stand for this one (0: none)
};

struct GuestOptions {
  int settle_bound_s = 20;  // a `settle` gives up after this long
};

struct GuestScript {
  std::string shell;  // /scenario.sh
  std::vector<GuestStep> steps;
  double budget_s = 0;  // how long the steps may take when nothing hangs
};

// Throws sim::UserError for a command that has no guest equivalent.
GuestScript translate_for_guest(const Scenario& scenario, const GuestOptions& options = {});

// A word for a POSIX shell: bare when safe, else in single quotes.
std::string guest_quote(const std::string& word);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_GUEST_SCRIPT_H_
