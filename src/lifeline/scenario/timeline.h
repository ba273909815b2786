// SPDX-License-Identifier: GPL-2.0-only
// The timeline a run shows: the engine's trace events, as TimelineEntry.
#ifndef LIFELINE_SCENARIO_TIMELINE_H_
#define LIFELINE_SCENARIO_TIMELINE_H_

#include <vector>

#include "lifeline/scenario/run_result.h"
#include "lifeline/sim/engine.h"

namespace lifeline::scenario {

// The timeline of the run `e` ended. Without `verbose`, the boot's model
// events (before `scenario_start`, the end of the boot's settle), memory
// bookkeeping and scheduling events are left out; commands and findings
// are always kept.
std::vector<TimelineEntry> timeline_of(const sim::Engine& e, sim::Time scenario_start,
                                       bool verbose);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_TIMELINE_H_
