// SPDX-License-Identifier: GPL-2.0-only
// Exploring on every core and across machines: the schedule space is split
// into subtrees at its first choice points (a partition that depends on the
// program alone, never on the number of threads or shards), each subtree is
// explored on its own engine, and the subtrees' records are assembled in a
// fixed order into the result the one-engine search (explore.h) gives:
//
// - dfs and dpor iterate the bound as explore() does; at bound b every
//   subtree whose prefix has at most b deviations runs a search of that
//   bound restricted to its prefix (ExploreOptions::prefix);
// - the records are read in the order (bound, subtree index), which for
//   dfs is explore()'s own order (depth first is lexicographic in the
//   ranks, and the subtrees are numbered lexicographically): the first
//   failing record is the finding, the executions are those before it, a
//   budget cuts the records where explore() would have stopped;
// - a subtree that a bound cut nothing from has the same schedules at every
//   larger bound: its record is reused (and counted, as explore() re-runs
//   the smaller bounds' schedules) instead of run again.
//
// So -j 1 and -j N, and N shards merged, give one result: the same finding,
// executions, exhaustion verdict and bounds; for dfs also the same as
// explore() on one engine. dpor's subtrees start with empty sleep sets and
// do not reorder across the fixed prefix, so it runs somewhat more
// executions than one dpor search (sound: see partition()).
// pct and random are not partitioned: they run on one engine.
#ifndef LIFELINE_SIM_EXPLORE_PARALLEL_H_
#define LIFELINE_SIM_EXPLORE_PARALLEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lifeline/sim/explore.h"
#include "lifeline/sim/snapshot.h"

namespace lifeline::sim {

// One subtree: the schedules that begin with `prefix` (ranks).
struct Subtree {
  std::vector<uint16_t> prefix;
  int deviations = 0;  // of the prefix, as the bound counts them
};

struct Partition {
  std::vector<Subtree> subtrees;  // in lexicographic order of their prefixes
  // Prefixes left out because their deviations exceed the largest bound.
  bool dropped = false;
  uint64_t executions = 0;  // run to find the choice points (not in the result's count)
};

// Whether `strategy` is explored by subtrees (dfs, dpor).
bool partitioned(const std::string& strategy);

// A worker's own copy of the program: the program's state (a scenario's
// Execution and board) is per thread, as the engine is.
struct WorkerProgram {
  Program program;
  FailurePredicate failed = has_findings;
  std::shared_ptr<void> state;  // kept alive while the worker runs
  // The worker's own engine when the program needs one of its making (one
  // living in a snapshot session's arena); nullptr: the worker makes one.
  Engine* engine = nullptr;
  // Its executions start from this session's snapshot (sim/snapshot.h);
  // nullptr: each boots. One session per thread at a time.
  SnapshotSession* snapshot = nullptr;
};
// Called once on each worker thread (worker 0 is the calling thread).
using WorkerFactory = std::function<WorkerProgram(unsigned worker)>;

// The subtrees of the program's schedule space for `strategy` (ranks taken
// from executions of the program on `engine`).
Partition partition(Engine& engine, const WorkerProgram& program, const std::string& strategy,
                    const ExploreOptions& options);

// What one subtree's search of one bound gave.
struct SubtreeRecord {
  uint32_t subtree = 0;
  int bound = 0;
  uint64_t executions = 0;
  uint64_t redundant = 0;       // dpor
  bool found = false;           // its last execution failed
  bool cut = false;             // ran to the end, and the bound left schedules out
  bool stopped = false;         // stopped before its end (budget, or a finding before it)
  std::vector<uint16_t> ranks;  // found: the failing schedule
};

struct Shard {
  uint32_t index = 0;  // K of K/N: this shard explores the subtrees i with i % N == K
  uint32_t count = 1;  // N
};

// Explores the shard's subtrees on `jobs` threads, each with its own engine
// and program from `factory`; the records assemble() needs from this shard.
std::vector<SubtreeRecord> explore_subtrees(const std::string& strategy,
                                            const ExploreOptions& options,
                                            const Partition& partition, Shard shard, unsigned jobs,
                                            const WorkerFactory& factory);

struct AssembledResult {
  ExploreResult result;
  std::vector<uint16_t> ranks;  // found: the failing schedule (ranks)
  int64_t subtree = -1;         // found: its subtree
  // explore_parallel(): the executions it really ran (the partition's, and
  // each record's once, reused or not; the stopped ones too).
  uint64_t ran = 0;
};

// The result from every shard's records, in the order (bound, subtree). A
// sim::UserError when a record it needs is missing (a shard not given).
AssembledResult assemble(const std::string& strategy, const ExploreOptions& options,
                         const Partition& partition, const std::vector<SubtreeRecord>& records);

// partition() + explore_subtrees() of the one shard + assemble(). For pct
// and random: explore() on one engine.
AssembledResult explore_parallel(const std::string& strategy, const ExploreOptions& options,
                                 unsigned jobs, const WorkerFactory& factory);

// std::thread::hardware_concurrency(), at least 1: -j's default.
unsigned default_jobs();

}  // namespace lifeline::sim

#endif  // LIFELINE_SIM_EXPLORE_PARALLEL_H_
