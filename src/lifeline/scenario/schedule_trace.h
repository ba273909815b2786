// SPDX-License-Identifier: GPL-2.0-only
// The schedule of one run as steps, for the swimlane picture of a failing
// schedule: each scheduling choice (which tasks could run, where each of them
// stood in the model's code, which one ran, and whether that was a
// preemption), and what the tasks did in between (locks, waits, wakeups, the
// model's events, the findings). Recorded by a strategy that wraps the one
// the run uses, so the engine and the explorer are not touched: the choice
// sequence is the same with and without it.
#ifndef LIFELINE_SCENARIO_SCHEDULE_TRACE_H_
#define LIFELINE_SCENARIO_SCHEDULE_TRACE_H_

#include <string>
#include <utility>
#include <vector>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/strategy.h"
#include "lifeline/sim/time.h"

namespace lifeline::scenario {

struct ScheduleRow {
  enum class Kind {
    kChoice,   // a scheduling point with a choice
    kEvent,    // something a task did: lock, unlock, block, wake, a model event
    kFinding,  // a finding, in the lane of the task that hit it
    kGap,      // events left out between the window and a later finding
  };
  Kind kind = Kind::kEvent;
  sim::Time time = 0;
  std::string task;      // the lane: the task chosen (kChoice), or the one acting
  std::string text;      // "lock rtnl_mutex", "$ ip link set eth0 up", "oops: ..."
  std::string function;  // the lane task's innermost model function there, "" when none
  // kChoice: the 1-based index of the choice in the schedule, its rank (0:
  // the default, fifo), and whether it took the CPU from a task that could
  // have gone on (a preemption) and from which.
  int choice = 0;
  int rank = 0;
  bool preemption = false;
  std::string preempted;
  // kChoice: every runnable task and its innermost model function.
  std::vector<std::pair<std::string, std::string>> runnable;
  int finding = -1;  // kFinding: index into RunResult::findings
};

struct ScheduleTrace {
  std::vector<std::string> tasks;  // the lanes, in order of first appearance
  std::vector<ScheduleRow> rows;
};

// Wraps the strategy a run uses and notes, at each choice, the runnable
// tasks, their model frames and the position in the engine's trace.
class RecordingStrategy : public sim::Strategy {
 public:
  explicit RecordingStrategy(sim::Strategy* inner) : inner_(inner) {}
  const char* name() const override { return inner_ ? inner_->name() : "fifo"; }
  void begin_execution() override;
  void on_spawn(sim::Task& task) override {
    if (inner_) inner_->on_spawn(task);
  }
  size_t choose(const sim::ChoicePoint& p) override;

  struct Point {
    size_t trace_pos = 0;  // events recorded before the choice
    sim::Time time = 0;
    std::vector<std::pair<std::string, std::string>> runnable;  // name, innermost frame
    int current = -1;
    size_t chosen = 0;
  };
  const std::vector<Point>& points() const { return points_; }

 private:
  sim::Strategy* inner_;  // nullptr: fifo
  sim::FifoStrategy fifo_;
  std::vector<Point> points_;
};

// The steps of a finished execution (its engine must still hold the trace,
// recorded in full): from the `concurrently` block of the first choice to the
// last choice and a few events after it, then every later finding.
ScheduleTrace schedule_trace(const sim::Engine& e, const RecordingStrategy& recorded);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_SCHEDULE_TRACE_H_
