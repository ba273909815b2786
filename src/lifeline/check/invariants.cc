// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/invariants.h"

#include "lifeline/core/bus.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/pse/pse_core.h"
#include "lifeline/sim/engine.h"

namespace lifeline::check {

std::vector<std::string> broken_invariants(InvariantScope scope) {
  std::vector<std::string> out;
  net::Net* n = net::Net::current_or_null();
  if (!n) return out;
  bool quiescent = scope == InvariantScope::kQuiescent;
  for (net::NetDevice* nd : n->netdevs) {
    if (nd->freed() || nd->reg_state != net::NetregState::NETREG_REGISTERED) continue;
    if (net::PhyDevice* p = nd->phydev.get()) {
      if (p->freed())
        out.push_back(nd->name() + ": netdev->phydev points to freed " + p->describe());
      else if (quiescent && p->attached_dev.get() != nd)
        out.push_back(nd->name() + ": netdev->phydev names " + p->name() +
                      ", which is not attached to it");
    }
    if (quiescent && nd->carrier && !net::netif_running(nd))
      out.push_back(nd->name() + ": carrier on while the interface is down");
  }
  // pse: a registered PHY whose "pses" names a registered PSE controller
  // holds a live control of that controller (quiescent: the attach runs
  // after device_add() in v6.12, and from a notifier in the RFC).
  if (quiescent && n->mdio_bus_type && n->pse)
    for (core::Device* d : n->mdio_bus_type->devices) {
      auto* mdiodev = static_cast<net::MdioDevice*>(d);
      if (d->freed() || !mdiodev->is_phy || !core::device_is_registered(d) || !d->fwnode ||
          !d->fwnode->has_property("pses"))
        continue;
      net::PseControllerDev* pcdev = net::pse_controller_for(d->fwnode);
      if (!pcdev) continue;
      net::PseControl* psec = net::to_phy_device(d)->psec.get();
      if (!psec)
        out.push_back("pse: PHY " + d->name() + ": its pses names PSE controller " +
                      pcdev->dev->name() + ", which is registered, but phydev->psec is NULL");
      else if (psec->freed() || psec->pcdev.get() != pcdev)
        out.push_back("pse: PHY " + d->name() + ": its pses names PSE controller " +
                      pcdev->dev->name() + ", but phydev->psec is a control of " +
                      (psec->freed() ? "(freed)" : "a controller that went away"));
    }
  return out;
}

std::string leaked_errno_invariant(const std::string& call, int err) {
  // Only -EPROBE_DEFER can reach a system call's return in the model today.
  if (err != -EPROBE_DEFER) return "";
  return call + " returned -EPROBE_DEFER (517) to user space: a kernel-internal errno leaked";
}

void InvariantReporter::check(InvariantScope scope) {
  for (const std::string& m : broken_invariants(scope)) report(m);
}

void InvariantReporter::report(const std::string& message) {
  if (!reported_.insert(message).second) return;
  sim::Engine::current().report(sim::FindingKind::kInvariant, message);
}

}  // namespace lifeline::check
