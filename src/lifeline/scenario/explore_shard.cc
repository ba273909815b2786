// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/explore_shard.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <set>

#include "lifeline/check/shrink.h"
#include "lifeline/scenario/execution.h"
#include "lifeline/scenario/explore_host.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

sim::ExploreOptions engine_explore_options(const ExploreOptions& options) {
  sim::ExploreOptions eo;
  eo.budget = options.budget;
  eo.preemption_bound = options.bound;  // -1: as far as the budget goes
  // A scenario's choices include tasks that block and wake all the time:
  // bound every deviation from the default schedule, or dfs drowns in them.
  eo.bound_all_deviations = true;
  eo.pct_depth = options.bound < 0 ? 2 : std::max(1, options.bound);
  eo.seed = options.seed;
  eo.engine.record_trace = false;
  eo.progress = options.progress;
  return eo;
}

namespace {

// A worker's board copy and its host (engine, execution, snapshot
// session); the host goes first, before the board it runs on.
struct Worker {
  std::optional<Board> copy;
  std::unique_ptr<ExploreHost> host;
  std::function<void(const std::string&)> described;
  ~Worker() {
    if (host && described) described(host->describe());
  }
};

}  // namespace

sim::WorkerFactory scenario_workers(const Board& board, const Scenario& scenario,
                                    const RunOptions& run, bool snapshot,
                                    std::function<void(const std::string&)> described) {
  RunOptions quiet = run;
  quiet.trace = false;
  return [&board, &scenario, quiet, snapshot, described](unsigned w) {
    auto state = std::make_shared<Worker>();
    const Board* own = &board;
    if (w > 0) {
      state->copy = load_board(board.path);
      own = &*state->copy;
    }
    state->host = std::make_unique<ExploreHost>(*own, scenario, quiet, snapshot);
    if (w == 0) state->described = described;
    Execution* ex = &state->host->execution();
    sim::WorkerProgram wp;
    wp.program = [ex](sim::Engine& e) { ex->setup(e); };
    wp.failed = [ex](const sim::Engine& e) {
      if (ex->user_error()) throw *ex->user_error();
      return ex->failed(e);
    };
    wp.engine = &state->host->engine();
    wp.snapshot = state->host->session();
    wp.state = state;
    return wp;
  };
}

sim::AssembledResult search_scenario(const Board& board, const Scenario& scenario,
                                     const ExploreOptions& options, std::string* snapshot) {
  unsigned jobs = options.jobs ? options.jobs : sim::default_jobs();
  auto described = [snapshot](const std::string& d) {
    if (snapshot) *snapshot = d;
  };
  return sim::explore_parallel(
      options.strategy, engine_explore_options(options), jobs,
      scenario_workers(board, scenario, options.run, options.snapshot, described));
}

std::vector<uint16_t> shrink_scenario_schedule(const Board& board, const Scenario& scenario,
                                               const RunOptions& run,
                                               const std::vector<uint16_t>& ranks, bool snapshot) {
  RunOptions quiet = run;
  quiet.trace = false;
  ExploreHost host(board, scenario, quiet, snapshot);
  auto still_fails = [&](const std::vector<uint16_t>& r) {
    sim::PrefixStrategy s;
    s.set_prefix(r);
    sim::EngineOptions o;
    o.strategy = &s;
    host.run(o);
    if (host.execution().user_error()) throw *host.execution().user_error();
    return host.execution().failed(host.engine());
  };
  return check::shrink_schedule(ranks, still_fails);
}

ShardResult explore_scenario_shard(const Board& board, const Scenario& scenario,
                                   const ExploreOptions& options, sim::Shard shard) {
  if (!sim::partitioned(options.strategy))
    throw sim::UserError("--shard: strategy " + options.strategy +
                         " is not explored by subtrees (dfs and dpor are)");
  sim::ExploreOptions eo = engine_explore_options(options);
  sim::WorkerFactory workers = scenario_workers(board, scenario, options.run, options.snapshot);
  ShardResult r;
  r.shard = shard;
  {
    sim::Engine engine;
    r.partition = sim::partition(engine, workers(0), options.strategy, eo);
    engine.reset();
  }
  unsigned jobs = options.jobs ? options.jobs : sim::default_jobs();
  r.records = sim::explore_subtrees(options.strategy, eo, r.partition, shard, jobs, workers);
  for (const sim::SubtreeRecord& x : r.records)
    if (x.found)
      r.shrunk = shrink_scenario_schedule(board, scenario, options.run, x.ranks, options.snapshot);
  return r;
}

