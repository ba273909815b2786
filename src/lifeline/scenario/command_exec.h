// SPDX-License-Identifier: GPL-2.0-only
// Running one scenario command in the model, as the shell tool it stands for
// would: the sysfs write, the rtnetlink or ethtool request, the cable. One
// overload per command (CommandExecutor in command_exec.cc); a command added
// to Body that has none does not compile.
#ifndef LIFELINE_SCENARIO_COMMAND_EXEC_H_
#define LIFELINE_SCENARIO_COMMAND_EXEC_H_

#include "lifeline/scenario/ast.h"

namespace lifeline::scenario {

class Execution;

// Runs `command` in the current task of `ex`'s engine. Returns its error (a
// negative errno; ExecutionState::last_error then says what the shell
// printed), 0 when it succeeded. Bad names are a sim::UserError.
int execute_command(Execution& ex, const Command& command);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_COMMAND_EXEC_H_
