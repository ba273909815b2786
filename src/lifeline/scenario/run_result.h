// SPDX-License-Identifier: GPL-2.0-only
// What running a scenario on a board produced, as plain data for the reports:
// the timeline, the state after boot and at the end, the expects, the
// findings, the schedule. Byte-identical for the same inputs.
#ifndef LIFELINE_SCENARIO_RUN_RESULT_H_
#define LIFELINE_SCENARIO_RUN_RESULT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lifeline/check/graph.h"
#include "lifeline/check/snapshot.h"
#include "lifeline/scenario/schedule_trace.h"
#include "lifeline/sim/finding.h"
#include "lifeline/sim/time.h"

namespace lifeline::scenario {

struct TimelineEntry {
  sim::Time time = 0;
  std::string task;  // "scenario", "kworker/events:phy_state_machine", ...
  std::string text;
  // command: a scenario line; model: a model event; finding: a finding;
  // sched: a scheduling event (only with verbose).
  enum class Kind { kCommand, kModel, kFinding, kSched } kind = Kind::kModel;
};

struct ExpectResult {
  int line = 0;
  std::string text;  // the expect as written (canonical form)
  bool passed = false;
  std::string actual{};  // what was there instead, when it failed
  sim::Time time = 0;
  // False for an expect after the point where the run stopped: it was never
  // evaluated, and counts as failed.
  bool reached = true;
  // expect fail: the wrapped command's error (a negative errno; 0 when it
  // succeeded) and, when it failed, what the shell printed. Kept typed so
  // that nothing reads them back out of `actual`.
  int failed_err = 0;
  std::string failure{};
};

// A command that failed at run time (an errno from the model), as a shell
// running the scenario would print it. A failure the scenario asked for
// (`expect fail ...`) is an expect, not a failed step.
struct FailedStep {
  int line = 0;
  std::string command;  // the line as written
  int err = 0;          // the negative errno the model returned
  std::string message;  // what the shell would print ("RTNETLINK answers: ...")
  sim::Time time = 0;
  // Inside a `concurrently` block: a background job, whose failure is
  // reported but, as with `cmd & wait` in a shell, does not stop the run.
  bool background = false;
};

// Why a run ended before its last command. A run with no stop ran to its end.
enum class StopReason {
  kFailedStep,   // a command failed (the scenario runs as under `set -e`)
  kDeadlock,     // the scenario task waits forever (a lock cycle, or a lock a dead task holds)
  kHungTask,     // the scenario task was blocked past the hung-task timeout
  kOops,         // the scenario task died of an oops
  kSettleBound,  // `settle` found the system still changing at its bound
  kStepLimit,    // the execution ran out of scheduling points (a livelock)
};
const char* stop_reason_name(StopReason r);  // "deadlock", "failed step", ...

struct RunStop {
  StopReason reason = StopReason::kFailedStep;
  int line = 0;         // the scenario line being run when it stopped
  std::string command;  // that line as written
  sim::Time time = 0;
  std::string detail;  // the finding or error that stopped it
};

// The questions `lifeline compare` answers for one run, about the first
// provider that left (an unbind or rmmod) and came back (bind or modprobe).
struct ProviderMetrics {
  bool provider_left = false;
  std::string provider;  // the device or module that left
  sim::Time left_at = 0;
  // netdev -> carrier once the system settled after the provider left, for
  // netdevs that had carrier just before.
  std::map<std::string, bool> carrier_after_left;
  // Netdevs registered before the provider left and gone after, that did not
  // use it (their PHY was not the provider or below it).
  std::vector<std::string> unrelated_netdevs_lost;
  std::vector<std::string> netdevs_lost;  // every netdev gone after it left
  bool provider_back = false;
  sim::Time back_at = 0;
  // Every netdev that had carrier before the provider left has carrier again
  // by the end, and how long after the return the last one took.
  bool recovered = false;
  std::optional<sim::Time> recovery_time;
  // Link settings before the provider left versus after it came back.
  std::map<std::string, std::string> link_before;  // netdev -> "100/full"
  // After it came back: the same, or "absent", "admin down" or "down".
  std::map<std::string, std::string> link_after;
  bool configuration_lost = false;
  // What fwnode_mdio's PSE coupling cost in this run (pse=mainline, S8),
  // every MDIO bus: its driver's probe attempts, the PHYs created and
  // removed on it, its registrations failed with -EPROBE_DEFER for a PSE,
  // before the first PSE module loaded (or to the end, when none did).
  check::ProbeStorm probe_storm;
};

struct RunResult {
  std::string board;                         // board file
  std::string scenario;                      // scenario file ("" for a plain boot)
  std::map<std::string, std::string> knobs;  // every knob's value in this run
  uint64_t seed = 0;
  std::vector<TimelineEntry> timeline;
  check::Snapshot after_boot;
  check::Snapshot final_state;
  std::vector<sim::Finding> findings;
  std::vector<ExpectResult> expects;
  std::vector<uint32_t> choices;  // the schedule: task ids chosen at each choice point
  std::vector<uint16_t> ranks;    // the same as ranks, for replay files
  ProviderMetrics metrics;
  sim::Time end_time = 0;
  std::vector<FailedStep> failed_steps;  // in the order they failed
  std::optional<RunStop> stopped;        // set when the run did not reach its end
  bool no_actions = false;               // the scenario only boots (and waits, expects)
  bool replay_diverged = false;
  std::string replay_divergence;  // why, when it diverged
  // With RunOptions::graph: the provider graph once booted and at the end.
  std::optional<check::Graph> graph_after_boot, graph_final;
  // With RunOptions::schedule: the schedule's steps, for the swimlanes.
  std::optional<ScheduleTrace> steps;

  // Failed or unreached expects.
  int expects_failed() const;
  int expects_not_reached() const;
  // Failed steps that stopped the run or that were not in the background.
  int steps_failed() const;
  // The run reached its end, every expect held, no command failed, and a
  // replay followed its recorded schedule.
  bool ok() const {
    return !stopped && expects_failed() == 0 && steps_failed() == 0 && !replay_diverged;
  }
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_RUN_RESULT_H_
