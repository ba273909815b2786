// SPDX-License-Identifier: GPL-2.0-only
// Questions about a RunResult that several reports ask. Computed here from
// the plain data rather than through RunResult's members, so that the
// reports depend on the data alone.
#ifndef LIFELINE_REPORT_RUN_RESULT_UTIL_H_
#define LIFELINE_REPORT_RUN_RESULT_UTIL_H_

#include <string>
#include <string_view>

#include "lifeline/scenario/run_result.h"

namespace lifeline::report {

int failed_expects(const scenario::RunResult& r);

// The verdict in one word: "ok", "fail" (an expect failed, a step failed or
// the run stopped before its end), "no actions" (it only boots, waits and
// checks, and nothing failed).
std::string result_word(const scenario::RunResult& r);
// "stopped at line 9 (deadlock)", for a run that stopped; "" otherwise.
std::string stop_summary(const scenario::RunResult& r);

const check::NetdevRow* find_netdev(const check::Snapshot& s, std::string_view name);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_RUN_RESULT_UTIL_H_
