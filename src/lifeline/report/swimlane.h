// SPDX-License-Identifier: GPL-2.0-only
// A schedule as swimlanes (`explore --schedule-svg FILE`, `run --replay FILE
// --schedule-svg FILE`): one lane per task, the steps top to bottom (each
// scheduling choice with the function every runnable task stood in, and what
// the tasks did in between: locks, waits, wakeups, the model's events), the
// preemptions the schedule needs highlighted, and the finding where it
// happened with its stacks. DOT (one HTML table that Graphviz lays out and
// renders), and the same as text with the lanes as columns (-v). Both byte
// for byte the same for the same run.
#ifndef LIFELINE_REPORT_SWIMLANE_H_
#define LIFELINE_REPORT_SWIMLANE_H_

#include <string>

#include "lifeline/scenario/run_result.h"

namespace lifeline::report {

// `r` must have been run with RunOptions::schedule (RunResult::steps).
std::string swimlane_dot(const scenario::RunResult& r, const std::string& title);
std::string swimlane_text(const scenario::RunResult& r);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_SWIMLANE_H_
