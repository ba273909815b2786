// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=devlink: phy_attach_direct() adds a managed device link
// (consumer: the netdev's parent, supplier: the PHY,
// DL_FLAG_AUTOPROBE_CONSUMER) instead of phylib's stateless one, as proposed
// in the "Disappearance of network PHYs" thread: the driver core unbinds the
// MAC before the PHY and probes it again when the PHY binds again.
//
// With a PHY only genphy drives, phy_detach() must not release genphy while
// the link ties it to a bound MAC (net/designs/phy_loss_common.cc says why),
// and a user's unbind of genphy leaves the MAC unbound for good: the
// timeline says so.
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/phy_device.h"

namespace lifeline::net {

namespace {

void devlink_phy_probe(PhyDevice* phydev) { phy_loss_note_driver(phydev, true); }

}  // namespace

const PhyLossOps phy_loss_devlink = {
    .phy_probe = devlink_phy_probe,
    .phy_remove = phy_loss_managed_remove,
    .phy_attach_genphy = phy_loss_refuse_genphy_after_loss,
    .phy_device_link_add = phy_loss_managed_link_add,
    .phy_release_genphy = phy_loss_managed_release_genphy,
};

}  // namespace lifeline::net
