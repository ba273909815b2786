// SPDX-License-Identifier: GPL-2.0-only
// The text reports of the lifeline commands, for a terminal: findings first,
// then the verdict, then the detail, in aligned tables. Every function takes
// plain data (scenario/run_result.h, scenario/runner.h) and returns the whole
// report, ending in a newline.
#ifndef LIFELINE_REPORT_TEXT_H_
#define LIFELINE_REPORT_TEXT_H_

#include <string>
#include <vector>

#include "lifeline/scenario/run_result.h"
#include "lifeline/scenario/runner.h"

namespace lifeline::report {

// `lifeline boot`: the board, findings, devices, netdevs, device links,
// PHYs, modules after the boot settled.
std::string format_boot(const scenario::RunResult& r);

// `lifeline run`: findings, expects, the timeline, the final state (netdevs,
// PHYs, and what changed since boot; every table when verbose), a result line.
std::string format_run(const scenario::RunResult& r, bool verbose);

// `lifeline compare` and `lifeline demo`: one column per knob value.
std::string format_compare(const scenario::CompareResult& c);

// `lifeline explore`: what was explored and, when something was found, the
// shrunk schedule and the failing run.
std::string format_explore(const scenario::ExploreResult& e);

// "EXPECTS: ..." and a line per expect: PASS or FAIL, the scenario line, the
// time it was checked, the expect, and what was there instead when it failed.
std::string format_expects(const std::vector<scenario::ExpectResult>& expects,
                           const std::string& scenario_file);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_TEXT_H_