ExploreResult merge_shards(const ExploreOptions& options, const std::vector<ShardResult>& shards) {
  if (shards.empty()) throw sim::UserError("merge: no shard results");
  const uint32_t n = shards.front().shard.count;
  std::set<uint32_t> seen;
  std::vector<sim::SubtreeRecord> all;
  for (const ShardResult& s : shards) {
    if (s.shard.count != n)
      throw sim::UserError("merge: shard " + std::to_string(s.shard.index) + "/" +
                           std::to_string(s.shard.count) + " is of another split than " +
                           std::to_string(shards.front().shard.index) + "/" + std::to_string(n));
    if (!seen.insert(s.shard.index).second)
      throw sim::UserError("merge: shard " + std::to_string(s.shard.index) + "/" +
                           std::to_string(n) + " is given twice");
    if (s.partition.subtrees.size() != shards.front().partition.subtrees.size())
      throw sim::UserError(
          "merge: the shards split the schedules differently (another "
          "version of lifeline, scenario or board?)");
    all.insert(all.end(), s.records.begin(), s.records.end());
  }
  for (uint32_t k = 0; k < n; ++k)
    if (!seen.count(k))
      throw sim::UserError("merge: shard " + std::to_string(k) + "/" + std::to_string(n) +
                           " is missing");
  sim::AssembledResult a = sim::assemble(options.strategy, engine_explore_options(options),
                                         shards.front().partition, all);
  ExploreResult r;
  r.strategy = options.strategy;
  r.executions = a.result.executions;
  r.exhausted = a.result.exhausted;
  r.complete = a.result.complete;
  r.redundant = a.result.redundant;
  r.bound_cut = a.result.bound_cut;
  for (const sim::BoundStats& b : a.result.bounds)
    r.bounds.push_back(ExploreBound{b.bound, b.executions, b.exhausted});
  r.found = a.result.found;
  if (r.found) {
    r.ranks_before_shrinking = a.ranks;
    // The finding is the first of the shard that owns its subtree.
    for (const ShardResult& s : shards)
      if (static_cast<uint32_t>(a.subtree) % n == s.shard.index) r.ranks = s.shrunk;
  }
  return r;
}

sim::Shard parse_shard(const std::string& spec,
                       const std::function<const char*(const char*)>& env) {
  auto number = [](const std::string& what, const char* text) -> uint64_t {
    std::string s = text ? text : "";
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
      throw sim::UserError("--shard: " + what + " is '" + s + "', expected a number");
    return std::stoull(s);
  };
  uint64_t k = 0, n = 0;
  std::string how = spec;
  if (how == "auto") {
    if (env("OMPI_COMM_WORLD_SIZE") || env("PMI_SIZE"))
      how = "mpi";
    else if (env("SLURM_ARRAY_TASK_COUNT"))
      how = "slurm";
    else
      throw sim::UserError(
          "--shard auto: none of OMPI_COMM_WORLD_SIZE, PMI_SIZE, SLURM_ARRAY_TASK_COUNT is set "
          "(run it under mpirun or in a Slurm job array, or give --shard K/N)");
  }
  if (how == "mpi") {
    bool ompi = env("OMPI_COMM_WORLD_SIZE") != nullptr;
    const char* size = ompi ? "OMPI_COMM_WORLD_SIZE" : "PMI_SIZE";
    const char* rank = ompi ? "OMPI_COMM_WORLD_RANK" : "PMI_RANK";
    if (!env(size))
      throw sim::UserError(
          "--shard mpi: OMPI_COMM_WORLD_SIZE is not set (run it under mpirun -np N)");
    n = number(size, env(size));
    k = number(rank, env(rank));
  } else if (how == "slurm") {
    if (!env("SLURM_ARRAY_TASK_COUNT"))
      throw sim::UserError(
          "--shard slurm: SLURM_ARRAY_TASK_COUNT is not set (run it in a job array, sbatch "
          "--array=0-N)");
    n = number("SLURM_ARRAY_TASK_COUNT", env("SLURM_ARRAY_TASK_COUNT"));
    k = number("SLURM_ARRAY_TASK_ID", env("SLURM_ARRAY_TASK_ID"));
    uint64_t min = env("SLURM_ARRAY_TASK_MIN")
                       ? number("SLURM_ARRAY_TASK_MIN", env("SLURM_ARRAY_TASK_MIN"))
                       : 0;
    if (k < min) throw sim::UserError("--shard slurm: SLURM_ARRAY_TASK_ID is below its minimum");
    k -= min;
  } else {
    size_t slash = spec.find('/');
    if (slash == std::string::npos)
      throw sim::UserError("--shard " + spec + ": expected K/N (0 <= K < N), mpi, slurm or auto");
    k = number("K", spec.substr(0, slash).c_str());
    n = number("N", spec.substr(slash + 1).c_str());
  }
  if (n == 0 || k >= n)
    throw sim::UserError("--shard " + spec + ": shard " + std::to_string(k) + " of " +
                         std::to_string(n) + ", expected 0 <= K < N");
  return sim::Shard{static_cast<uint32_t>(k), static_cast<uint32_t>(n)};
}

}  // namespace lifeline::scenario
