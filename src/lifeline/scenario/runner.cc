// SPDX-License-Identifier: GPL-2.0-only
// The runner's entry points: boot, run, compare, explore.
#include "lifeline/scenario/runner.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "lifeline/check/shrink.h"
#include "lifeline/net/knobs.h"
#include "lifeline/scenario/execution.h"
#include "lifeline/scenario/explore_host.h"
#include "lifeline/scenario/explore_shard.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/user_error.h"

namespace lifeline::scenario {

namespace {

// Runs `ex` on `engine` and returns what `take()` reads from the model after
// the run, before the reset that frees the execution's objects (while the
// board is alive). A user error met by the scenario is rethrown once the
// engine is clean.
template <class F>
auto run_and_take(sim::Engine& engine, Execution& ex, bool trace, sim::Strategy* strategy,
                  F&& take) {
  sim::EngineOptions eo;
  eo.record_trace = trace;
  eo.strategy = strategy;
  if (ex.options().max_steps) eo.max_steps = ex.options().max_steps;
  engine.reset(eo);
  ex.setup(engine);
  engine.run();
  if (ex.user_error()) {
    sim::UserError err = *ex.user_error();
    engine.reset();
    throw err;
  }
  auto taken = take();
  engine.reset();
  return taken;
}

RunResult run_once(sim::Engine& engine, Execution& ex, const RunOptions& options,
                   sim::Strategy* strategy) {
  return run_and_take(engine, ex, options.trace, strategy, [&] { return ex.result(engine); });
}

Scenario boot_only_scenario() {
  Scenario s;
  Command boot;
  boot.text = "boot";
  boot.body = Boot{};
  s.commands.push_back(boot);
  s.boot_index = 0;
  return s;
}

void check_knob(const std::string& knob, const std::vector<std::string>& values) {
  net::validate_knob(knob, std::nullopt);
  for (const std::string& v : values) net::validate_knob(knob, v);
}

}  // namespace

int RunResult::expects_failed() const {
  int n = 0;
  for (const ExpectResult& e : expects) n += !e.passed;
  return n;
}

int RunResult::expects_not_reached() const {
  int n = 0;
  for (const ExpectResult& e : expects) n += !e.reached;
  return n;
}

int RunResult::steps_failed() const {
  int n = 0;
  for (const FailedStep& f : failed_steps) n += !f.background;
  return n;
}

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::kFailedStep:
      return "failed step";
    case StopReason::kDeadlock:
      return "deadlock";
    case StopReason::kHungTask:
      return "hung task";
    case StopReason::kOops:
      return "oops";
    case StopReason::kSettleBound:
      return "settle bound";
    case StopReason::kStepLimit:
      return "step limit";
  }
  return "stopped";
}

RunResult boot_board(const Board& board, const RunOptions& options) {
  Scenario s = boot_only_scenario();
  return run_scenario(board, s, options);
}

// Runs reuse one engine per thread: its fiber stacks and task objects are
// recycled instead of mapped anew for every run.
sim::Engine& runner_engine() {
  static thread_local sim::Engine engine;
  return engine;
}

check::Graph graph_board(const Board& board, const RunOptions& options, bool all_devices) {
  Scenario s = boot_only_scenario();
  RunOptions quiet = options;
  quiet.trace = false;
  Execution ex(board, s, quiet);
  return run_and_take(runner_engine(), ex, false, nullptr,
                      [&] { return check::build_graph(all_devices); });
}

RunResult run_scenario(const Board& board, const Scenario& scenario, const RunOptions& options) {
  Execution ex(board, scenario, options);
  sim::Engine& engine = runner_engine();
  sim::PrefixStrategy replay;
  sim::Strategy* strategy = nullptr;
  if (!options.replay.empty()) {
    replay.set_prefix(options.replay);
    strategy = &replay;
  }
  RunResult r;
  if (options.schedule) {
    // The same choices, noted as they are made (schedule_trace.h).
    RecordingStrategy recording(strategy);
    r = run_and_take(engine, ex, /*trace=*/true, &recording, [&] {
      RunResult taken = ex.result(engine);
      taken.steps = schedule_trace(engine, recording);
      return taken;
    });
  } else {
    r = run_once(engine, ex, options, strategy);
  }
  if (strategy) {
    r.replay_divergence = replay.divergence();
    r.replay_diverged = !r.replay_divergence.empty();
  }
  return r;
}

CompareResult compare_scenario(const Board& board, const Scenario& scenario,
                               const std::string& knob, const std::vector<std::string>& values,
                               const RunOptions& options) {
  check_knob(knob, values);
  CompareResult c;
  c.knob = knob;
  c.values = values;
  for (const std::string& v : values) {
    RunOptions o = options;
    o.knobs[knob] = v;
    c.runs.push_back(run_scenario(board, scenario, o));
  }
  return c;
}

