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
#include <vector>

#include "lifeline/sim/engine.h"

namespace lifeline::sim {

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
  bool found = false;              // a failing execution was found
  bool exhausted = false;          // dfs: every schedule within the largest bound was run
  bool complete = false;           // dfs: ... and no bound left any schedule out: all were run
  std::vector<BoundStats> bounds;  // dfs: per bound tried, in order
  std::vector<uint32_t> choices;   // the failing schedule (task ids), for ReplayStrategy
  std::vector<Finding> findings;   // of the failing execution
};

struct ExploreOptions {
  uint64_t budget = 100000;  // executions at most
  int preemption_bound = 2;  // dfs: the largest bound; -1: no limit but the budget
  // dfs: count every choice other than the default (delay bounding), not
  // only preemptions; the schedules then grow polynomially with length.
  bool bound_all_deviations = false;
  uint64_t seed = 1;     // random, pct
  int pct_depth = 3;     // pct
  EngineOptions engine;  // strategy is set by the explorer
};

ExploreResult explore_dfs(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed = has_findings);
ExploreResult explore_random(Engine& engine, const Program& program, const ExploreOptions& options,
                             const FailurePredicate& failed = has_findings);
ExploreResult explore_pct(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed = has_findings);

// The choices of an execution as ranks (PrefixStrategy's ordering: 0 is the
// fifo choice), which replay the same schedule through PrefixStrategy.
std::vector<uint16_t> choice_ranks(const std::vector<Choice>& choices);

// Runs the program once under a recorded schedule.
void run_replay(Engine& engine, const Program& program, const std::vector<uint32_t>& choices,
                EngineOptions options = {});

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_EXPLORE_H_
