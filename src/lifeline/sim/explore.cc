// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/sim/explore.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "lifeline/sim/dpor.h"
#include "lifeline/sim/snapshot.h"
#include "lifeline/sim/suggest.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::sim {

bool has_findings(const Engine& e) { return !e.findings().empty(); }

namespace {

StopReason run_once(Engine& engine, const Program& program, EngineOptions options, Strategy* s,
                    SnapshotSession* snapshot = nullptr) {
  options.strategy = s;
  if (snapshot) return snapshot->run(engine, program, options);
  engine.reset(options);
  program(engine);
  return engine.run();
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

// Iterative context bounding: every schedule with no deviation from the
// default, then every one with at most 1, at most 2, ... Shallow bugs,
// which are most bugs, are found first, and each bound's space is exhausted
// before a larger one is tried. A bound re-runs the schedules of the
// smaller ones on its way (they are few next to its own). Within a bound,
// depth first over the choice points of the previous execution.
class DfsExplorer : public Explorer {
 public:
  explicit DfsExplorer(const ExploreOptions& o)
      : max_bound_(o.preemption_bound < 0 ? std::numeric_limits<int>::max() : o.preemption_bound),
        all_deviations_(o.bound_all_deviations),
        fixed_(o.prefix),
        prefix_(o.prefix),
        bound_(std::min(o.first_bound, max_bound_)) {}
  const char* name() const override { return "dfs"; }

  Strategy* next() override {
    if (done_) return nullptr;
    strategy_.set_prefix(prefix_);
    ++executions_;
    return &strategy_;
  }

  void ran(const Engine& engine) override {
    if (backtrack(engine.choices())) return;
    // Every schedule within this bound ran. When no alternative was left
    // out because of the bound, the bound covered every schedule there is.
    bounds_.push_back(BoundStats{bound_, executions_, true});
    if (!pruned_ || bound_ == max_bound_) {
      done_ = true;
      complete_ = !pruned_;
      return;
    }
    ++bound_;
    executions_ = 0;
    pruned_ = false;
    prefix_ = fixed_;
  }

  void coverage(ExploreResult& r) const override {
    r.bounds = bounds_;
    if (!done_ && executions_ > 0) r.bounds.push_back(BoundStats{bound_, executions_, false});
    r.exhausted = done_;
    r.complete = complete_;
  }

  // The frontier: the next execution, and the alternatives within the
  // bound not yet tried at the choice points it shares with the last one
  // (prefix_).
  void progress(const Engine& engine, ExploreProgress& p) const override {
    p.bound = bound_;
    p.max_bound = max_bound_ == std::numeric_limits<int>::max() ? -1 : max_bound_;
    p.bounds = bounds_;
    if (done_) return;
    p.frontier = 1;
    const std::vector<Choice>& cs = engine.choices();
    int deviations = 0;
    for (size_t k = 0; k < prefix_.size() && k < cs.size(); ++k) {
      uint16_t taken = k + 1 == prefix_.size() ? prefix_[k] : rank_of(cs[k]);
      for (uint16_t alt = taken + 1; alt < cs[k].options; ++alt)
        if (deviations + (counts(cs[k], alt, all_deviations_) ? 1 : 0) <= bound_) ++p.frontier;
      deviations += counts(cs[k], rank_of(cs[k]), all_deviations_) ? 1 : 0;
    }
  }

 private:
  // The deepest point with an untried rank within the bound: the prefix of
  // the next execution. False when there is none.
  bool backtrack(const std::vector<Choice>& cs) {
    std::vector<int> deviations(cs.size() + 1, 0);
    for (size_t i = 0; i < cs.size(); ++i)
      deviations[i + 1] = deviations[i] + (counts(cs[i], rank_of(cs[i]), all_deviations_) ? 1 : 0);
    for (size_t k = cs.size(); k-- > fixed_.size();) {
      uint16_t rank = rank_of(cs[k]);
      for (uint16_t alt = rank + 1; alt < cs[k].options; ++alt) {
        if (deviations[k] + (counts(cs[k], alt, all_deviations_) ? 1 : 0) > bound_) {
          pruned_ = true;
          continue;
        }
        prefix_.resize(k);
        for (size_t i = 0; i < k; ++i) prefix_[i] = rank_of(cs[i]);
        prefix_.push_back(alt);
        return true;
      }
    }
    return false;
  }

  const int max_bound_;
  const bool all_deviations_;
  const std::vector<uint16_t> fixed_;  // ExploreOptions::prefix: never backtracked into
  PrefixStrategy strategy_;
  std::vector<uint16_t> prefix_;
  int bound_;
  uint64_t executions_ = 0;  // at the current bound
  bool pruned_ = false;      // the current bound left some alternative out
  std::vector<BoundStats> bounds_;
  bool done_ = false;
  bool complete_ = false;
};

// Seeded random choices; each execution continues the seed's stream.
class RandomExplorer : public Explorer {
 public:
  explicit RandomExplorer(const ExploreOptions& o) : strategy_(o.seed) {}
  const char* name() const override { return "random"; }
  Strategy* next() override { return &strategy_; }
  void ran(const Engine&) override {}

 private:
  RandomStrategy strategy_;
};

// PCT: a first fifo execution counts the choice points of an execution, so
// that the change points fall among the choices of the next ones (not into
// the boot, which has none).
class PctExplorer : public Explorer {
 public:
  explicit PctExplorer(const ExploreOptions& o) : seed_(o.seed), depth_(o.pct_depth) {}
  const char* name() const override { return "pct"; }
  Strategy* next() override { return pct_ ? static_cast<Strategy*>(&*pct_) : &fifo_; }
  void ran(const Engine& engine) override {
    if (!pct_) pct_.emplace(seed_, depth_, engine.choices().size());
  }

 private:
  uint64_t seed_;
  int depth_;
  FifoStrategy fifo_;
  std::optional<PctStrategy> pct_;
};

template <class T>
std::unique_ptr<Explorer> make(const ExploreOptions& o) {
  return std::make_unique<T>(o);
}

constexpr ExplorerInfo kExplorers[] = {
    {"dfs",
     "iterative deepening of the bound (context bounding): every schedule with 0 deviations "
     "from the default, then 1, 2, ... up to --bound (default: until the budget is spent), "
     "depth first within a bound; takes --bound, --budget",
     make<DfsExplorer>},
    {"dpor",
     "source-set dynamic partial-order reduction with sleep sets: one execution per order of "
     "the dependent steps (locks, objects, work, timers), the bound deepened as dfs does; "
     "takes --bound, --budget",
     make_dpor_explorer},
    {"pct",
     "probabilistic concurrency testing: random priorities, depth-1 change points among the "
     "choice points; takes --bound as the depth (default 2), --seed, --budget",
     make<PctExplorer>},
    {"random", "a seeded random choice at every choice point; takes --seed, --budget",
     make<RandomExplorer>},
};

}  // namespace

std::span<const ExplorerInfo> explorer_table() { return kExplorers; }

std::vector<std::string> explorer_names() {
  std::vector<std::string> names;
  for (const ExplorerInfo& x : kExplorers) names.emplace_back(x.name);
  return names;
}

std::unique_ptr<Explorer> make_explorer(std::string_view name, const ExploreOptions& options) {
  for (const ExplorerInfo& x : kExplorers)
    if (name == x.name) return x.make(options);
  throw UserError("unknown strategy '" + std::string(name) + "'" +
                  did_you_mean(name, explorer_names()));
}

namespace {

void report_progress(const Engine& engine, const Explorer& explorer, const ExploreOptions& options,
                     const ExploreResult& result, bool done) {
  ExploreProgress p;
  p.strategy = explorer.name();
  p.executions = result.executions;
  p.budget = options.budget;
  p.findings = result.found ? 1 : 0;
  p.done = done;
  explorer.progress(engine, p);
  if (done) {
    p.bounds = result.bounds;
    p.redundant = result.redundant;
    p.frontier = 0;
  }
  options.progress(p);
}

}  // namespace

ExploreResult explore(Engine& engine, const Program& program, Explorer& explorer,
                      const ExploreOptions& options, const FailurePredicate& failed) {
  ExploreResult result;
  while (result.executions < options.budget) {
    Strategy* s = explorer.next();
    if (!s) break;
    EngineOptions eo = options.engine;
    eo.record_accesses = eo.record_accesses || explorer.needs_accesses();
    StopReason stop = run_once(engine, program, eo, s, options.snapshot);
    ++result.executions;
    // Stopped by the explorer: a partial execution, neither failing nor not.
    if (stop != StopReason::kAborted && failed(engine)) {
      result.found = true;
      result.choices = engine.choice_tasks();
      break;
    }
    explorer.ran(engine);
    if (options.progress && result.executions % options.progress_every == 0)
      report_progress(engine, explorer, options, result, false);
  }
  explorer.coverage(result);
  if (options.progress) report_progress(engine, explorer, options, result, true);
  return result;
}

ExploreResult explore(Engine& engine, std::string_view strategy, const Program& program,
                      const ExploreOptions& options, const FailurePredicate& failed) {
  std::unique_ptr<Explorer> explorer = make_explorer(strategy, options);
  return explore(engine, program, *explorer, options, failed);
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
  (void)run_once(engine, program, options, &strategy);
}

}  // namespace lifeline::sim
