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
// - "ip link set IF up returned -EPROBE_DEFER (517) to user space" is a rule
//   about what a system call returns, judged where the call returns: the
//   errnos above 511 (include/linux/errno.h: ERESTARTSYS .. EPROBE_DEFER)
//   are kernel-internal and never reach user space.
//
// Quiescent: no task of a `concurrently` block is in flight, the point
// after each command of the scenario task itself (and the end).
#ifndef LIFELINE_CHECK_INVARIANTS_H_
#define LIFELINE_CHECK_INVARIANTS_H_

#include <set>
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

// The broken rule when a system call (`call`, as the user typed it: "ip
// link set eth0 up") returns a kernel-internal errno to user space, or "".
std::string leaked_errno_invariant(const std::string& call, int err);

// Reports each broken invariant as a sim::FindingKind::kInvariant finding of
// the running engine, once per execution however often it is judged broken.
class InvariantReporter {
 public:
  void reset() { reported_.clear(); }
  // Judges the invariants of `scope` now.
  void check(InvariantScope scope);
  // Reports a broken rule the caller judged itself (leaked_errno_invariant).
  void report(const std::string& message);

 private:
  std::set<std::string> reported_;
};

}  // namespace lifeline::check

#endif  // LIFELINE_CHECK_INVARIANTS_H_
