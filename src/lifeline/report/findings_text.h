// SPDX-License-Identifier: GPL-2.0-only
// The FINDINGS block that opens every report: one marked line per finding
// (kind, virtual time, task, message), its details (stacks, the free site, the
// wait-for cycle) and the events just before it, indented below.
#ifndef LIFELINE_REPORT_FINDINGS_TEXT_H_
#define LIFELINE_REPORT_FINDINGS_TEXT_H_

#include <map>
#include <string>
#include <vector>

#include "lifeline/sim/finding.h"

namespace lifeline::report {

// "FINDINGS: none\n", or "FINDINGS: N\n" and a block per finding. Unless
// `verbose`, a finding's history leaves out scheduling events (lock, unlock,
// wake, block, exit, ...) and keeps the last kShortHistory of the rest: the
// model's own events (device link dropped, kfree, PHY state change) are
// what explains a finding; `-v` shows the whole ring.
inline constexpr size_t kShortHistory = 6;
std::string format_findings(const std::vector<sim::Finding>& findings, bool verbose = false);

// True for line `i` of a finding's history that is a scheduling event
// rather than something the model did, as its typed kind
// (sim::Finding::history_kinds) says; a line without a kind is kept.
bool is_scheduling_history(const sim::Finding& f, size_t i);

// "1 use-after-free, 2 warn" (repeats counted), in the order of
// sim::kAllFindingKinds; "" when there are none.
std::string findings_by_kind(const std::vector<sim::Finding>& findings);

// Occurrences per kind, repeats counted (Finding::count).
std::map<sim::FindingKind, int> count_by_kind(const std::vector<sim::Finding>& findings);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_FINDINGS_TEXT_H_
