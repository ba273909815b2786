// SPDX-License-Identifier: GPL-2.0-only
// phy-loss=mainline: v6.12. phy_remove() tells nobody; netdev->phydev,
// pl->phydev, attached_dev and the IRQ stay; the next phy_start() WARNs;
// phy_attach_direct() of a driverless PHY binds genphy. Every hook is null:
// the model code around each call site is mainline's.
#include "lifeline/net/designs/phy_loss.h"

namespace lifeline::net {

const PhyLossOps phy_loss_mainline = {};

}  // namespace lifeline::net
