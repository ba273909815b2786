// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/execution.h"

#include <fmt/format.h>

#include <cstring>
#include <functional>
#include <memory>
#include <span>

#include "lifeline/check/invariants.h"
#include "lifeline/check/snapshot.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/knobs.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/scenario/ethtool_get.h"
#include "lifeline/scenario/interface_names.h"
#include "lifeline/scenario/print.h"
#include "lifeline/scenario/resolve.h"
#include "lifeline/sim/explore.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/suggest.h"

namespace lifeline::scenario {

namespace {

// A poll period with nothing changing: the board is settled.
constexpr sim::Time kQuietPeriod = 2 * sim::kSec;

using sim::note;

std::string strerror_of(int err) {
  if (err == -EPROBE_DEFER) return "Unknown error 517";
  return std::strerror(err < 0 ? -err : err);
}

net::Duplex to_net(Duplex d) { return d == Duplex::kFull ? net::DUPLEX_FULL : net::DUPLEX_HALF; }

std::string link_of(const net::NetDevice* nd) {
  if (!nd->carrier) return "down";
  if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed() && p->link)
    return net::speed_duplex_string(p->speed, p->duplex);
  if (const net::Phylink* pl = nd->phylink; pl && pl->cur_link_an_mode == net::AnMode::MLO_AN_FIXED)
    return net::speed_duplex_string(pl->fixed_speed, pl->fixed_duplex);
  return "up";
}

bool is_self_or_ancestor(const core::Device* anc, const core::Device* d) {
  for (; d; d = d->parent)
    if (d == anc) return true;
  return false;
}

core::Module* driver_module(const core::Device* d) {
  return d && d->driver ? d->driver->owner : nullptr;
}

std::vector<net::NetDevice*> live_netdevs() {
  std::vector<net::NetDevice*> out;
  if (net::Net* n = net::Net::current_or_null())
    for (net::NetDevice* nd : n->netdevs)
      if (!nd->freed() && nd->reg_state == net::NetregState::NETREG_REGISTERED) out.push_back(nd);
  return out;
}

// The PHY device a netdev uses, or would use (its node's phy-handle).
core::Device* phy_device_of(net::NetDevice* nd) {
  if (net::PhyDevice* p = nd->phydev.get(); p && !p->freed()) return p;
  if (!nd->of_node) return nullptr;
  core::FwNode* phy = net::fwnode_get_phy_node(nd->of_node);
  return phy && phy->dev && !phy->dev->freed() ? phy->dev : nullptr;
}

net::LinkModes to_net_modes(const Advertise& adv) {
  net::LinkModes m = 0;
  for (const LinkMode& info : link_modes())
    if (adv.modes.test(info.bit))
      if (auto nm = net::parse_link_mode_name(info.name)) m |= *nm;
  return m;
}

// A netdev the command acts on, or nullptr for one that existed in this run
// (or exists under another design) but is gone now: the command then fails
// as the shell would. A name that can never be a netdev is a user error.
net::NetDevice* present_netdev(const Resolver& r, const Name& name) {
  net::NetDevice* nd = r.netdev(name, /*allow_absent=*/true);
  if (!nd && !r.names_interface(name)) r.netdev(name);  // unknown: a user error
  return nd;
}

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
  system_options_.profile.source = scenario.file;
  check_interface_names(scenario, *board.tree);  // names that can never be a netdev here
}

Execution::~Execution() = default;

void Execution::setup(sim::Engine& e) {
  board_.tree->restore();
  system_ = nullptr;
  resolver_.reset();
  boot_ok_ = false;
  user_error_.reset();
  expects_.clear();
  invariants_reported_.clear();
  after_boot_ = final_state_ = check::Snapshot{};
  failed_steps_.clear();
  stop_.reset();
  current_ = nullptr;
  finished_ = false;
  last_error_.clear();
  metrics_ = ProviderMetrics{};
  pending_after_left_ = false;
  before_left_.clear();
  carrier_on_times_.clear();
  scenario_start_ = 0;
  sim::init_completion(&booted_, "booted");
  // Only the scenario's concurrently blocks are interleaved when exploring.
  e.set_choice_window(false);
  e.spawn("init", [this] { init_main(); });
  scenario_task_ = e.spawn(
      "scenario", [this] { scenario_main(); }, /*essential=*/true);
}

