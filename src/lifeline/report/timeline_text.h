// SPDX-License-Identifier: GPL-2.0-only
// The timeline of a run, dmesg style: `[   1.250000] task: text`. Scenario
// commands are marked `$ `, findings `*** `, scheduling events `~ `.
#ifndef LIFELINE_REPORT_TIMELINE_TEXT_H_
#define LIFELINE_REPORT_TIMELINE_TEXT_H_

#include <string>
#include <vector>

#include "lifeline/scenario/run_result.h"

namespace lifeline::report {

// One entry; a text of several lines (a `concurrently` block) continues
// under the start of the text.
std::string format_timeline_entry(const scenario::TimelineEntry& e);

// "TIMELINE" and the entries; scheduling events only when verbose. (The
// runner already leaves the boot's model events out of a timeline that is not
// verbose: `lifeline boot` shows the booted state.)
std::string format_timeline(const std::vector<scenario::TimelineEntry>& timeline, bool verbose);

}  // namespace lifeline::report

#endif  // LIFELINE_REPORT_TIMELINE_TEXT_H_
