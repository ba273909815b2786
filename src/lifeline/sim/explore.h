// SPDX-License-Identifier: GPL-2.0-only
// Running a program under many schedules: bounded depth-first search over
// choices (preemption bound K), seeded random, and PCT. A program spawns its
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

struct ExploreResult {
  uint64_t executions = 0;
  bool found = false;             // a failing execution was found
  bool exhausted = false;         // dfs: every schedule within the bound was run
  std::vector<uint32_t> choices;  // the failing schedule (task ids), for ReplayStrategy
  std::vector<Finding> findings;  // of the failing execution
};

struct ExploreOptions {
  uint64_t budget = 100000;    // executions at most
  int preemption_bound = 2;    // dfs
  // dfs: count every choice other than the default (delay bounding), not
  // only preemptions; the schedules then grow polynomially with length.
  bool bound_all_deviations = false;
  uint64_t seed = 1;           // random, pct
  int pct_depth = 3;           // pct
  EngineOptions engine;        // strategy is set by the explorer
};

ExploreResult explore_dfs(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed = has_findings);
ExploreResult explore_random(Engine& engine, const Program& program,
                             const ExploreOptions& options,
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
