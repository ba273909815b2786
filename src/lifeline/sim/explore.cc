// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/explore.h"

namespace lifeline::sim {

bool has_findings(const Engine& e) { return !e.findings().empty(); }

namespace {

void run_once(Engine& engine, const Program& program, EngineOptions options, Strategy* s) {
  options.strategy = s;
  engine.reset(options);
  program(engine);
  engine.run();
}

ExploreResult found(Engine& engine, uint64_t executions) {
  ExploreResult r;
  r.executions = executions;
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

bool counts(const Choice& c, uint16_t rank, bool all) { return all ? rank != 0 : is_preemption(c, rank); }

}  // namespace

ExploreResult explore_dfs(Engine& engine, const Program& program, const ExploreOptions& options,
                          const FailurePredicate& failed) {
  // Iterative context bounding: every schedule with at most K preemptions,
  // depth first over the choice points of the previous execution.
  PrefixStrategy strategy;
  std::vector<uint16_t> prefix;
  ExploreResult result;
  for (;;) {
    strategy.set_prefix(prefix);
    run_once(engine, program, options.engine, &strategy);
    ++result.executions;
    if (failed(engine)) return found(engine, result.executions);
    if (result.executions >= options.budget) return result;
    // Backtrack: the deepest point with an untried rank within the bound.
    const std::vector<Choice>& cs = engine.choices();
    std::vector<int> preemptions(cs.size() + 1, 0);
    for (size_t i = 0; i < cs.size(); ++i)
      preemptions[i + 1] =
          preemptions[i] + (counts(cs[i], rank_of(cs[i]), options.bound_all_deviations) ? 1 : 0);
    bool next = false;
    for (size_t k = cs.size(); k-- > 0;) {
      uint16_t rank = rank_of(cs[k]);
      for (uint16_t alt = rank + 1; alt < cs[k].options; ++alt) {
        if (preemptions[k] + (counts(cs[k], alt, options.bound_all_deviations) ? 1 : 0) >
            options.preemption_bound)
          continue;
        prefix.resize(k);
        for (size_t i = 0; i < k; ++i) prefix[i] = rank_of(cs[i]);
        prefix.push_back(alt);
        next = true;
        break;
      }
      if (next) break;
    }
    if (!next) {
      result.exhausted = true;
      return result;
    }
  }
}

ExploreResult explore_random(Engine& engine, const Program& program,
                             const ExploreOptions& options, const FailurePredicate& failed) {
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