namespace {

std::string describe_access(const sim::Engine& e, const sim::Access& a) {
  switch (a.kind) {
    case sim::AccessKind::kUnknown:
      return "unknown";
    case sim::AccessKind::kLock:
      return "lock " + sim::lock_class_name(a.detail);
    case sim::AccessKind::kObject:
      return static_cast<const sim::Object*>(a.key)->describe();
    case sim::AccessKind::kWork:
      return "work";
    case sim::AccessKind::kTimer:
      return "timer";
    case sim::AccessKind::kCompletion:
      return "completion";
    case sim::AccessKind::kTask:
      return std::string("task ") + e.task_name(a.detail);
    case sim::AccessKind::kMemory:
      return "memory";
  }
  return "?";
}

// Runs the schedule once more, recording what each step touched, and
// describes it while the execution's objects are alive.
std::vector<ExploreStep> schedule_steps(ExploreHost& host, const std::vector<uint16_t>& ranks) {
  sim::PrefixStrategy s;
  s.set_prefix(ranks);
  sim::EngineOptions o;
  o.strategy = &s;
  o.record_accesses = true;
  sim::Engine& engine = host.engine();
  host.run(o);
  std::vector<ExploreStep> steps;
  const std::vector<sim::Choice>& cs = engine.choices();
  std::vector<uint16_t> taken = sim::choice_ranks(cs);
  for (size_t i = 0; i < cs.size() && i < std::max<size_t>(ranks.size(), 1); ++i) {
    ExploreStep step;
    step.task = engine.task_name(cs[i].task);
    step.function = cs[i].function ? cs[i].function : "";
    step.rank = taken[i];
    for (const sim::Access& a : engine.accesses(i)) {
      std::string d = describe_access(engine, a);
      if (std::find(step.touched.begin(), step.touched.end(), d) == step.touched.end())
        step.touched.push_back(std::move(d));
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

ExploreResult explore_scenario(const Board& board, const Scenario& scenario,
                               const ExploreOptions& options) {
  if (options.all_outcomes) {
    ExploreCensus c = census_scenario(board, scenario, options);
    ExploreResult r;
    r.strategy = options.strategy;
    r.executions = c.executions;
    r.redundant = c.redundant;
    r.exhausted = c.exhausted;
    r.complete = c.complete;
    r.outcomes.assign(c.outcomes.begin(), c.outcomes.end());
    r.snapshot = c.snapshot;
    return r;
  }
  // dfs and dpor by subtrees, on options.jobs threads (explore_shard.h),
  // each worker from its own snapshot of the booted board.
  std::string snapshot;
  sim::AssembledResult searched = search_scenario(board, scenario, options, &snapshot);
  const sim::ExploreResult& found = searched.result;
  ExploreResult r;
  r.strategy = options.strategy;
  r.snapshot = snapshot;
  r.executions = found.executions;
  r.exhausted = found.exhausted;
  r.complete = found.complete;
  r.redundant = found.redundant;
  r.bound_cut = found.bound_cut;
  for (const sim::BoundStats& b : found.bounds)
    r.bounds.push_back(ExploreBound{b.bound, b.executions, b.exhausted});
  r.found = found.found;
  if (found.found) {
    r.ranks_before_shrinking = searched.ranks;
    r.ranks = shrink_scenario_schedule(board, scenario, options.run, r.ranks_before_shrinking,
                                       options.snapshot);
    {
      RunOptions quiet = options.run;
      quiet.trace = false;
      ExploreHost host(board, scenario, quiet, options.snapshot);
      r.steps = schedule_steps(host, r.ranks);
    }  // the execution's objects go before the board serves another run
    RunOptions show = options.run;
    show.replay = r.ranks;
    r.failing = run_scenario(board, scenario, show);
  }
  return r;
}

ExploreCensus census_scenario(const Board& board, const Scenario& scenario,
                              const ExploreOptions& options) {
  sim::ExploreOptions eo;
  eo.budget = options.budget;
  eo.preemption_bound = options.bound;
  eo.bound_all_deviations = true;
  eo.pct_depth = options.bound < 0 ? 2 : std::max(1, options.bound);
  eo.seed = options.seed;
  std::unique_ptr<sim::Explorer> explorer = sim::make_explorer(options.strategy, eo);
  RunOptions quiet = options.run;
  quiet.trace = false;
  auto host = std::make_unique<ExploreHost>(board, scenario, quiet, options.snapshot);
  Execution& ex = host->execution();
  sim::Engine& engine = host->engine();
  eo.snapshot = host->session();
  ExploreCensus c;
  if (options.progress)
    eo.progress = [&](const sim::ExploreProgress& p) {
      sim::ExploreProgress with = p;
      with.outcomes = c.outcomes.size();
      options.progress(with);
    };
  auto record = [&](const sim::Engine& e) {
    if (ex.user_error()) throw *ex.user_error();
    std::vector<std::string> parts;
    for (const sim::Finding& f : e.findings())
      parts.push_back(std::string(sim::finding_kind_name(f.kind)) + ": " + f.message);
    std::sort(parts.begin(), parts.end());
    for (const ExpectResult& x : ex.state().expects)
      parts.push_back("expect " + std::to_string(x.line) +
                      (x.passed ? " pass" : " FAIL " + x.actual));
    std::string line;
    for (const std::string& p : parts) line += (line.empty() ? "" : "; ") + p;
    c.outcomes.insert(line);
    return false;
  };
  sim::ExploreResult r = sim::explore(
      engine, [&](sim::Engine& e) { ex.setup(e); }, *explorer, eo, record);
  c.executions = r.executions;
  c.redundant = r.redundant;
  c.exhausted = r.exhausted;
  c.complete = r.complete;
  c.snapshot = host->describe();
  return c;
}

}  // namespace lifeline::scenario
