// SPDX-License-Identifier: GPL-2.0-only
// Running a program under many schedules: iterative context bounding
// (depth-first search over the choices with at most 0, 1, 2, ... K
// deviations from the default schedule), seeded random, and PCT. A program spawns its
// tasks into a freshly reset engine; an execution fails when `failed` says so
// (by default: when it has any finding).
#ifndef LIFELINE_SIM_EXPLORE_H_
#define LIFELINE_SIM_EXPLORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lifeline/sim/engine.h"
#include "lifeline/sim/strategy.h"

namespace lifeline::sim {

class SnapshotSession;

using Program = std::function<void(Engine&)>;
using FailurePredicate = std::function<bool(const Engine&)>;

bool has_findings(const Engine& e);

// dfs: what one bound of the iteration ran.
struct BoundStats {
  int bound = 0;
  uint64_t executions = 0;  // executions run at this bound (the smaller bounds' again included)
  bool exhausted = false;   // every schedule within this bound was run
};

struct ExploreResult {
  uint64_t executions = 0;
  bool found = false;      // a failing execution was found
  bool exhausted = false;  // dfs: every schedule within the largest bound was run
  bool complete = false;   // dfs: ... and no bound left any schedule out: all were run
  // dpor: executions a sleep set stopped early (they would only have
  // repeated an explored class), and whether the bound left alternatives out.
  uint64_t redundant = 0;
  bool bound_cut = false;
  std::vector<BoundStats> bounds;  // dfs: per bound tried, in order
  std::vector<uint32_t> choices;   // the failing schedule (task ids), for ReplayStrategy
};

// What explore() tells a progress display while it runs. Display only:
// nothing the search does depends on whether or how often it is called.
struct ExploreProgress {
  const char* strategy = "";
  uint64_t executions = 0;
  uint64_t budget = 0;
  uint64_t redundant = 0;  // dpor: so far
  int bound = -1;          // dfs, dpor: the bound being searched; -1: none (pct, random)
  int max_bound = -1;      // dfs, dpor: the largest bound it will try; -1: only the budget
  // Branches known and not run yet, each at least one more execution: the
  // next execution, and dfs: the untried alternatives within the bound on
  // its path; dpor: the backtrack points pending on it.
  uint64_t frontier = 0;
  uint64_t findings = 0;           // failing executions so far
  uint64_t outcomes = 0;           // a census (scenario::census_scenario): distinct outcomes so far
  std::vector<BoundStats> bounds;  // dfs, dpor: the bounds finished so far, in order
  bool done = false;               // the last call: the search has ended
};
using ProgressCallback = std::function<void(const ExploreProgress&)>;

struct ExploreOptions {
  uint64_t budget = 100000;  // executions at most
  int preemption_bound = 2;  // dfs: the largest bound; -1: no limit but the budget
  // dfs: count every choice other than the default (delay bounding), not
  // only preemptions; the schedules then grow polynomially with length.
  bool bound_all_deviations = false;
  uint64_t seed = 1;            // random, pct
  int pct_depth = 3;            // pct
  bool dpor_sleep_sets = true;  // dpor: off only to show what they save
  // dpor: bound 0, 1, 2, ... up to preemption_bound, as dfs does; false: one
  // search within preemption_bound (the soundness tests count its executions).
  bool dpor_iterative = true;
  // dfs, dpor: explore only the schedules that begin with these ranks (a
  // subtree of explore_parallel.h's partition: every other option at these
  // choices is another subtree's, so the search never backtracks into them).
  std::vector<uint16_t> prefix;
  int first_bound = 0;   // dfs: the first bound of the iteration
  EngineOptions engine;  // strategy is set by the explorer's next()
  // Called every progress_every executions and once at the end (done).
  ProgressCallback progress;
  uint64_t progress_every = 256;
  // Executions start from this session's snapshot when it has one
  // (sim/snapshot.h); nullptr: each execution runs from the start.
  SnapshotSession* snapshot = nullptr;
};

// An exploration strategy: which schedule each execution runs, when there
// is nothing left to run, and what it covered. One loop (explore()) drives
// every strategy; a strategy is one class and one row of explorer_table().
class Explorer {
 public:
  virtual ~Explorer() = default;
  virtual const char* name() const = 0;
  // Whether its executions record their accesses (EngineOptions::record_accesses).
  virtual bool needs_accesses() const { return false; }
  // The scheduling strategy of the next execution; nullptr when every
  // schedule this explorer means to run has run.
  virtual Strategy* next() = 0;
  // After an execution that did not fail (or that the explorer stopped
  // early: Engine::request_stop()): what it learns from it (its choices,
  // its length) for the next one.
  virtual void ran(const Engine& engine) = 0;
  // Its coverage, into the result at the end: dfs's bounds and whether it
  // exhausted them; nothing for the sampling strategies.
  virtual void coverage(ExploreResult& /*result*/) const {}
  // For a progress display, right after ran(engine): the bound, the
  // frontier, the finished bounds. Nothing for the sampling strategies.
  virtual void progress(const Engine& /*engine*/, ExploreProgress& /*p*/) const {}
};

struct ExplorerInfo {
  const char* name;         // "dfs", as --strategy takes it
  const char* description;  // one line, for --help
  std::unique_ptr<Explorer> (*make)(const ExploreOptions& options);
};

// dfs (iterative context bounding), dpor, pct, random; dfs first, the default.
std::span<const ExplorerInfo> explorer_table();
std::vector<std::string> explorer_names();
// The explorer called `name`; a sim::UserError naming the closest one for
// an unknown name.
std::unique_ptr<Explorer> make_explorer(std::string_view name, const ExploreOptions& options);

// Runs the program under the explorer's schedules until one fails (the
// engine is left with that execution's state) or options.budget executions
// ran or the explorer has nothing left.
ExploreResult explore(Engine& engine, const Program& program, Explorer& explorer,
                      const ExploreOptions& options, const FailurePredicate& failed = has_findings);
// The same with make_explorer(strategy, options).
ExploreResult explore(Engine& engine, std::string_view strategy, const Program& program,
                      const ExploreOptions& options, const FailurePredicate& failed = has_findings);

// The choices of an execution as ranks (PrefixStrategy's ordering: 0 is the
// fifo choice), which replay the same schedule through PrefixStrategy.
std::vector<uint16_t> choice_ranks(const std::vector<Choice>& choices);

// Runs the program once under a recorded schedule.
void run_replay(Engine& engine, const Program& program, const std::vector<uint32_t>& choices,
                EngineOptions options = {});

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_EXPLORE_H_
