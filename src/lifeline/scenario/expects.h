// SPDX-License-Identifier: GPL-2.0-only
// Evaluating a scenario's `expect` lines against the running model: what
// each one compares, and what it shows as "actual" when it fails.
#ifndef LIFELINE_SCENARIO_EXPECTS_H_
#define LIFELINE_SCENARIO_EXPECTS_H_

#include <functional>
#include <string>

#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/run_result.h"

namespace lifeline::scenario {

class Resolver;

// Runs the command an `expect fail` wraps; returns its error (a negative
// errno, 0 on success) and sets `message` to what the shell printed.
using RunWrapped = std::function<int(const Command& command, std::string& message)>;

// Evaluates `ex` (the line `command`) now, and notes the outcome in the
// timeline. An unknown name is a sim::UserError from the resolver.
ExpectResult evaluate_expect(const Command& command, const Expect& ex, const Resolver& r,
                             const RunWrapped& run);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_EXPECTS_H_
