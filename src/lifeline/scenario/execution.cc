// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/execution.h"

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "lifeline/check/invariants.h"
#include "lifeline/check/snapshot.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/net/knobs.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
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

// A netdev the command acts on; one that existed in this run but is gone
// now fails the command as the shell would ("Cannot find device").
net::NetDevice* present_netdev(const Resolver& r, const Name& name, const Command& command) {
  net::NetDevice* nd = r.netdev(name, /*allow_absent=*/true);
  if (nd) return nd;
  if (!r.names_interface(name)) r.netdev(name);  // unknown: a user error
  note(command.text + ": Cannot find device \"" + name.text + "\"");
  return nullptr;
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
      if (!system_options_.config.set(s->knob.text, s->value.text))
        pre.fail(s->value, "bad value '" + s->value.text + "' for knob '" + s->knob.text + "'");
    } else if (const auto* m = std::get_if<ModuleCmd>(&c.body)) {
      dt::ModuleMode mode = m->mode == ModuleMode::kLate     ? dt::ModuleMode::late(m->time)
                            : m->mode == ModuleMode::kAbsent ? dt::ModuleMode::absent()
                                                             : dt::ModuleMode::builtin();
      system_options_.profile.modes[m->module.text] = mode;
      module_locs_[m->module.text] = m->module.loc;
    } else if (const auto* p = std::get_if<PhyId>(&c.body)) {
      system_options_.phy_ids[pre.node(p->dev)->full_path] = p->id;
    }
  }
  for (const auto& [knob, value] : options.knobs) {
    const net::KnobInfo* k = net::find_knob(knob);
    if (!k) {
      std::vector<std::string> names;
      for (const net::KnobInfo& i : net::knob_table()) names.emplace_back(i.name);
      throw sim::UserError("unknown knob '" + knob + "'" + sim::did_you_mean(knob, names));
    }
    if (!system_options_.config.set(knob, value)) {
      std::vector<std::string> values;
      for (const net::KnobValue& v : k->values) values.emplace_back(v.name);
      throw sim::UserError("bad value '" + value + "' for knob '" + knob + "'" +
                           sim::did_you_mean(value, values));
    }
  }
  system_options_.profile.source = scenario.file;
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
  metrics_ = ProviderMetrics{};
  pending_after_left_ = false;
  before_left_.clear();
  carrier_on_times_.clear();
  scenario_start_ = 0;
  sim::init_completion(&booted_, "booted");
  // Only the scenario's concurrently blocks are interleaved when exploring.
  e.set_choice_window(false);
  e.spawn("init", [this] { init_main(); });
  e.spawn(
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
  settle();
  if (options_.trace) after_boot_ = check::take_snapshot();  // quiet runs report no state
  scenario_start_ = sim::now();
  std::vector<Command> actions(
      scenario_.commands.begin() + static_cast<std::ptrdiff_t>(scenario_.boot_index) + 1,
      scenario_.commands.end());
  run_commands(actions);
  if (user_error_) return;
  if (pending_after_left_) sample_after_left();
  check_invariants();
  finish_metrics();
  if (options_.trace) final_state_ = check::take_snapshot();
}

void Execution::run_commands(const std::vector<Command>& commands, bool in_thread) {
  for (const Command& c : commands) {
    if (user_error_) return;
    try {
      execute(c);
    } catch (const sim::UserError& ue) {
      if (!user_error_) user_error_ = ue;
      return;
    }
    // A thread's command ends while the others may be mid-operation: only
    // the invariants that hold at every step are judged there.
    if (!std::holds_alternative<Expect>(c.body)) check_invariants(/*quiescent=*/!in_thread);
  }
}

int Execution::command_error(const Command& command, int err, const std::string& what) {
  if (err) note(fmt::format("{}: {} ({})", command.text, what, core::errno_name(err)));
  return err;
}

