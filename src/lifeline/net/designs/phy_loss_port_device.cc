// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=port-device: as devlink, but every netdev of a MAC gets a struct
// device of its own (a child of the MAC's device on a "netdev_port" bus, as
// DSA ports and multi-port MACs were proposed to have) that owns the
// netdev: the managed link's consumer is the port, so only that port goes.
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/mac_driver.h"
#include "lifeline/net/phy_device.h"

namespace lifeline::net {

namespace {

void port_device_phy_probe(PhyDevice* phydev) { phy_loss_note_driver(phydev, true); }

}  // namespace

const PhyLossOps phy_loss_port_device = {
    .phy_probe = port_device_phy_probe,
    .phy_remove = phy_loss_managed_remove,
    .phy_attach_genphy = phy_loss_refuse_genphy_after_loss,
    .phy_device_link_add = phy_loss_managed_link_add,
    .phy_release_genphy = phy_loss_managed_release_genphy,
    .mac_port_bus_register = mac_port_bus_register,
    .dsa_port_bus_register = dsa_port_bus_register,
};

}  // namespace lifeline::net
