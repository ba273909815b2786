// SPDX-License-Identifier: GPL-2.0-only
// Dynamic partial-order reduction: source-set DPOR with sleep sets (Abdulla,
// Aronis, Jonsson, Sagonas, POPL 2014, Algorithm 1), over the accesses the
// engine records at each step (Engine::accesses()). Two steps are dependent
// when they touch the same lock, tracked object, work item, timer,
// completion or task and one of them writes, or when either touched
// something the engine cannot name (kUnknown). One execution is run per
// class of schedules that order every dependent pair the same way, plus
// the executions a sleep set cuts short (redundant); with a deviation bound
// the alternatives past it are left out and the result says so.
#ifndef LIFELINE_SIM_DPOR_H_
#define LIFELINE_SIM_DPOR_H_

#include <memory>

#include "lifeline/sim/explore.h"

namespace lifeline::sim {

std::unique_ptr<Explorer> make_dpor_explorer(const ExploreOptions& options);

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_DPOR_H_
