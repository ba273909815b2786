// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/timeline.h"

namespace lifeline::scenario {

std::vector<TimelineEntry> timeline_of(const sim::Engine& e, sim::Time scenario_start,
                                       bool verbose) {
  std::vector<TimelineEntry> out;
  for (const sim::Event& ev : e.trace().all()) {
    // Scheduling events are for the verbose timeline: skipped before they
    // are formatted, since a long run records millions of them.
    bool sched = ev.kind != sim::EventKind::kNote && ev.kind != sim::EventKind::kFinding;
    if (sched && !verbose) continue;
    TimelineEntry t;
    t.time = ev.time;
    t.task = e.task_name(ev.task);
    if (ev.kind == sim::EventKind::kNote) {
      auto kind = static_cast<sim::NoteKind>(ev.b);
      bool command = kind == sim::NoteKind::kCommand;
      bool after_boot = ev.time >= scenario_start && scenario_start > 0;
      if (!after_boot && !verbose && !command) continue;
      // Memory bookkeeping is for the verbose timeline.
      if (kind == sim::NoteKind::kFree && !verbose) continue;
      t.kind = command ? TimelineEntry::Kind::kCommand : TimelineEntry::Kind::kModel;
      t.text = e.note_text(ev);
    } else {
      t.kind = sched ? TimelineEntry::Kind::kSched : TimelineEntry::Kind::kFinding;
      t.text = e.event_text(ev);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace lifeline::scenario
