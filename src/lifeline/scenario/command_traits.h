// SPDX-License-Identifier: GPL-2.0-only
// What the runner and the parser need to know about each kind of command,
// in one table: a visitor with one overload per alternative of Body, so a
// new command does not compile until it says what it is.
#ifndef LIFELINE_SCENARIO_COMMAND_TRAITS_H_
#define LIFELINE_SCENARIO_COMMAND_TRAITS_H_

#include <string_view>

#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

struct CommandTraits {
  // The program a user's shell runs for it, as the name of its process
  // (RunOptions::command_processes); "" for what the shell does itself.
  std::string_view process;
  // It changes the system (not a wait, settle or expect): what follows a
  // provider's leaving, and what makes a scenario more than a boot.
  bool action = false;
  // It returns an error the shell sees, so `expect fail` can wrap it.
  bool can_fail = false;
  // The timeline shows it as "$ COMMAND" when it starts (a `concurrently`
  // block and an expect say what they are in their own words).
  bool echoed = false;
};

CommandTraits command_traits(const Body& body);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_COMMAND_TRAITS_H_
