// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/scenario/expects.h"

#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/dt/net_roles.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/pse/pse_state.h"
#include "lifeline/net/sfp/sfp.h"
#include "lifeline/scenario/metrics.h"
#include "lifeline/scenario/print.h"
#include "lifeline/scenario/resolve.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::scenario {

namespace {

// The netdev an expect names, or nullptr when it is not registered now; a
// name that can never be a netdev is a user error.
net::NetDevice* netdev_or_absent(const Resolver& r, const Name& iface) {
  net::NetDevice* nd = r.netdev(iface, /*allow_absent=*/true);
  if (!nd && !r.names_interface(iface)) r.netdev(iface);
  return nd;
}

std::string binding_of(const core::Device* dev) {
  return !dev          ? "absent (the device was removed)"
         : dev->driver ? "bound to " + dev->driver->name()
                       : "unbound";
}

// One overload per alternative of Check, no fallback.
struct ExpectEvaluator {
  const Resolver& r;
  const RunWrapped& run;
  ExpectResult& res;

  void operator()(const ExpectCarrier& c) const {
    net::NetDevice* nd = netdev_or_absent(r, c.iface);
    res.actual = nd ? (nd->carrier ? "on" : "off") : "absent";
    res.passed = nd && nd->carrier == c.on;
  }
  void operator()(const ExpectLink& c) const {
    net::NetDevice* nd = netdev_or_absent(r, c.iface);
    res.actual = nd ? link_of(nd) : "absent";
    if (!nd)
      res.passed = false;
    else if (!c.up)
      res.passed = res.actual == "down";
    else if (c.mode)
      res.passed = res.actual == net::speed_duplex_string(c.mode->speed, c.mode->duplex);
    else
      res.passed = res.actual != "down";
  }
  void operator()(const ExpectBound& c) const {
    core::Device* dev = r.device_or_gone(c.dev);
    res.actual = binding_of(dev);
    res.passed = dev && dev->driver && (!c.driver || dev->driver->name() == c.driver->text);
  }
  void operator()(const ExpectUnbound& c) const {
    core::Device* dev = r.device_or_gone(c.dev);
    res.actual = binding_of(dev);
    res.passed = dev && !dev->driver;
  }
  void operator()(const ExpectNetdev& c) const {
    net::NetDevice* nd = netdev_or_absent(r, c.iface);
    res.actual = nd ? "present (" + nd->name() + ")" : "absent";
    res.passed = (nd != nullptr) == c.present;
  }
  void operator()(const ExpectPhy& c) const {
    // A netdev this design unregistered has no PHY to show: absent.
    net::NetDevice* nd = netdev_or_absent(r, c.iface);
    net::PhyDevice* phy = nd ? nd->phydev.get() : nullptr;
    res.actual = !nd ? "absent" : phy ? phy->name() : "none";
    if (!nd)
      res.passed = false;
    else if (!c.phy)
      res.passed = phy == nullptr;
    else
      res.passed = phy && r.device_or_gone(*c.phy) == static_cast<core::Device*>(phy);
  }
  void operator()(const ExpectSfp& c) const {
    const core::FwNode* node = r.node(c.cage);
    if (!node || !dt::is_sfp_cage(*node))
      r.fail(c.cage, "'" + c.cage.text + "' is not an SFP cage");
    net::SfpSlot* slot = net::sfp_slot(node);
    net::Sfp* sfp = slot->driver;
    net::SfpState& st = net::sfp_state();
    switch (c.field) {
      case SfpField::kModule:
        res.actual = sfp ? net::mod_state_to_str(sfp->sm_mod_state) : "no cage driver";
        break;
      case SfpField::kState:
        res.actual = sfp ? net::sm_state_to_str(sfp->sm_state) : "no cage driver";
        break;
      case SfpField::kDevice:
        res.actual = sfp ? net::dev_state_to_str(sfp->sm_dev_state) : "no cage driver";
        break;
      case SfpField::kBus: {
        net::SfpBus* bus = nullptr;
        for (net::SfpBus* b : st.sfp_buses)
          if (b->fwnode == node) bus = b;
        int released = 0;
        for (const auto& [n, count] : st.releases)
          if (n == node) released = count;
        if (bus)
          res.actual = bus->registered ? "registered" : "unregistered";
        else
          res.actual = released == 1   ? "released"
                       : released == 0 ? "never made"
                                       : "released " + std::to_string(released) + " times";
        break;
      }
      case SfpField::kPhys:
        res.actual = std::to_string(slot->phys_registered);
        break;
      case SfpField::kModulePath: {
        std::string path;
        for (const std::string& s : slot->mod_history) path += (path.empty() ? "" : " ") + s;
        res.actual = path.empty() ? "(none)" : path;
        break;
      }
    }
    res.passed = res.actual == c.value;
  }
  void operator()(const ExpectProbeStorm& c) const {
    const core::Device* dev = r.device_or_gone(c.dev);
    bool loaded = false;
    std::string module;
    uint64_t at = 0;
    const net::MdioBusCounts* bus = nullptr;
    std::vector<net::MdioBusCounts> counts = net::probe_storm_counts(&loaded, &module, &at);
    for (const net::MdioBusCounts& b : counts)
      if (dev && b.dev == dev) bus = &b;
    if (!bus) {
      res.actual = "no MDIO bus registered by it";
      res.passed = false;
      return;
    }
    res.actual = fmt::format("probes {} cycles {} ({})", bus->probe_attempts, bus->phys_removed,
                             loaded ? "before " + module + " loaded at " + sim::format_duration(at)
                                    : "so far, no PSE module loaded");
    res.passed =
        static_cast<uint64_t>(bus->probe_attempts) == c.probes && bus->phys_removed == c.cycles;
  }
  void operator()(const ExpectFinding& c) const {
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
  void operator()(const ExpectFail& f) const {
    std::string message;
    int err = run(*f.command, message);
    res.failed_err = err;
    if (!err) {
      res.actual = "succeeded";
      res.passed = false;
      return;
    }
    res.failure = message;
    res.actual = "failed: " + message;
    res.passed = !f.err || err == -f.err;
  }
};
static_assert(visits_every_alternative<ExpectEvaluator, Check>, "an expect nobody evaluates");

}  // namespace

ExpectResult evaluate_expect(const Command& command, const Expect& ex, const Resolver& r,
                             const RunWrapped& run) {
  ExpectResult res;
  res.line = command.loc.line;
  res.text = to_string(ex.check);
  res.time = sim::now();
  std::visit(ExpectEvaluator{r, run, res}, ex.check);
  sim::note(fmt::format("expect {}: {}{}", res.text, res.passed ? "ok" : "FAILED",
                        res.passed ? "" : " (" + res.actual + ")"));
  return res;
}

}  // namespace lifeline::scenario
