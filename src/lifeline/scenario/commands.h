// SPDX-License-Identifier: GPL-2.0-only
// One parser per scenario command: each reads a whole line from a Cursor and
// returns its Body. The block words (concurrently, thread, end) are the
// parser's, since they span lines.
#ifndef LIFELINE_SCENARIO_COMMANDS_H_
#define LIFELINE_SCENARIO_COMMANDS_H_

#include <string>
#include <vector>

#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/cursor.h"

namespace lifeline::scenario {

// Every word that can start a line, block words included, for suggestions.
const std::vector<std::string>& command_words();

// Parses the line at `c` (its first token is the command word) to its end.
// Throws sim::UserError for an unknown command or a malformed line.
Body parse_command(Cursor& c);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_COMMANDS_H_
