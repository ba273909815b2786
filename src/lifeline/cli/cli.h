// SPDX-License-Identifier: GPL-2.0-only
// The `lifeline` command: boot, run, compare, explore, graph, demo. Reports
// go to `out`, messages about bad input to `err` as `lifeline: MESSAGE`.
// Exit status: 0 ok, 1 an expect failed (or explore found a failure), 2 bad
// input, 3 a bug in lifeline.
#ifndef LIFELINE_CLI_CLI_H_
#define LIFELINE_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

#include "lifeline/cli/backend.h"

namespace lifeline::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // an expect failed, or explore found a failure
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInternal = 3;  // a bug in lifeline, not in the input

// argv as main() has it, with the real backend.
int run_cli(int argc, char** argv, std::ostream& out, std::ostream& err);

// `args` without the program name.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Backend& backend);

}  // namespace lifeline::cli

#endif  // LIFELINE_CLI_CLI_H_
