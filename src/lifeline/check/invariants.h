// SPDX-License-Identifier: GPL-2.0-only
// Invariants of the model's state that a consistent system keeps, checked by
// the scenario runner. Each is judged only where it is meant to hold:
//
// - "IF: netdev->phydev points to freed PHY" holds at EVERY STEP. The
//   phy_device's memory lives while netdev->phydev may name it:
//   phy_attach_direct() takes a device reference and phy_detach() clears
//   netdev->phydev before the put_device() that can free it. No operation in
//   flight makes it false; only a lost reference does.
// - "IF: netdev->phydev names PHY, which is not attached to it" holds at
//   QUIESCENT points only. netdev->phydev and phydev->attached_dev are set by
//   phy_attach_direct() and cleared by phy_detach() one after the other,
//   under RTNL; a reader holding RTNL sees them agree, one that does not (the
//   runner) may look between the two stores of a task inside RTNL.
// - "IF: carrier on while the interface is down" holds at QUIESCENT points
//   only. dev_open() sets IFF_UP after ndo_open() returns, while the carrier
//   is raised from a worker (phylink_resolve, the PHY state machine) that may
//   run before that; dev_close() clears IFF_UP while the link-down work may
//   still be on its way. Only with no ifup or ifdown in flight do the two
//   agree.
//
// Quiescent: no task of a `concurrently` block is in flight, the point
// after each command of the scenario task itself (and the end).
#ifndef LIFELINE_CHECK_INVARIANTS_H_
#define LIFELINE_CHECK_INVARIANTS_H_

#include <string>
#include <vector>

namespace lifeline::check {

enum class InvariantScope {
  kEveryStep,  // only the invariants that hold at every step
  kQuiescent,  // every invariant: the system is at a quiescent point
};

// The messages of the invariants of `scope` that are broken in the running
// model now, per registered netdev in allocation order.
std::vector<std::string> broken_invariants(InvariantScope scope);

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_INVARIANTS_H_
