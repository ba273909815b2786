// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/explore.h"

#include <limits>

namespace lifeline::sim {

bool has_findings(const Engine& e) { return !e.findings().empty(); }

namespace {

void run_once(Engine& engine, const Program& program, EngineOptions options, Strategy* s) {
  options.strategy = s;
  engine.reset(options);
  program(engine);
  engine.run();
}

ExploreResult found(Engine& engine, uint64_t executions, std::vector<BoundStats> bounds = {}) {
  ExploreResult r;
  r.executions = executions;
  r.bounds = std::move(bounds);
  r.found = true;
  r.choices = engine.choice_tasks();
  r.findings = engine.findings();
  return r;
}

// Rank of the choice made at a point, in PrefixStrategy's ordering.
uint16_t rank_of(const Choice& c) {
  size_t fifo = c.current >= 0 ? static_cast<size_t>(c.current) : 0;
  if (c.index == fifo) return 0;
  return static_cast<uint16_t>(c.index < fifo ? c.index + 1 : c.index);
}

bool is_preemption(const Choice& c, uint16_t rank) { return c.current >= 0 && rank != 0; }

bool counts(const Choice& c, uint16_t rank, bool all) {
  return all ? rank != 0 : is_preemption(c, rank);
}

}  // namespace

namespace {

// Every schedule with at most `bound` deviations, depth first over the
// choice points of the previous execution, within `budget` executions.
// `pruned` says whether some alternative was left out because of the bound:
// when none was, the bound covered every schedule there is.
struct BoundRun {
  uint64_t executions = 0;
  bool found = false;
  bool exhausted = false;
  bool pruned = false;
};

BoundRun dfs_within_bound(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed, int bound, uint64_t budget) {
  PrefixStrategy strategy;
  std::vector<uint16_t> prefix;
  BoundRun run;
  while (run.executions < budget) {
    strategy.set_prefix(prefix);
    run_once(engine, program, options.engine, &strategy);
    ++run.executions;
    if (failed(engine)) {
      run.found = true;
      return run;
    }
    // Backtrack: the deepest point with an untried rank within the bound.
    const std::vector<Choice>& cs = engine.choices();
    std::vector<int> deviations(cs.size() + 1, 0);
    for (size_t i = 0; i < cs.size(); ++i)
      deviations[i + 1] =
          deviations[i] + (counts(cs[i], rank_of(cs[i]), options.bound_all_deviations) ? 1 : 0);
    bool next = false;
    for (size_t k = cs.size(); k-- > 0 && !next;) {
      uint16_t rank = rank_of(cs[k]);
      for (uint16_t alt = rank + 1; alt < cs[k].options; ++alt) {
        if (deviations[k] + (counts(cs[k], alt, options.bound_all_deviations) ? 1 : 0) > bound) {
          run.pruned = true;
          continue;
        }
        prefix.resize(k);
        for (size_t i = 0; i < k; ++i) prefix[i] = rank_of(cs[i]);
        prefix.push_back(alt);
        next = true;
        break;
      }
    }
    if (!next) {
      run.exhausted = true;
      return run;
    }
  }
  return run;
}

}  // namespace

ExploreResult explore_dfs(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed) {
  // Iterative context bounding: every schedule with no deviation from the
  // default, then every one with at most 1, at most 2, ... Shallow bugs,
  // which are most bugs, are found first, and each bound's space is
  // exhausted before a larger one is tried. A bound re-runs the schedules
  // of the smaller ones on its way (they are few next to its own).
  ExploreResult result;
  int max_bound =
      options.preemption_bound < 0 ? std::numeric_limits<int>::max() : options.preemption_bound;
  for (int bound = 0; bound <= max_bound && result.executions < options.budget; ++bound) {
    BoundRun run = dfs_within_bound(engine, program, options, failed, bound,
                                    options.budget - result.executions);
    result.executions += run.executions;
    result.bounds.push_back(BoundStats{bound, run.executions, run.exhausted});
    if (run.found) return found(engine, result.executions, std::move(result.bounds));
    if (run.exhausted && (!run.pruned || bound == max_bound)) {
      // Every schedule within the largest bound, or every schedule at all.
      result.exhausted = true;
      result.complete = !run.pruned;
      return result;
    }
  }
  return result;
}

ExploreResult explore_random(Engine& engine, const Program& program, const ExploreOptions& options,
                             const FailurePredicate& failed) {
  RandomStrategy strategy(options.seed);
  ExploreResult result;
  while (result.executions < options.budget) {
    run_once(engine, program, options.engine, &strategy);
    ++result.executions;
    if (failed(engine)) return found(engine, result.executions);
  }
  return result;
}

ExploreResult explore_pct(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed) {
  // A first fifo run measures the length of an execution.
  ExploreResult result;
  FifoStrategy fifo;
  run_once(engine, program, options.engine, &fifo);
  ++result.executions;
  if (failed(engine)) return found(engine, result.executions);
  PctStrategy strategy(options.seed, options.pct_depth, engine.steps());
  while (result.executions < options.budget) {
    run_once(engine, program, options.engine, &strategy);
    ++result.executions;
    if (failed(engine)) return found(engine, result.executions);
  }
  return result;
}

std::vector<uint16_t> choice_ranks(const std::vector<Choice>& choices) {
  std::vector<uint16_t> ranks;
  ranks.reserve(choices.size());
  for (const Choice& c : choices) ranks.push_back(rank_of(c));
  return ranks;
}

void run_replay(Engine& engine, const Program& program, const std::vector<uint32_t>& choices,
                EngineOptions options) {
  ReplayStrategy strategy(choices);
  run_once(engine, program, options, &strategy);
}

}  // namespace lifeline::sim
