// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/command_exec.h"

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/core/module.h"
#include "lifeline/core/sysfs.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/medium.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/net/sfp/sfp_module.h"
#include "lifeline/scenario/command_traits.h"
#include "lifeline/scenario/ethtool_get.h"
#include "lifeline/scenario/execution.h"
#include "lifeline/scenario/expects.h"
#include "lifeline/scenario/print.h"
#include "lifeline/scenario/resolve.h"
#include "lifeline/sim/completion.h"
#include "lifeline/sim/note.h"
#include "lifeline/sim/suggest.h"

namespace lifeline::scenario {

namespace {

std::string strerror_of(int err) {
  if (err == -EPROBE_DEFER) return "Unknown error 517";
  return std::strerror(err < 0 ? -err : err);
}

// A netdev the command acts on, or nullptr for one that existed in this run
// (or exists under another design) but is gone now: the command then fails
// as the shell would. A name that can never be a netdev is a user error.
net::NetDevice* present_netdev(const Resolver& r, const Name& name) {
  net::NetDevice* nd = r.netdev(name, /*allow_absent=*/true);
  if (!nd && !r.names_interface(name)) r.netdev(name);  // unknown: a user error
  return nd;
}

// One overload per alternative of Body and no fallback: adding a command to
// the language means saying here how it runs.
struct CommandExecutor {
  Execution& ex;
  const Command& command;

  ExecutionState& st() const { return ex.state(); }
  const Resolver& r() const { return ex.resolver(); }

  // What the shell prints for a failed command; returns `err`.
  int error(int err, const std::string& what) const {
    if (err) {
      st().last_error = fmt::format("{} ({})", what, core::errno_name(err));
      sim::note(command.text + ": " + st().last_error);
    }
    return err;
  }

  // Configuration runs before the boot (Execution's constructor), never as
  // a step.
  int operator()(const SetKnob&) const { return 0; }
  int operator()(const ModuleCmd&) const { return 0; }
  int operator()(const PhyId&) const { return 0; }
  int operator()(const MacFacts&) const { return 0; }
  int operator()(const Boot&) const { return 0; }

