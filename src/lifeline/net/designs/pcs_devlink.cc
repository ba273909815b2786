// SPDX-License-Identifier: GPL-2.0-only
// pcs=devlink: a managed device link from the PCS provider's device to the
// MAC's (consumer: the device that owns the netdev, supplier: the device
// whose driver's unbind takes the PCS away; DL_FLAG_AUTOPROBE_CONSUMER), as
// the RZ/N1 MIIC does in v6.12 and as discussed in the 2022 RFC thread. The
// driver core unbinds the MAC before the PCS's provider goes, with every
// netdev the MAC owns, and probes it again when the provider binds again.
// Russell King's objection: one device may own many netdevs (an nfs-root
// among them).
#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/device_link.h"
#include "lifeline/net/designs/pcs.h"
#include "lifeline/net/pcs/pcs.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

int devlink_hold(core::Device* consumer, PhylinkPcs* pcs) {
  if (!pcs->supplier) return 0;
  if (!core::device_link_add(consumer, pcs->supplier, core::DL_FLAG_AUTOPROBE_CONSUMER))
    sim::note(
        fmt::format("{}: no managed device link to {}", pcs->supplier->name(), consumer->name()));
  return 0;
}

}  // namespace

const PcsOps pcs_devlink = {
    .pcs_hold = devlink_hold,
};

}  // namespace lifeline::net
