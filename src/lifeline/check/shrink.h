// SPDX-License-Identifier: GPL-2.0-only
// Shrinking a failing schedule: fewer choices and fewer preemptions while it
// still fails, so the schedule a reviewer reads is short.
#ifndef LIFELINE_CHECK_SHRINK_H_
#define LIFELINE_CHECK_SHRINK_H_

#include <cstdint>
#include <functional>
#include <vector>

namespace lifeline::check {

// `ranks` is a failing schedule for sim::PrefixStrategy (past its end the
// default choice is taken). `still_fails` runs one execution. Returns a
// schedule that still fails, no longer than the input, with as few non-zero
// ranks as the greedy search finds: the shortest failing prefix, then
// dropping deviations, then moving one deviation to another point (with any
// rank the schedule uses) in place of two. Stops after `max_runs`
// executions.
std::vector<uint16_t> shrink_schedule(
    std::vector<uint16_t> ranks,
    const std::function<bool(const std::vector<uint16_t>&)>& still_fails, int max_runs = 2000);

// Non-zero ranks: each is a choice other than the default (a preemption or
// a different pick among ready tasks).
int schedule_deviations(const std::vector<uint16_t>& ranks);

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_SHRINK_H_