void Execution::init_main() {
  try {
    system_ = net::system_create(*board_.tree, system_options_);
  } catch (const sim::UserError& ue) {
    // A profile line naming an unknown module: point at it.
    for (const auto& [name, loc] : module_locs_)
      if (ue.message().find("'" + name + "'") != std::string::npos) {
        user_error_ = sim::UserError(scenario_.file, loc.line, loc.column, ue.message());
        break;
      }
    if (!user_error_) user_error_ = ue;
    sim::complete_all(&booted_);
    return;
  }
  resolver_ = std::make_unique<Resolver>(scenario_.file, *board_.tree, system_);
  net::Net::current().carrier_observer = [this](net::NetDevice* nd, bool on) {
    if (on) carrier_on_times_[nd->name()].push_back(sim::now());
  };
  net::system_boot(system_);
  boot_ok_ = true;
  sim::complete_all(&booted_);
}

void Execution::scenario_main() {
  sim::wait_for_completion(&booted_);
  if (!boot_ok_) return;
  note("boot: initcalls done");
  const Command& boot = scenario_.commands[scenario_.boot_index];
  current_ = &boot;
  bool settled = settle();
  if (options_.trace) after_boot_ = check::take_snapshot();  // quiet runs report no state
  scenario_start_ = sim::now();
  // A view, not a copy: current_ points into it after this task has died.
  std::span<const Command> actions(scenario_.commands);
  actions = actions.subspan(scenario_.boot_index + 1);
  if (!settled)
    stop(StopReason::kSettleBound, boot,
         "the board was still changing " + sim::format_duration(options_.settle_limit) +
             " after boot");
  else
    run_commands(actions, /*background=*/false);
  if (user_error_) return;
  if (pending_after_left_) sample_after_left();
  if (!stop_) check_invariants();
  finish_metrics();
  if (options_.trace) final_state_ = check::take_snapshot();
  finished_ = !stop_;
}

// The program a user's shell would run for an action, as the name of its
// process (RunOptions::command_processes); "" for what the shell does itself.
static std::string process_name(const Body& body) {
  if (std::holds_alternative<LinkSet>(body)) return "ip";
  if (std::holds_alternative<EthtoolSettings>(body) || std::holds_alternative<EthtoolWol>(body) ||
      std::holds_alternative<EthtoolGet>(body))
    return "ethtool";
  if (std::holds_alternative<Rmmod>(body)) return "rmmod";
  if (std::holds_alternative<Modprobe>(body)) return "modprobe";
  if (std::holds_alternative<Unbind>(body) || std::holds_alternative<Bind>(body)) return "sh";
  return "";
}

int Execution::run_in_process(const Command& c, const std::string& name) {
  auto done = std::make_shared<sim::Completion>();
  sim::init_completion(done.get(), name);
  auto err = std::make_shared<int>(-EFAULT);  // what a process an oops killed returns
  sim::Task* task = sim::Engine::current().spawn(name, [this, &c, err] {
    try {
      *err = execute(c);
    } catch (const sim::UserError& ue) {
      *err = 0;
      if (!user_error_) user_error_ = ue;
    }
  });
  // Also when an oops ends it: the shell goes on with the next command.
  task->on_exit = [done] { sim::complete(done.get()); };
  done->completers.push_back(task);
  sim::wait_for_completion(done.get());
  if (*err == -EFAULT && last_error_.empty())
    last_error_ = "Segmentation fault: " + name + " died of an oops";
  return *err;
}

