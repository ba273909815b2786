// SPDX-License-Identifier: GPL-2.0-only
// One execution of a scenario on a board: the program an engine runs (an
// init task that boots the board, a scenario task that runs the commands)
// and what it observed. The same Execution runs many times when exploring.
//
// The concepts live in their own files: this one is the shell (tasks,
// `set -e`, stops, settle); command_exec.cc runs each command, expects.cc
// evaluates the expects, metrics.cc answers `compare`'s questions,
// check/invariants.h judges the model's rules, result.cc and timeline.cc
// make the RunResult.
#ifndef LIFELINE_SCENARIO_EXECUTION_H_
#define LIFELINE_SCENARIO_EXECUTION_H_

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lifeline/check/graph.h"
#include "lifeline/check/invariants.h"
#include "lifeline/check/snapshot.h"
#include "lifeline/net/system.h"
#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/metrics.h"
#include "lifeline/scenario/run_result.h"
#include "lifeline/scenario/runner.h"
#include "lifeline/sim/completion.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

class Resolver;

// What one run of an Execution accumulates; reset by Execution::setup().
struct ExecutionState {
  net::System* system = nullptr;
  std::unique_ptr<Resolver> resolver;
  bool boot_ok = false;
  std::optional<sim::UserError> user_error;
  std::vector<ExpectResult> expects;
  std::vector<FailedStep> failed_steps;
  std::optional<RunStop> stop;       // a stop the scenario task saw (failed step, settle bound)
  const Command* current = nullptr;  // the scenario task's command
  const sim::Task* scenario_task = nullptr;
  bool finished = false;   // the scenario task ran its last command
  std::string last_error;  // what the last failed command printed
  check::InvariantReporter invariants;
  check::Snapshot after_boot, final_state;
  std::optional<check::Graph> graph_after_boot, graph_final;  // RunOptions::graph
  MetricsRecorder metrics;
  sim::Time scenario_start = 0;
};

class Execution {
 public:
  // Validates the scenario's configuration against the board (knobs,
  // phy-id nodes); bad input is a sim::UserError.
  Execution(const Board& board, const Scenario& scenario, const RunOptions& options);
  ~Execution();

  // Spawns the tasks into a freshly reset engine.
  void setup(sim::Engine& e);
  // After Engine::run(): the user error the run hit (rethrow it), if any.
  const std::optional<sim::UserError>& user_error() const { return state_.user_error; }
  // Findings, a failed expect or step, or a run that did not reach its end.
  bool failed(const sim::Engine& e) const;
  RunResult result(const sim::Engine& e) const;  // result.cc

  // For the command executor (command_exec.cc), in the scenario's tasks.
  const RunOptions& options() const { return options_; }
  ExecutionState& state() { return state_; }
  const Resolver& resolver() const { return *state_.resolver; }
  // Runs commands in order until one fails or the run stops; false then.
  // `background`: a task of a concurrently block, whose failures do not stop
  // the run (as a shell's background jobs).
  bool run_commands(std::span<const Command> commands, bool background);
  // False when the system was still changing at the settle bound.
  bool settle();
  void stop(StopReason reason, const Command& at, std::string detail);

 private:
  void init_main();
  void scenario_main();
  // execute_command() in a task of its own, as a shell runs a command in a
  // process; -EFAULT when an oops killed it.
  int run_in_process(const Command& command, std::string_view name);
  // check/invariants.h: every invariant at a quiescent point, only those
  // that hold at every step otherwise.
  void check_invariants(bool quiescent = true);
  // result.cc: why the engine ended the run before the scenario's end, and
  // the expects it never reached.
  RunStop engine_stop(const sim::Engine& e) const;
  std::vector<ExpectResult> not_reached() const;

  const Board& board_;
  const Scenario& scenario_;
  RunOptions options_;
  net::SystemOptions system_options_;
  std::map<std::string, Loc> module_locs_;
  sim::Completion booted_;
  ExecutionState state_;
};

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_EXECUTION_H_