void Execution::execute(const Command& command) {
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

  std::visit(
      [&](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, Unbind>) {
          core::Device* dev = r.device_or_gone(body.dev);
          if (!dev) return (void)command_error(command, -ENODEV, "write error: No such device");
          core::Driver* drv = body.driver ? r.driver(dev, *body.driver) : dev->driver.get();
          provider_leaving(dev, nullptr);
          int err = drv ? core::sysfs_unbind(drv, dev) : -ENODEV;
          command_error(command, err, "write error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, Bind>) {
          core::Device* dev = r.device_or_gone(body.dev);
          if (!dev) return (void)command_error(command, -ENODEV, "write error: No such device");
          int err = body.driver ? core::sysfs_bind(r.driver(dev, *body.driver), dev)
                                : core::sysfs_drivers_probe(dev);
          command_error(command, err, "write error: " + strerror_of(err));
          if (!err) provider_back();
        } else if constexpr (std::is_same_v<T, Rmmod>) {
          core::Module* mod = r.module(body.module);
          provider_leaving(nullptr, mod);
          int err = core::delete_module(mod);
          std::string why =
              err == -EWOULDBLOCK ? "rmmod: ERROR: Module " + mod->name() + " is in use"
              : err == -EPERM     ? "rmmod: ERROR: Module " + mod->name() + " is builtin"
                              : "rmmod: ERROR: Module " + mod->name() + " is not currently loaded";
          command_error(command, err, why);
        } else if constexpr (std::is_same_v<T, Modprobe>) {
          core::Module* mod = r.module(body.module);
          int err = core::load_module(mod);
          command_error(command, err, "modprobe: ERROR: could not insert '" + mod->name() + "'");
          if (!err) provider_back();
        } else if constexpr (std::is_same_v<T, LinkSet>) {
          net::NetDevice* nd = present_netdev(r, body.iface, command);
          if (!nd) return;
          net::rtnl_lock();
          int err = 0;
          if (body.up)
            err = net::dev_open(nd);
          else
            net::dev_close(nd);
          net::rtnl_unlock();
          command_error(command, err, "RTNETLINK answers: " + strerror_of(err));
          if (err == -EPROBE_DEFER)
            report_invariant(
                "ip link set " + nd->name() +
                " up returned -EPROBE_DEFER (517) to user space: a kernel-internal errno leaked");
        } else if constexpr (std::is_same_v<T, EthtoolSettings>) {
          net::NetDevice* nd = present_netdev(r, body.iface, command);
          if (!nd) return;
          net::EthtoolRequest req;
          req.speed = body.speed;
          if (body.duplex) req.duplex = to_net(*body.duplex);
          req.autoneg = body.autoneg;
          if (body.advertise) req.advertising = to_net_modes(*body.advertise) | net::LM_Autoneg;
          int err = net::ethtool_set_link(nd, req);
          command_error(command, err, "netlink error: " + strerror_of(err));
        } else if constexpr (std::is_same_v<T, EthtoolWol>) {
          net::NetDevice* nd = present_netdev(r, body.iface, command);
          if (!nd) return;
          int err = net::ethtool_set_wol(nd, body.flags);
          command_error(command, err, "netlink error: " + strerror_of(err));
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
          settle();
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
                e.spawn(name, [this, cmds] { run_commands(*cmds, /*in_thread=*/true); });
            task->on_exit = [done] { sim::complete(done.get()); };
          }
          for (size_t i = 0; i < body.threads.size(); ++i) sim::wait_for_completion(done.get());
          e.set_choice_window(false);
        } else if constexpr (std::is_same_v<T, Expect>) {
          expect(command, body);
        } else {
          // set, module, phy-id and boot are configuration, handled before boot.
        }
      },
      command.body);
}

void Execution::settle() {
  sim::Engine& e = sim::Engine::current();
  sim::Time deadline = e.now() + options_.settle_limit;
  for (;;) {
    e.wait_idle();
    uint64_t before = e.progress();
    if (e.now() >= deadline) {
      note("settle: still changing after " + sim::format_duration(options_.settle_limit));
      return;
    }
    sim::sleep_for(kQuietPeriod);
    if (e.progress() == before) return;
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
          core::Device* dev = r.device(c.dev);
          res.actual = dev->driver ? "bound to " + dev->driver->name() : "unbound";
          res.passed = dev->driver && (!c.driver || dev->driver->name() == c.driver->text);
        } else if constexpr (std::is_same_v<T, ExpectUnbound>) {
          core::Device* dev = r.device(c.dev);
          res.actual = dev->driver ? "bound to " + dev->driver->name() : "unbound";
          res.passed = !dev->driver;
        } else if constexpr (std::is_same_v<T, ExpectNetdev>) {
          net::NetDevice* nd = r.netdev(c.iface, true);
          if (!nd && !r.names_interface(c.iface)) r.netdev(c.iface);
          res.actual = nd ? "present (" + nd->name() + ")" : "absent";
          res.passed = (nd != nullptr) == c.present;
        } else if constexpr (std::is_same_v<T, ExpectPhy>) {
          net::NetDevice* nd = r.netdev(c.iface);
          net::PhyDevice* phy = nd->phydev.get();
          res.actual = phy ? phy->name() : "none";
          if (!c.phy)
            res.passed = phy == nullptr;
          else
            res.passed = phy && r.device(*c.phy) == static_cast<core::Device*>(phy);
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
        }
      },
      ex.check);
  note(fmt::format("expect {}: {}{}", res.text, res.passed ? "ok" : "FAILED",
                   res.passed ? "" : " (" + res.actual + ")"));
  expects_.push_back(std::move(res));
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
  if (!e.findings().empty()) return true;
  for (const ExpectResult& r : expects_)
    if (!r.passed) return true;
  return false;
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
  r.choices = e.choice_tasks();
  r.ranks = sim::choice_ranks(e.choices());
  r.metrics = metrics_;
  r.end_time = e.now();
  return r;
}

}  // namespace lifeline::scenario