bool Execution::run_commands(std::span<const Command> commands, bool background) {
  for (const Command& c : commands) {
    if (user_error_ || stop_) return false;
    if (!background) current_ = &c;
    int err = 0;
    try {
      std::string process = options_.command_processes ? process_name(c.body) : "";
      err = process.empty() ? execute(c) : run_in_process(c, process);
    } catch (const sim::UserError& ue) {
      if (!user_error_) user_error_ = ue;
      return false;
    }
    if (stop_) return false;
    if (err) {
      // As a shell script under `set -e`: the first failing command ends it;
      // a background job's failure ends that job only.
      failed_steps_.push_back(
          FailedStep{c.loc.line, c.text, err, last_error_, sim::now(), background});
      // A guest's shell (kernel-check) has no `set -e`: it goes on.
      if (options_.command_processes) continue;
      if (!background) stop(StopReason::kFailedStep, c, last_error_);
      return false;
    }
    // A thread's command ends while the others may be mid-operation: only
    // the invariants that hold at every step are judged there.
    if (!std::holds_alternative<Expect>(c.body)) check_invariants(/*quiescent=*/!background);
  }
  return true;
}

void Execution::stop(StopReason reason, const Command& at, std::string detail) {
  if (stop_) return;
  stop_ = RunStop{reason, at.loc.line, at.text, sim::now(), std::move(detail)};
  note(fmt::format("stopped at line {} ({}): {}", at.loc.line, stop_reason_name(reason),
                   stop_->detail));
}

int Execution::command_error(const Command& command, int err, const std::string& what) {
  if (err) {
    last_error_ = fmt::format("{} ({})", what, core::errno_name(err));
    note(command.text + ": " + last_error_);
  }
  return err;
}

