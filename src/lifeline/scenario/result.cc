// SPDX-License-Identifier: GPL-2.0-only
// What an execution hands to the reports: Execution::result() and where the
// engine stopped a run under the scenario task.
#include <fmt/format.h>

#include <functional>
#include <set>

#include "lifeline/net/knobs.h"
#include "lifeline/scenario/command_traits.h"
#include "lifeline/scenario/execution.h"
#include "lifeline/scenario/print.h"
#include "lifeline/scenario/timeline.h"
#include "lifeline/sim/explore.h"

namespace lifeline::scenario {

RunStop Execution::engine_stop(const sim::Engine& e) const {
  RunStop s;
  if (state_.current) {
    s.line = state_.current->loc.line;
    s.command = state_.current->text;
  } else {
    s.command = "boot (its initcalls never returned)";  // line 0: before the scenario's boot
  }
  s.time = e.now();
  const sim::Task* t = state_.scenario_task;
  // The finding that explains it: the newest of the kind.
  auto newest = [&](sim::FindingKind kind) {
    for (auto it = e.findings().rbegin(); it != e.findings().rend(); ++it)
      if (it->kind == kind) return it->message;
    return std::string();
  };
  uint64_t limit = options_.max_steps ? options_.max_steps : sim::EngineOptions{}.max_steps;
  if (e.steps() > limit) {
    s.reason = StopReason::kStepLimit;
    s.detail = "no end after " + std::to_string(e.steps()) + " scheduling points (a livelock)";
  } else if (t && t->oopsed) {
    s.reason = StopReason::kOops;
    s.detail = newest(sim::FindingKind::kOops);
  } else if (t && t->hung_reported && !t->deadlock_reported) {
    s.reason = StopReason::kHungTask;
    s.detail = newest(sim::FindingKind::kHungTask);
  } else {
    // Blocked forever: in a lock cycle, or behind a task that is.
    s.reason = StopReason::kDeadlock;
    std::string why = newest(sim::FindingKind::kDeadlock);
    if (why.empty()) why = newest(sim::FindingKind::kOops);
    std::string waits =
        t && t->waiting_on ? "the scenario waits for " + t->waiting_on->describe() : "";
    s.detail = waits.empty() ? why : why.empty() ? waits : waits + "; " + why;
  }
  return s;
}

std::vector<ExpectResult> Execution::not_reached() const {
  std::set<int> seen;
  for (const ExpectResult& r : state_.expects) seen.insert(r.line);
  std::vector<ExpectResult> out;
  std::function<void(const std::vector<Command>&)> walk = [&](const std::vector<Command>& cs) {
    for (const Command& c : cs) {
      if (const auto* ex = std::get_if<Expect>(&c.body)) {
        if (seen.count(c.loc.line)) continue;
        ExpectResult r;
        r.line = c.loc.line;
        r.text = to_string(ex->check);
        r.passed = false;
        r.reached = false;
        r.actual = "not reached";
        out.push_back(std::move(r));
      } else if (const auto* cc = std::get_if<Concurrently>(&c.body)) {
        for (const Thread& t : cc->threads) walk(t.commands);
      }
    }
  };
  walk(scenario_.commands);
  return out;
}

RunResult Execution::result(const sim::Engine& e) const {
  RunResult r;
  r.board = board_.path;
  r.scenario = scenario_.file;
  for (const net::KnobInfo& k : net::knob_table())
    r.knobs[std::string(k.name)] = system_options_.config.get(std::string(k.name));
  r.seed = options_.seed;
  r.timeline = timeline_of(e, state_.scenario_start, options_.verbose);
  r.after_boot = state_.after_boot;
  r.final_state = state_.final_state;
  r.graph_after_boot = state_.graph_after_boot;
  r.graph_final = state_.graph_final;
  r.findings = e.findings();
  r.expects = state_.expects;
  r.failed_steps = state_.failed_steps;
  if (state_.stop) {
    r.stopped = state_.stop;
  } else if (!state_.finished && !state_.user_error) {
    // The engine ended the run under the scenario task, or under the boot
    // (initcalls that never return: a deferred-probe livelock inside
    // deferred_probe_initcall()'s flush_work()): the state now is the state
    // at the stop.
    r.stopped = engine_stop(e);
    r.timeline.push_back(
        TimelineEntry{r.stopped->time, "scenario",
                      fmt::format("stopped at line {} ({}): {}", r.stopped->line,
                                  stop_reason_name(r.stopped->reason), r.stopped->detail),
                      TimelineEntry::Kind::kModel});
    if (options_.trace) r.final_state = check::take_snapshot();
    if (options_.graph) r.graph_final = check::build_graph();
  }
  // Stopped before the boot settled: the state at the stop is all there is.
  if (r.stopped && r.stopped->line == 0 && options_.trace) r.after_boot = r.final_state;
  if (r.stopped)
    for (ExpectResult& x : not_reached()) {
      x.time = r.stopped->time;
      r.expects.push_back(std::move(x));
    }
  r.no_actions = true;
  for (size_t i = scenario_.boot_index + 1; i < scenario_.commands.size(); ++i)
    if (command_traits(scenario_.commands[i].body).action) r.no_actions = false;
  r.choices = e.choice_tasks();
  r.ranks = sim::choice_ranks(e.choices());
  r.metrics = state_.metrics.metrics();
  // A run stopped before its end has not counted its storm yet: the counts
  // at the stop (a livelocked boot's are the storm itself).
  if (r.stopped && !state_.finished) r.metrics.probe_storm = check::take_probe_storm(true);
  r.end_time = e.now();
  return r;
}

}  // namespace lifeline::scenario
