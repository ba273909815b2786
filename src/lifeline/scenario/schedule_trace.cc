// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/schedule_trace.h"

#include <algorithm>

namespace lifeline::scenario {

namespace {

// Events shown after the last choice: enough to see where the chosen
// schedule leads (the use after the free, the WARN), not the whole settle.
constexpr size_t kTail = 24;

std::string innermost(const sim::Task* t) {
  return t && !t->frames.empty() ? std::string(t->frames.back()) : std::string();
}

std::string lane_name(const sim::Engine& e, uint32_t task) {
  return task == sim::kNoTask ? "timer" : e.task_name(task);
}

}  // namespace

void RecordingStrategy::begin_execution() {
  points_.clear();
  if (inner_) inner_->begin_execution();
}

size_t RecordingStrategy::choose(const sim::ChoicePoint& p) {
  size_t chosen = inner_ ? inner_->choose(p) : fifo_.choose(p);
  const sim::Engine* e = sim::Engine::current_or_null();
  Point pt;
  pt.trace_pos = e ? e->trace().all().size() : 0;
  pt.time = e ? e->now() : 0;
  for (const sim::Task* t : p.options) pt.runnable.emplace_back(t->name, innermost(t));
  pt.current = p.current;
  pt.chosen = chosen;
  points_.push_back(std::move(pt));
  return chosen;
}

ScheduleTrace schedule_trace(const sim::Engine& e, const RecordingStrategy& recorded) {
  ScheduleTrace out;
  const std::vector<sim::Event>& ev = e.trace().all();
  const auto& points = recorded.points();
  if (points.empty() || ev.empty()) return out;
  // From the command that opened the first choice's window.
  size_t start = std::min(points.front().trace_pos, ev.size());
  while (start > 0) {
    const sim::Event& x = ev[start - 1];
    --start;
    if (x.kind == sim::EventKind::kNote &&
        static_cast<sim::NoteKind>(x.b) == sim::NoteKind::kCommand &&
        e.note_text(x).rfind("concurrently", 0) == 0)
      break;
  }
  size_t end = std::min(ev.size(), points.back().trace_pos + kTail);

  auto add_event = [&](const sim::Event& x) {
    ScheduleRow r;
    r.time = x.time;
    r.task = lane_name(e, x.task);
    if (x.kind == sim::EventKind::kFinding) {
      r.kind = ScheduleRow::Kind::kFinding;
      r.finding = static_cast<int>(x.a);
    }
    r.text = e.event_text(x);
    out.rows.push_back(std::move(r));
  };
  size_t next_point = 0;
  for (size_t i = start; i < end; ++i) {
    // The choices made before event i was recorded.
    while (next_point < points.size() && points[next_point].trace_pos <= i) {
      const RecordingStrategy::Point& p = points[next_point++];
      ScheduleRow r;
      r.kind = ScheduleRow::Kind::kChoice;
      r.time = p.time;
      r.task = p.runnable[p.chosen].first;
      r.function = p.runnable[p.chosen].second;
      r.choice = static_cast<int>(next_point);
      size_t fifo = p.current >= 0 ? static_cast<size_t>(p.current) : 0;
      r.rank = p.chosen == fifo ? 0 : static_cast<int>(p.chosen < fifo ? p.chosen + 1 : p.chosen);
      r.preemption = p.current >= 0 && r.rank != 0;
      if (r.preemption) r.preempted = p.runnable[fifo].first;
      r.runnable = p.runnable;
      r.text = r.preemption ? "preempts " + r.preempted
                            : (r.rank ? "chosen (rank " + std::to_string(r.rank) + ")" : "runs");
      out.rows.push_back(std::move(r));
    }
    const sim::Event& x = ev[i];
    if (x.kind == sim::EventKind::kPreempt) continue;  // the choice row says it
    if (x.kind == sim::EventKind::kNote && static_cast<sim::NoteKind>(x.b) == sim::NoteKind::kFree)
      continue;
    add_event(x);
  }
  // Findings after the window, behind a gap.
  size_t skipped = 0;
  for (size_t i = end; i < ev.size(); ++i) {
    if (ev[i].kind != sim::EventKind::kFinding) {
      ++skipped;
      continue;
    }
    if (skipped) {
      ScheduleRow gap;
      gap.kind = ScheduleRow::Kind::kGap;
      gap.time = ev[i].time;
      gap.text = std::to_string(skipped) + " events";
      out.rows.push_back(std::move(gap));
      skipped = 0;
    }
    add_event(ev[i]);
  }
  for (const ScheduleRow& r : out.rows)
    if (!r.task.empty() && std::find(out.tasks.begin(), out.tasks.end(), r.task) == out.tasks.end())
      out.tasks.push_back(r.task);
  return out;
}

}  // namespace lifeline::scenario