int Execution::execute(const Command& command) {
  sim::Engine& e = sim::Engine::current();
  if (!std::holds_alternative<Expect>(command.body) &&
      !std::holds_alternative<Concurrently>(command.body))
    if (e.tracing()) e.note("$ " + to_string(command));
  const Resolver& r = *resolver_;
  bool action = !std::holds_alternative<Expect>(command.body) &&
                !std::holds_alternative<Wait>(command.body) &&
                !std::holds_alternative<Settle>(command.body);
  if (action && pending_after_left_ && !std::holds_alternative<Unbind>(command.body) &&
      !std::holds_alternative<Rmmod>(command.body))
    sample_after_left();

  last_error_.clear();
  return std::visit(
      [&](const auto& body) -> int {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, Unbind>) {
          core::Device* dev = r.device_or_gone(body.dev);
          if (!dev) return command_error(command, -ENODEV, "write error: No such device");
          core::Driver* drv = body.driver ? r.driver(dev, *body.driver) : dev->driver.get();
          provider_leaving(dev, nullptr);
          int err = drv ? core::sysfs_unbind(drv, dev) : -ENODEV;
          return command_error(command, err, "write error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, Bind>) {
          core::Device* dev = r.device_or_gone(body.dev);
          if (!dev) return command_error(command, -ENODEV, "write error: No such device");
          int err = body.driver ? core::sysfs_bind(r.driver(dev, *body.driver), dev)
                                : core::sysfs_drivers_probe(dev);
          if (!err) provider_back();
          return command_error(command, err, "write error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, Rmmod>) {
          core::Module* mod = r.module(body.module);
          provider_leaving(nullptr, mod);
          int err = core::delete_module(mod);
          std::string why =
              err == -EWOULDBLOCK ? "rmmod: ERROR: Module " + mod->name() + " is in use"
              : err == -EPERM     ? "rmmod: ERROR: Module " + mod->name() + " is builtin"
                              : "rmmod: ERROR: Module " + mod->name() + " is not currently loaded";
          return command_error(command, err, why);
        } else if constexpr (std::is_same_v<T, Modprobe>) {
          core::Module* mod = r.module(body.module);
          int err = core::load_module(mod);
          if (!err) provider_back();
          return command_error(command, err,
                               "modprobe: ERROR: could not insert '" + mod->name() + "'");
        } else if constexpr (std::is_same_v<T, LinkSet>) {
          net::NetDevice* nd = present_netdev(r, body.iface);
          if (!nd)
            return command_error(command, -ENODEV,
                                 "Cannot find device \"" + body.iface.text + "\"");
          net::rtnl_lock();
          int err = 0;
          if (body.up)
            err = net::dev_open(nd);
          else
            net::dev_close(nd);
          net::rtnl_unlock();
          if (err == -EPROBE_DEFER)
            report_invariant(
                "ip link set " + nd->name() +
                " up returned -EPROBE_DEFER (517) to user space: a kernel-internal errno leaked");
          return command_error(command, err, "RTNETLINK answers: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, EthtoolSettings>) {
          net::NetDevice* nd = present_netdev(r, body.iface);
          if (!nd) return command_error(command, -ENODEV, "netlink error: No such device");
          net::EthtoolRequest req;
          req.speed = body.speed;
          if (body.duplex) req.duplex = to_net(*body.duplex);
          req.autoneg = body.autoneg;
          if (body.advertise) req.advertising = to_net_modes(*body.advertise) | net::LM_Autoneg;
          int err = net::ethtool_set_link(nd, req);
          return command_error(command, err, "netlink error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, EthtoolWol>) {
          net::NetDevice* nd = present_netdev(r, body.iface);
          if (!nd) return command_error(command, -ENODEV, "netlink error: No such device");
          int err = net::ethtool_set_wol(nd, body.flags);
          return command_error(command, err, "netlink error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, EthtoolGet>) {
          EthtoolGetResult res = run_ethtool_get(body, present_netdev(r, body.iface));
          return command_error(command, res.err, res.message);
        } else if constexpr (std::is_same_v<T, Cable>) {
          const core::FwNode* port = nullptr;
          if (net::NetDevice* nd = r.netdev(body.target, /*allow_absent=*/true)) {
            core::FwNode* phy = nd->of_node ? net::fwnode_get_phy_node(nd->of_node) : nullptr;
            port = phy ? phy : nd->of_node;
          } else if (!body.target.text.empty() &&
                     (body.target.text[0] == '&' || body.target.text[0] == '/')) {
            port = r.node(body.target);
          } else {
            port = r.device(body.target)->fwnode;
          }
          if (!port)
            r.fail(body.target, "'" + body.target.text + "' has no port to plug a cable into");
          net::Medium* m = net::Net::current().medium_for(port);
          if (!body.plug) {
            m->unplug();
          } else if (body.partner) {
            m->plug(net::link_mode_for(body.partner->speed, to_net(body.partner->duplex)), true);
          } else {
            m->plug(net::copper_modes_up_to(10000), true);
          }
        } else if constexpr (std::is_same_v<T, Sfp>) {
          r.fail(body.cage,
                 "SFP cages and modules are not modelled yet: 'sfp' commands cannot run");
        } else if constexpr (std::is_same_v<T, Wait>) {
          sim::sleep_for(body.duration);
        } else if constexpr (std::is_same_v<T, Settle>) {
          if (!settle())
            stop(StopReason::kSettleBound, command,
                 "still changing after " + sim::format_duration(options_.settle_limit));
        } else if constexpr (std::is_same_v<T, Concurrently>) {
          if (e.tracing())
            e.note("$ concurrently (" + std::to_string(body.threads.size()) + " tasks)");
          auto done = std::make_shared<sim::Completion>();
          sim::init_completion(done.get(), "concurrently");
          e.set_choice_window(true);
          for (const Thread& t : body.threads) {
            std::string name = fmt::format("thread@{}", t.loc.line);
            const std::vector<Command>* cmds = &t.commands;
            sim::Task* task =
                e.spawn(name, [this, cmds] { run_commands(*cmds, /*background=*/true); });
            task->on_exit = [done] { sim::complete(done.get()); };
            // The block waits for its tasks as a shell's `wait` does: stuck
            // when they are.
            done->completers.push_back(task);
          }
          for (size_t i = 0; i < body.threads.size(); ++i) sim::wait_for_completion(done.get());
          e.set_choice_window(false);
        } else if constexpr (std::is_same_v<T, Expect>) {
          expect(command, body);
        } else {
          // set, module, phy-id and boot are configuration, handled before boot.
        }
        return 0;
      },
      command.body);
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

void Execution::expect(const Command& command, const Expect& ex) {
  const Resolver& r = *resolver_;
  ExpectResult res;
  res.line = command.loc.line;
  res.text = to_string(ex.check);
  res.time = sim::now();
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ExpectCarrier>) {
          net::NetDevice* nd = r.netdev(c.iface, true);
          if (!nd && !r.names_interface(c.iface)) r.netdev(c.iface);
          res.actual = nd ? (nd->carrier ? "on" : "off") : "absent";
          res.passed = nd && nd->carrier == c.on;
        } else if constexpr (std::is_same_v<T, ExpectLink>) {
          net::NetDevice* nd = r.netdev(c.iface, true);
          if (!nd && !r.names_interface(c.iface)) r.netdev(c.iface);
          res.actual = nd ? link_of(nd) : "absent";
          if (!nd)
            res.passed = false;
          else if (!c.up)
            res.passed = res.actual == "down";
          else if (c.mode)
            res.passed =
                res.actual == net::speed_duplex_string(c.mode->speed, to_net(c.mode->duplex));
          else
            res.passed = res.actual != "down";
        } else if constexpr (std::is_same_v<T, ExpectBound>) {
          core::Device* dev = r.device_or_gone(c.dev);
          res.actual = !dev          ? "absent (the device was removed)"
                       : dev->driver ? "bound to " + dev->driver->name()
                                     : "unbound";
          res.passed = dev && dev->driver && (!c.driver || dev->driver->name() == c.driver->text);
        } else if constexpr (std::is_same_v<T, ExpectUnbound>) {
          core::Device* dev = r.device_or_gone(c.dev);
          res.actual = !dev          ? "absent (the device was removed)"
                       : dev->driver ? "bound to " + dev->driver->name()
                                     : "unbound";
          res.passed = dev && !dev->driver;
        } else if constexpr (std::is_same_v<T, ExpectNetdev>) {
          net::NetDevice* nd = r.netdev(c.iface, true);
          if (!nd && !r.names_interface(c.iface)) r.netdev(c.iface);
          res.actual = nd ? "present (" + nd->name() + ")" : "absent";
          res.passed = (nd != nullptr) == c.present;
        } else if constexpr (std::is_same_v<T, ExpectPhy>) {
          // A netdev this design unregistered has no PHY to show: absent.
          net::NetDevice* nd = present_netdev(r, c.iface);
          net::PhyDevice* phy = nd ? nd->phydev.get() : nullptr;
          res.actual = !nd ? "absent" : phy ? phy->name() : "none";
          if (!nd)
            res.passed = false;
          else if (!c.phy)
            res.passed = phy == nullptr;
          else
            res.passed = phy && r.device_or_gone(*c.phy) == static_cast<core::Device*>(phy);
        } else if constexpr (std::is_same_v<T, ExpectFinding>) {
          const auto& fs = sim::Engine::current().findings();
          int n = 0;
          std::string kinds;
          for (const sim::Finding& f : fs) {
            if (!c.kind || f.kind == *c.kind) ++n;
            kinds += std::string(kinds.empty() ? "" : ", ") + sim::finding_kind_name(f.kind);
          }
          res.actual = fs.empty() ? "no findings" : kinds;
          res.passed = c.present ? n > 0 : n == 0;
        } else if constexpr (std::is_same_v<T, ExpectFail>) {
          expect_fail(command, c, res);
        } else {
          static_assert(sizeof(T) == 0, "an expect nobody evaluates");
        }
      },
      ex.check);
  note(fmt::format("expect {}: {}{}", res.text, res.passed ? "ok" : "FAILED",
                   res.passed ? "" : " (" + res.actual + ")"));
  expects_.push_back(std::move(res));
}

void Execution::expect_fail(const Command& command, const ExpectFail& f, ExpectResult& res) {
  int err = execute(*f.command);
  if (!err) {
    res.actual = "succeeded";
    res.passed = false;
    return;
  }
  res.actual = "failed: " + last_error_;
  res.passed = !f.err || err == -f.err;
}

void Execution::report_invariant(const std::string& message) {
  if (!invariants_reported_.insert(message).second) return;
  sim::Engine::current().report(sim::FindingKind::kInvariant, message);
}

void Execution::check_invariants(bool quiescent) {
  auto scope = quiescent ? check::InvariantScope::kQuiescent : check::InvariantScope::kEveryStep;
  for (const std::string& m : check::broken_invariants(scope)) report_invariant(m);
}

void Execution::provider_leaving(core::Device* dev, core::Module* mod) {
  if (metrics_.provider_left) return;
  metrics_.provider_left = true;
  metrics_.provider = dev ? dev->name() : "module " + mod->name();
  metrics_.left_at = sim::now();
  for (net::NetDevice* nd : live_netdevs()) {
    NetdevBefore b;
    b.name = nd->name();
    b.carrier = nd->carrier;
    b.link = link_of(nd);
    core::Device* phy = phy_device_of(nd);
    if (dev)
      b.depends = is_self_or_ancestor(dev, phy) || is_self_or_ancestor(dev, nd->parent);
    else
      b.depends = driver_module(phy) == mod || driver_module(nd->parent) == mod;
    if (b.carrier) metrics_.link_before[b.name] = b.link;
    before_left_.push_back(b);
  }
  pending_after_left_ = true;
}

void Execution::sample_after_left() {
  pending_after_left_ = false;
  std::vector<net::NetDevice*> live = live_netdevs();
  for (const NetdevBefore& b : before_left_) {
    net::NetDevice* now = nullptr;
    for (net::NetDevice* nd : live)
      if (nd->name() == b.name) now = nd;
    if (!now) {
      metrics_.netdevs_lost.push_back(b.name);
      if (!b.depends) metrics_.unrelated_netdevs_lost.push_back(b.name);
    }
    if (b.carrier) metrics_.carrier_after_left[b.name] = now && now->carrier;
  }
}

void Execution::provider_back() {
  if (!metrics_.provider_left || metrics_.provider_back) return;
  if (pending_after_left_) sample_after_left();
  metrics_.provider_back = true;
  metrics_.back_at = sim::now();
}

void Execution::finish_metrics() {
  if (!metrics_.provider_left) return;
  std::vector<net::NetDevice*> live = live_netdevs();
  bool all = true;
  sim::Time slowest = 0;
  for (const auto& [name, before] : metrics_.link_before) {
    net::NetDevice* now = nullptr;
    for (net::NetDevice* nd : live)
      if (nd->name() == name) now = nd;
    // Say why a link is not back: gone, left administratively down (the
    // netdev came back but nobody ran ifup), or up without carrier.
    metrics_.link_after[name] = !now                       ? "absent"
                                : !net::netif_running(now) ? "admin down"
                                                           : link_of(now);
    if (!now || !now->carrier) {
      all = false;
      continue;
    }
    if (metrics_.provider_back) {
      sim::Time first = 0;
      for (sim::Time t : carrier_on_times_[name])
        if (t >= metrics_.back_at) {
          first = t;
          break;
        }
      slowest = std::max(slowest, first ? first - metrics_.back_at : 0);
    }
  }
  metrics_.recovered = metrics_.provider_back && all && !metrics_.link_before.empty();
  if (metrics_.recovered) metrics_.recovery_time = slowest;
  if (metrics_.recovered)
    for (const auto& [name, before] : metrics_.link_before)
      if (metrics_.link_after[name] != before) metrics_.configuration_lost = true;
}

bool Execution::failed(const sim::Engine& e) const {
  if (!e.findings().empty() || !finished_) return true;
  for (const ExpectResult& r : expects_)
    if (!r.passed) return true;
  for (const FailedStep& f : failed_steps_)
    if (!f.background) return true;
  return false;
}

RunStop Execution::engine_stop(const sim::Engine& e) const {
  RunStop s;
  if (current_) {
    s.line = current_->loc.line;
    s.command = current_->text;
  }
  s.time = e.now();
  const sim::Task* t = scenario_task_;
  // The finding that explains it: the newest of the kind.
  auto newest = [&](sim::FindingKind kind) {
    for (auto it = e.findings().rbegin(); it != e.findings().rend(); ++it)
      if (it->kind == kind) return it->message;
    return std::string();
  };
  if (e.steps() > sim::EngineOptions{}.max_steps) {
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
  for (const ExpectResult& r : expects_) seen.insert(r.line);
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
  for (const sim::Event& ev : e.trace().all()) {
    // Scheduling events are for the verbose timeline: skipped before they
    // are formatted, since a long run records millions of them.
    bool sched = ev.kind != sim::EventKind::kNote && ev.kind != sim::EventKind::kFinding;
    if (sched && !options_.verbose) continue;
    TimelineEntry t;
    t.time = ev.time;
    t.task = e.task_name(ev.task);
    std::string full = e.format_event(ev);
    // format_event() prefixes "[time] task: "; keep the text after it.
    size_t colon = full.find("] ");
    size_t text_at = colon == std::string::npos ? 0 : full.find(": ", colon) + 2;
    t.text = full.substr(text_at);
    bool after_boot = ev.time >= scenario_start_ && scenario_start_ > 0;
    if (ev.kind == sim::EventKind::kNote) {
      bool command = t.text.rfind("$ ", 0) == 0;
      t.kind = command ? TimelineEntry::Kind::kCommand : TimelineEntry::Kind::kModel;
      if (command) t.text = t.text.substr(2);
      if (!after_boot && !options_.verbose && !command) continue;
      // Memory bookkeeping is for the verbose timeline.
      if (!options_.verbose && t.text.rfind("kfree ", 0) == 0) continue;
    } else if (ev.kind == sim::EventKind::kFinding) {
      t.kind = TimelineEntry::Kind::kFinding;
    } else {
      if (!options_.verbose) continue;
      t.kind = TimelineEntry::Kind::kSched;
    }
    r.timeline.push_back(std::move(t));
  }
  r.after_boot = after_boot_;
  r.final_state = final_state_;
  r.findings = e.findings();
  r.expects = expects_;
  r.failed_steps = failed_steps_;
  if (stop_) {
    r.stopped = stop_;
  } else if (!finished_ && boot_ok_) {
    // The engine ended the run under the scenario task: the state now is the
    // state at the stop.
    r.stopped = engine_stop(e);
    r.timeline.push_back(
        TimelineEntry{r.stopped->time, "scenario",
                      fmt::format("stopped at line {} ({}): {}", r.stopped->line,
                                  stop_reason_name(r.stopped->reason), r.stopped->detail),
                      TimelineEntry::Kind::kModel});
    if (options_.trace) r.final_state = check::take_snapshot();
  }
  // Stopped before the boot settled: the state at the stop is all there is.
  if (r.stopped && r.stopped->line == 0 && options_.trace) r.after_boot = r.final_state;
  if (r.stopped)
    for (ExpectResult& x : not_reached()) {
      x.time = r.stopped->time;
      r.expects.push_back(std::move(x));
    }
  r.no_actions = true;
  for (size_t i = scenario_.boot_index + 1; i < scenario_.commands.size(); ++i) {
    const Body& b = scenario_.commands[i].body;
    if (!std::holds_alternative<Expect>(b) && !std::holds_alternative<Wait>(b) &&
        !std::holds_alternative<Settle>(b))
      r.no_actions = false;
  }
  r.choices = e.choice_tasks();
  r.ranks = sim::choice_ranks(e.choices());
  r.metrics = metrics_;
  r.end_time = e.now();
  return r;
}

}  // namespace lifeline::scenario
