// SPDX-License-Identifier: GPL-2.0-only
#include "lifeline/check/invariants.h"

#include "lifeline/core/errno.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
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