  // echo DEV > /sys/bus/BUS/drivers/DRV/unbind: unbind_store().
  int operator()(const Unbind& b) const {
    core::Device* dev = r().device_or_gone(b.dev);
    if (!dev) return error(-ENODEV, "write error: No such device");
    core::Driver* drv = b.driver ? r().driver(dev, *b.driver) : dev->driver.get();
    st().metrics.provider_leaving(dev, nullptr);
    int err = drv ? core::sysfs_unbind(drv, dev) : -ENODEV;
    return error(err, "write error: " + strerror_of(err));
  }
  // bind_store(), or drivers_probe_store() without a driver.
  int operator()(const Bind& b) const {
    core::Device* dev = r().device_or_gone(b.dev);
    if (!dev) return error(-ENODEV, "write error: No such device");
    int err = b.driver ? core::sysfs_bind(r().driver(dev, *b.driver), dev)
                       : core::sysfs_drivers_probe(dev);
    if (!err) st().metrics.provider_back();
    return error(err, "write error: " + strerror_of(err));
  }
  // delete_module(2), as rmmod prints its errors.
  int operator()(const Rmmod& b) const {
    core::Module* mod = r().module(b.module);
    st().metrics.provider_leaving(nullptr, mod);
    int err = core::delete_module(mod);
    std::string why = err == -EWOULDBLOCK ? "rmmod: ERROR: Module " + mod->name() + " is in use"
                      : err == -EPERM
                          ? "rmmod: ERROR: Module " + mod->name() + " is builtin"
                          : "rmmod: ERROR: Module " + mod->name() + " is not currently loaded";
    return error(err, why);
  }
  int operator()(const Modprobe& b) const {
    core::Module* mod = r().module(b.module);
    int err = core::load_module(mod);
    if (!err) st().metrics.provider_back();
    return error(err, "modprobe: ERROR: could not insert '" + mod->name() + "'");
  }
  // RTM_NEWLINK with IFF_UP set or cleared: dev_change_flags() under rtnl.
  int operator()(const LinkSet& b) const {
    net::NetDevice* nd = present_netdev(r(), b.iface);
    // rtnetlink looks the device up under rtnl (do_setlink()), so an
    // unregister waits for the command instead of freeing its netdev.
    if (nd) {
      net::rtnl_lock();
      nd = r().netdev(b.iface, /*allow_absent=*/true);
      if (!nd) net::rtnl_unlock();
    }
    if (!nd) return error(-ENODEV, "Cannot find device \"" + b.iface.text + "\"");
    int err = 0;
    if (b.up)
      err = net::dev_open(nd);
    else
      net::dev_close(nd);
    net::rtnl_unlock();
    std::string leak =
        check::leaked_errno_invariant("ip link set " + nd->name() + (b.up ? " up" : " down"), err);
    if (!leak.empty()) st().invariants.report(leak);
    return error(err, "RTNETLINK answers: " + strerror_of(err));
  }
  // ETHTOOL_MSG_LINKMODES_SET.
  int operator()(const EthtoolSettings& b) const {
    net::NetDevice* nd = present_netdev(r(), b.iface);
    if (!nd) return error(-ENODEV, "netlink error: No such device");
    net::EthtoolRequest req;
    req.speed = b.speed;
    if (b.duplex) req.duplex = *b.duplex;
    req.autoneg = b.autoneg;
    if (b.advertise)
      req.advertising = net::LinkModes(b.advertise->modes).set(net::ETHTOOL_LINK_MODE_Autoneg_BIT);
    int err = net::ethtool_set_link(nd, req);
    return error(err, "netlink error: " + strerror_of(err));
  }
  // ETHTOOL_MSG_WOL_SET.
  int operator()(const EthtoolWol& b) const {
    net::NetDevice* nd = present_netdev(r(), b.iface);
    if (!nd) return error(-ENODEV, "netlink error: No such device");
    int err = net::ethtool_set_wol(nd, b.flags);
    return error(err, "netlink error: " + strerror_of(err));
  }
  // The ethtool get requests (scenario/ethtool_get.h).
  int operator()(const EthtoolGet& b) const {
    EthtoolGetResult res = run_ethtool_get(b, present_netdev(r(), b.iface));
    return error(res.err, res.message);
  }
  int operator()(const Cable& b) const {
    const core::FwNode* port = nullptr;
    if (net::NetDevice* nd = r().netdev(b.target, /*allow_absent=*/true)) {
      // The cable goes into the PHY's socket; without a PHY, into the
      // module in the port's SFP cage; else into the port itself.
      core::FwNode* phy = nd->of_node ? net::fwnode_get_phy_node(nd->of_node) : nullptr;
      core::FwNode* cage = nd->of_node ? core::parse_phandle(nd->of_node, "sfp") : nullptr;
      port = phy ? phy : cage ? cage : nd->of_node;
    } else if (!b.target.text.empty() && (b.target.text[0] == '&' || b.target.text[0] == '/')) {
      port = r().node(b.target);
    } else {
      port = r().device(b.target)->fwnode;
    }
    if (!port) r().fail(b.target, "'" + b.target.text + "' has no port to plug a cable into");
    net::Medium* m = net::Net::current().medium_for(port);
    if (!b.plug)
      m->unplug();
    else if (b.partner)
      m->plug(net::link_mode_for(b.partner->speed, b.partner->duplex), true);
    else
      m->plug(net::copper_modes_up_to(10000), true);
    return 0;
  }
  // The physical cage: a module in or out, its LOS and TX_FAULT lines.
  int operator()(const Sfp& b) const {
    const core::FwNode* node = r().node(b.cage);
    if (!node || !dt::is_sfp_cage(*node))
      r().fail(b.cage, "'" + b.cage.text + "' is not an SFP cage (a node compatible with " +
                           "\"sff,sfp\" or \"sff,sff\")");
    net::SfpSlot* slot = net::sfp_slot(node);
    switch (b.action) {
      case SfpAction::kInsert: {
        const net::SfpModuleProfile* m = net::find_sfp_module_profile(b.profile->text);
        if (!m) {
          std::string names;
          for (const std::string& n : net::sfp_module_profile_names())
            names += (names.empty() ? "" : ", ") + n;
          r().fail(*b.profile,
                   "expected a module profile (" + names + "), got '" + b.profile->text + "'" +
                       sim::did_you_mean(b.profile->text, net::sfp_module_profile_names()));
        }
        if (slot->module) return error(-EBUSY, "the cage already holds a module");
        net::sfp_slot_insert(slot, m);
        break;
      }
      case SfpAction::kRemove:
        if (!slot->module) return error(-ENODEV, "the cage is empty");
        net::sfp_slot_remove(slot);
        break;
      case SfpAction::kLos:
        net::sfp_slot_set_los(slot, b.on);
        break;
      case SfpAction::kTxFault:
        net::sfp_slot_set_tx_fault(slot, b.on);
        break;
    }
    return 0;
  }
  int operator()(const Wait& b) const {
    sim::sleep_for(b.duration);
    return 0;
  }
  int operator()(const Settle&) const {
    if (!ex.settle())
      ex.stop(StopReason::kSettleBound, command,
              "still changing after " + sim::format_duration(ex.options().settle_limit));
    return 0;
  }
  // Every thread starts at the same virtual time; the block waits for them
  // as a shell's `wait` does (stuck when they are).
  int operator()(const Concurrently& b) const {
    sim::Engine& e = sim::Engine::current();
    if (e.tracing())
      e.note("concurrently (" + std::to_string(b.threads.size()) + " tasks)",
             sim::NoteKind::kCommand);
    auto done = std::make_shared<sim::Completion>();
    sim::init_completion(done.get(), "concurrently");
    e.set_choice_window(true);
    for (const Thread& t : b.threads) {
      std::string name = fmt::format("thread@{}", t.loc.line);
      const std::vector<Command>* cmds = &t.commands;
      Execution* exp = &ex;
      sim::Task* task =
          e.spawn(name, [exp, cmds] { exp->run_commands(*cmds, /*background=*/true); });
      task->on_exit = [done] { sim::complete(done.get()); };
      done->completers.push_back(task);
    }
    for (size_t i = 0; i < b.threads.size(); ++i) sim::wait_for_completion(done.get());
    e.set_choice_window(false);
    return 0;
  }
  int operator()(const Expect& b) const {
    Execution& x = ex;
    RunWrapped run = [&x](const Command& wrapped, std::string& message) {
      int err = execute_command(x, wrapped);
      message = x.state().last_error;
      return err;
    };
    st().expects.push_back(evaluate_expect(command, b, r(), run));
    return 0;
  }
};
static_assert(visits_every_alternative<CommandExecutor, Body>, "a command nobody executes");

}  // namespace

int execute_command(Execution& ex, const Command& command) {
  sim::Engine& e = sim::Engine::current();
  CommandTraits traits = command_traits(command.body);
  if (traits.echoed && e.tracing()) e.note(to_string(command), sim::NoteKind::kCommand);
  // The system settled after a provider left as far as the scenario let it:
  // up to the next action that is not itself a provider leaving.
  if (traits.action && !std::holds_alternative<Unbind>(command.body) &&
      !std::holds_alternative<Rmmod>(command.body))
    ex.state().metrics.before_action();
  ex.state().last_error.clear();
  return std::visit(CommandExecutor{ex, command}, command.body);
}

}  // namespace lifeline::scenario
