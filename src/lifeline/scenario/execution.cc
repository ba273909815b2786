// SPDX-License-Identifier: GPL-2.0-only
// The shell side of an execution: the init task that boots the board, the
// scenario task that runs the commands as a script under `set -e`, the
// processes and background jobs it starts, settle, and where a run stops.
#include "lifeline/scenario/execution.h"

#include <fmt/format.h>

#include <memory>
#include <span>

#include "lifeline/core/fwnode.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/knobs.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/scenario/command_exec.h"
#include "lifeline/scenario/command_traits.h"
#include "lifeline/scenario/interface_names.h"
#include "lifeline/scenario/resolve.h"
#include "lifeline/sim/note.h"

namespace lifeline::scenario {

namespace {

// A poll period with nothing changing: the board is settled.
constexpr sim::Time kQuietPeriod = 2 * sim::kSec;

using sim::note;

}  // namespace

Execution::Execution(const Board& board, const Scenario& scenario, const RunOptions& options)
    : board_(board), scenario_(scenario), options_(options) {
  system_options_.board = board.name;
  Resolver pre(scenario.file, *board.tree, nullptr);
  // The scenario's own configuration, then the command line's --set on top.
  for (size_t i = 0; i < scenario.boot_index && i < scenario.commands.size(); ++i) {
    const Command& c = scenario.commands[i];
    if (const auto* s = std::get_if<SetKnob>(&c.body)) {
      if (auto e = net::knob_error(s->knob.text, s->value.text))
        pre.fail(e->in_value ? s->value : s->knob, e->message);
      system_options_.config.set(s->knob.text, s->value.text);
    } else if (const auto* m = std::get_if<ModuleCmd>(&c.body)) {
      dt::ModuleMode mode = m->mode == ModuleMode::kLate     ? dt::ModuleMode::late(m->time)
                            : m->mode == ModuleMode::kAbsent ? dt::ModuleMode::absent()
                                                             : dt::ModuleMode::builtin();
      system_options_.profile.modes[m->module.text] = mode;
      module_locs_[m->module.text] = m->module.loc;
    } else if (const auto* p = std::get_if<PhyId>(&c.body)) {
      system_options_.phy_ids[pre.node(p->dev)->full_path] = p->id;
    } else if (const auto* f = std::get_if<MacFacts>(&c.body)) {
      const core::FwNode* mac = pre.node(f->dev);
      if (!net::mac_facts_apply_to(*mac))
        pre.fail(f->dev, "'" + f->dev.text +
                             "' is not the node of a MAC that attaches its PHY with phylib at "
                             "ndo_open (GENET, FEC), which mac-facts needs");
      system_options_.mac_facts[mac->full_path] = f->variant.text;
    }
  }
  for (const auto& [knob, value] : options.knobs) {
    net::validate_knob(knob, value, "--set " + knob + "=" + value);
    system_options_.config.set(knob, value);
  }
  for (const auto& [path, id] : options.phy_ids) system_options_.phy_ids[path] = id;  // --phy-id
  for (const auto& [name, mode] : options.modules) {                                  // --module
    std::optional<sim::Time> at =
        mode.starts_with("late:") ? sim::parse_duration(mode.substr(5)) : std::nullopt;
    system_options_.profile.modes[name] = at                 ? dt::ModuleMode::late(*at)
                                          : mode == "absent" ? dt::ModuleMode::absent()
                                                             : dt::ModuleMode::builtin();
    module_locs_.erase(name);
  }
  system_options_.profile.source = scenario.file;
  check_interface_names(scenario, *board.tree);  // names that can never be a netdev here
}

Execution::~Execution() = default;

void Execution::setup(sim::Engine& e) {
  board_.tree->restore();
  state_.system = nullptr;
  state_.resolver.reset();
  state_.boot_ok = false;
  state_.user_error.reset();
  state_.expects.clear();
  state_.invariants.reset();
  state_.after_boot = state_.final_state = check::Snapshot{};
  state_.graph_after_boot.reset();
  state_.graph_final.reset();
  state_.failed_steps.clear();
  state_.stop.reset();
  state_.current = nullptr;
  state_.finished = false;
  state_.last_error.clear();
  state_.metrics.reset();
  state_.scenario_start = 0;
  sim::init_completion(&booted_, "booted");
  // Only the scenario's concurrently blocks are interleaved when exploring.
  e.set_choice_window(false);
  e.spawn("init", [this] { init_main(); });
  state_.scenario_task = e.spawn(
      "scenario", [this] { scenario_main(); }, /*essential=*/true);
}

void Execution::init_main() {
  try {
    state_.system = net::system_create(*board_.tree, system_options_);
  } catch (const sim::UserError& ue) {
    // A profile line naming an unknown module: point at it.
    for (const auto& [name, loc] : module_locs_)
      if (ue.message().find("'" + name + "'") != std::string::npos) {
        state_.user_error = sim::UserError(scenario_.file, loc.line, loc.column, ue.message());
        break;
      }
    if (!state_.user_error) state_.user_error = ue;
    sim::complete_all(&booted_);
    return;
  }
  state_.resolver = std::make_unique<Resolver>(scenario_.file, *board_.tree, state_.system);
  net::Net::current().carrier_observer = [this](net::NetDevice* nd, bool on) {
    state_.metrics.carrier_changed(nd->name(), on, sim::now());
  };
  net::system_boot(state_.system);
  state_.boot_ok = true;
  sim::complete_all(&booted_);
}

void Execution::scenario_main() {
  sim::wait_for_completion(&booted_);
  if (!state_.boot_ok) return;
  note("boot: initcalls done");
  const Command& boot = scenario_.commands[scenario_.boot_index];
  state_.current = &boot;
  bool settled = settle();
  if (options_.trace) state_.after_boot = check::take_snapshot();  // quiet runs report no state
  if (options_.graph) state_.graph_after_boot = check::build_graph();
  state_.scenario_start = sim::now();
  // A view, not a copy: current points into it after this task has died.
  std::span<const Command> actions(scenario_.commands);
  actions = actions.subspan(scenario_.boot_index + 1);
  if (!settled)
    stop(StopReason::kSettleBound, boot,
         "the board was still changing " + sim::format_duration(options_.settle_limit) +
             " after boot");
  else
    run_commands(actions, /*background=*/false);
  if (state_.user_error) return;
  state_.metrics.before_action();
  if (!state_.stop) check_invariants();
  state_.metrics.finish();
  if (options_.trace) state_.final_state = check::take_snapshot();
  if (options_.graph) state_.graph_final = check::build_graph();
  state_.finished = !state_.stop;
}

int Execution::run_in_process(const Command& c, std::string_view process) {
  std::string name(process);
  auto done = std::make_shared<sim::Completion>();
  sim::init_completion(done.get(), name);
  auto err = std::make_shared<int>(-EFAULT);  // what a process an oops killed returns
  sim::Task* task = sim::Engine::current().spawn(name, [this, &c, err] {
    try {
      *err = execute_command(*this, c);
    } catch (const sim::UserError& ue) {
      *err = 0;
      if (!state_.user_error) state_.user_error = ue;
    }
  });
  // Also when an oops ends it: the shell goes on with the next command.
  task->on_exit = [done] { sim::complete(done.get()); };
  done->completers.push_back(task);
  sim::wait_for_completion(done.get());
  if (*err == -EFAULT && state_.last_error.empty())
    state_.last_error = "Segmentation fault: " + name + " died of an oops";
  return *err;
}

bool Execution::run_commands(std::span<const Command> commands, bool background) {
  for (const Command& c : commands) {
    if (state_.user_error || state_.stop) return false;
    if (!background) state_.current = &c;
    int err = 0;
    try {
      std::string_view process =
          options_.command_processes ? command_traits(c.body).process : std::string_view();
      err = process.empty() ? execute_command(*this, c) : run_in_process(c, process);
    } catch (const sim::UserError& ue) {
      if (!state_.user_error) state_.user_error = ue;
      return false;
    }
    if (state_.stop) return false;
    if (err) {
      // As a shell script under `set -e`: the first failing command ends it;
      // a background job's failure ends that job only.
      state_.failed_steps.push_back(
          FailedStep{c.loc.line, c.text, err, state_.last_error, sim::now(), background});
      // A guest's shell (kernel-check) has no `set -e`: it goes on.
      if (options_.command_processes) continue;
      if (!background) stop(StopReason::kFailedStep, c, state_.last_error);
      return false;
    }
    // A thread's command ends while the others may be mid-operation: only
    // the invariants that hold at every step are judged there.
    if (!std::holds_alternative<Expect>(c.body)) check_invariants(/*quiescent=*/!background);
  }
  return true;
}

void Execution::stop(StopReason reason, const Command& at, std::string detail) {
  if (state_.stop) return;
  state_.stop = RunStop{reason, at.loc.line, at.text, sim::now(), std::move(detail)};
  note(fmt::format("stopped at line {} ({}): {}", at.loc.line, stop_reason_name(reason),
                   state_.stop->detail));
}

bool Execution::settle() {
  sim::Engine& e = sim::Engine::current();
  sim::Time deadline = e.now() + options_.settle_limit;
  for (;;) {
    e.wait_idle();
    uint64_t before = e.progress();
    if (e.now() >= deadline) {
      note("settle: still changing after " + sim::format_duration(options_.settle_limit));
      return false;
    }
    sim::sleep_for(kQuietPeriod);
    if (e.progress() == before) return true;
  }
}

void Execution::check_invariants(bool quiescent) {
  state_.invariants.check(quiescent ? check::InvariantScope::kQuiescent
                                    : check::InvariantScope::kEveryStep);
}

bool Execution::failed(const sim::Engine& e) const {
  if (!e.findings().empty() || !state_.finished) return true;
  for (const ExpectResult& r : state_.expects)
    if (!r.passed) return true;
  for (const FailedStep& f : state_.failed_steps)
    if (!f.background) return true;
  return false;
}

}  // namespace lifeline::scenario
