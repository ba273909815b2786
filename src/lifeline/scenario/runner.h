// SPDX-License-Identifier: GPL-2.0-only
// Running scenarios on boards: one execution per run, in a fresh engine
// state; comparing knob values; exploring the interleavings of a scenario's
// `concurrently` blocks.
#ifndef LIFELINE_SCENARIO_RUNNER_H_
#define LIFELINE_SCENARIO_RUNNER_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lifeline/check/graph.h"
#include "lifeline/scenario/ast.h"
#include "lifeline/scenario/run_result.h"

namespace lifeline::core {
class FwTree;
}
namespace lifeline::sim {
struct ExploreProgress;
}

namespace lifeline::scenario {

// A board's device tree, loaded once and reused by every run.
struct Board {
  std::string path;  // the file it came from
  std::string name;  // file name without directory and extension
  std::shared_ptr<core::FwTree> tree;
};

// A path to a .dts/.dtb, or the name of a bundled board ("bcm2711-rpi-4-b").
// Bad input is a sim::UserError.
Board load_board(const std::string& path_or_name);
// The bundled boards' names, for suggestions and `lifeline --help`.
std::vector<std::string> bundled_boards();

struct RunOptions {
  std::map<std::string, std::string> knobs;  // --set KNOB=VALUE (before the scenario's own `set`)
  uint64_t seed = 0;
  bool verbose = false;  // keep every scheduling event in the timeline
  // --phy-id: PHY node path -> ID, as a scenario's `phy-id` lines (it wins over them, as --set
  // wins over `set`).
  std::map<std::string, uint32_t> phy_ids;
  // --module NAME=builtin|late:TIME|absent: how a module comes into the
  // kernel, as a scenario's `module` line says it (it wins over that line).
  // Values checked by the command line (late: a duration after the colon).
  std::map<std::string, std::string> modules;
  std::vector<uint16_t> replay;  // --replay: the schedule to follow (ranks)
  // Record the timeline and the snapshots after boot and at the end. Off for
  // exploring and benchmarks: such a run reports findings, expects and
  // metrics only (explore replays a failing schedule with it on).
  bool trace = true;
  sim::Time settle_limit = 60 * sim::kSec;
  // Run each action in a task of its own, as a shell runs each command in a
  // process: an oops then kills that command, not the scenario, and the
  // next command runs (kernel-check plays scenarios so on a real guest).
  bool command_processes = false;
  // --graph: keep the provider graph after boot and at the end
  // (RunResult::graph_after_boot, graph_final).
  bool graph = false;
  // --schedule-svg: record the schedule's steps (RunResult::steps).
  bool schedule = false;
  // Scheduling points before the run is a livelock (0: sim::EngineOptions'
  // default); `lifeline audit` gives its cells fewer, so that a boot that
  // loops in deferred probe costs a second, not half a minute.
  uint64_t max_steps = 0;
};

// Boots the board (as a scenario with only `boot`) and settles.
RunResult boot_board(const Board& board, const RunOptions& options);
// Boots the board as boot_board() does and returns its provider graph, built
// while the booted model is alive: the network devices (every device with
// all_devices), the phandle edges between them, device links and netdevs.
check::Graph graph_board(const Board& board, const RunOptions& options, bool all_devices);
// Runs a scenario: boot, then its commands. Bad input (unknown devices,
// netdevs, modules) is a sim::UserError naming the scenario line.
RunResult run_scenario(const Board& board, const Scenario& scenario, const RunOptions& options);

struct CompareResult {
  std::string knob;
  std::vector<std::string> values;
  std::vector<RunResult> runs;  // one per value, in order
};
CompareResult compare_scenario(const Board& board, const Scenario& scenario,
                               const std::string& knob, const std::vector<std::string>& values,
                               const RunOptions& options);

struct ExploreOptions {
  std::string strategy = "dfs";  // a name in sim::explorer_table()
  // dfs: the largest deviation bound of the iteration (-1: bound 0, 1, 2, ...
  // until the budget is spent); pct: depth (-1: 2).
  int bound = -1;
  uint64_t budget = 1000;  // executions at most
  uint64_t seed = 1;
  bool all_outcomes = false;  // --all: census_scenario() instead of stopping at a failure
  // Start each execution from a snapshot of the booted board taken at the
  // first concurrently block (scenario/explore_host.h); --no-snapshot: boot
  // every time. Falls back by itself where no snapshot can be taken.
  bool snapshot = true;
  // -j: threads exploring subtrees of the schedules (0: every core); the
  // result is the same for any number (scenario/explore_shard.h).
  unsigned jobs = 1;
  RunOptions run;
  // A progress display (sim::ExploreOptions::progress); a census fills in
  // its outcomes so far.
  std::function<void(const sim::ExploreProgress&)> progress;
};

// dfs: one bound of the iteration.
struct ExploreBound {
  int bound = 0;
  uint64_t executions = 0;
  bool exhausted = false;  // every schedule within this bound was run
};

// One choice of the shrunk failing schedule, as a picture of it reads it:
// the task chosen, the model function it was in, and what its step touched
// until the next choice ("lock &phydev->lock", "phy_device X", "task Y",
// "unknown").
struct ExploreStep {
  std::string task;
  std::string function;  // "" when the task had no model frame
  uint16_t rank = 0;     // the schedule's rank at this choice (0: the default)
  std::vector<std::string> touched;
};

struct ExploreResult {
  std::string strategy;
  uint64_t executions = 0;
  bool found = false;                // a finding or a failed expect
  bool exhausted = false;            // dfs, dpor explored every schedule within the largest bound
  bool complete = false;             // dfs, dpor: ... and that was every schedule there is
  uint64_t redundant = 0;            // dpor: executions a sleep set stopped early
  bool bound_cut = false;            // dpor: the bound left alternatives out
  std::vector<ExploreBound> bounds;  // dfs: per bound, in the order tried
  std::vector<uint16_t> ranks;       // the failing schedule, shrunk
  std::vector<uint16_t> ranks_before_shrinking;
  std::vector<ExploreStep> steps;     // the shrunk schedule, choice by choice
  std::vector<std::string> outcomes;  // --all: every distinct outcome, sorted
  RunResult failing;                  // the failing run, replayed with its timeline
  std::string snapshot;               // whether executions started from a snapshot (verbose)
};
ExploreResult explore_scenario(const Board& board, const Scenario& scenario,
                               const ExploreOptions& options);

// Every distinct outcome a strategy reaches, run to its end instead of
// stopping at the first failure: for checking that a reduction (dpor)
// loses none of what dfs finds. An outcome is the findings (kind and
// message) and each expect's result, as one line.
struct ExploreCensus {
  uint64_t executions = 0;
  uint64_t redundant = 0;
  bool exhausted = false;
  bool complete = false;
  std::set<std::string> outcomes;
  std::string snapshot;  // as ExploreResult::snapshot
};
ExploreCensus census_scenario(const Board& board, const Scenario& scenario,
                              const ExploreOptions& options);

// Replay files: the schedule and what it was recorded for.
struct ReplayFile {
  std::string board;
  std::string scenario;
  std::map<std::string, std::string> knobs;
  std::vector<uint16_t> ranks;
  // scenario_digest() of the scenario it was recorded for; "" in files
  // written before digests, which are then matched by name alone.
  std::string digest;
  // The strategy that found the schedule and the parameters it ran with
  // (strategy_parameters()); "" and none in files written before they were
  // recorded. Only reported: the ranks alone replay the schedule.
  std::string strategy = "";
  std::map<std::string, std::string> strategy_params = {};
};
// The parameters `explore` ran options.strategy with, as a replay file
// records them: budget, and bound (dfs, dpor; "none" when the bound grew
// until the budget ran out), deviations (what the bound counts: "all"),
// sleep-sets and iterative (dpor), depth (pct), seed (pct, random).
std::map<std::string, std::string> strategy_parameters(const ExploreOptions& options);
// "dfs (bound=2 budget=1000 deviations=all)", "" for a file without a strategy.
std::string describe_strategy(const ReplayFile& r);
// A digest of what a scenario says (its canonical form: comments and layout
// do not count), so that a replay recorded for an edited scenario is refused.
std::string scenario_digest(const Scenario& s);
// Throws sim::UserError when `replay` was recorded for other inputs: another
// board or scenario (by file name), another version of the scenario, or a
// knob set to another value than it was recorded under.
void check_replay_belongs(const ReplayFile& replay, const std::string& file,
                          const std::string& board, const Scenario& scenario,
                          const std::map<std::string, std::string>& knobs);
std::string format_replay_file(const ReplayFile& r);
ReplayFile parse_replay_file(const std::string& text,
                             const std::string& file);  // UserError on bad input

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_RUNNER_H_
