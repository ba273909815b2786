// SPDX-License-Identifier: GPL-2.0-only
// A scenario's schedules explored by subtrees (sim/explore_parallel.h): on
// -j threads in one process, or as shard K of N (`explore --shard K/N`),
// whose records `lifeline merge` assembles into the verdict one process
// would have given.
#ifndef LIFELINE_SCENARIO_EXPLORE_SHARD_H_
#define LIFELINE_SCENARIO_EXPLORE_SHARD_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lifeline/scenario/runner.h"
#include "lifeline/sim/explore_parallel.h"

namespace lifeline::scenario {

// explore_scenario()'s options as the engine's explorer takes them.
sim::ExploreOptions engine_explore_options(const ExploreOptions& options);

// A worker's own Execution of the scenario: worker 0 on `board`, the others
// on their own copy of it (a run writes into the board's firmware tree).
// Each worker's executions start from its own snapshot of the booted board
// when `snapshot` (scenario/explore_host.h); `described`, when given, gets
// worker 0's snapshot description (ExploreHost::describe()) as it ends.
sim::WorkerFactory scenario_workers(const Board& board, const Scenario& scenario,
                                    const RunOptions& run, bool snapshot,
                                    std::function<void(const std::string&)> described = {});

// The search of explore_scenario(): its verdict and the failing schedule
// (not shrunk), on options.jobs threads (0: every core).
// `snapshot`, when given, gets the snapshot description of the search's
// worker 0 (for -v).
sim::AssembledResult search_scenario(const Board& board, const Scenario& scenario,
                                     const ExploreOptions& options,
                                     std::string* snapshot = nullptr);

// Shrinks a failing schedule of the scenario (check::shrink_schedule()).
std::vector<uint16_t> shrink_scenario_schedule(const Board& board, const Scenario& scenario,
                                               const RunOptions& run,
                                               const std::vector<uint16_t>& ranks,
                                               bool snapshot = true);

// What one shard explored: the partition (every shard computes the same),
// the records of its subtrees, and its first finding shrunk.
struct ShardResult {
  sim::Shard shard;
  sim::Partition partition;
  std::vector<sim::SubtreeRecord> records;
  std::vector<uint16_t> shrunk;  // the shard's finding (its one found record), shrunk
};
ShardResult explore_scenario_shard(const Board& board, const Scenario& scenario,
                                   const ExploreOptions& options, sim::Shard shard);

// The shards' verdict: what explore_scenario() gives, without the replayed
// failing run (its steps and timeline). A sim::UserError when a shard is
// missing or given twice.
ExploreResult merge_shards(const ExploreOptions& options, const std::vector<ShardResult>& shards);

// "K/N" (0 <= K < N); "mpi": K and N from Open MPI's OMPI_COMM_WORLD_RANK
// and OMPI_COMM_WORLD_SIZE (or PMI_RANK/PMI_SIZE, MPICH's); "slurm": from
// SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) and SLURM_ARRAY_TASK_COUNT;
// "auto": whichever of them is set. `env` reads the environment. A
// sim::UserError naming what is wrong.
sim::Shard parse_shard(const std::string& spec, const std::function<const char*(const char*)>& env);

}  // namespace lifeline::scenario

#endif  // LIFELINE_SCENARIO_EXPLORE_SHARD_H_
