// SPDX-License-Identifier: GPL-2.0-only
// genphy=defer: the 2021 RFC ("net: phy: don't bind genphy when the
// specific driver may still come"): phy_attach_direct() returns
// -EPROBE_DEFER while the PHY's specific driver could still bind. From
// ndo_open that errno reaches user space (Russell King's objection).
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/phy_device.h"

namespace lifeline::net {

namespace {

bool defer_phy_attach_defers(PhyDevice* phydev, uint32_t) { return phy_driver_pending(phydev); }

}  // namespace

const GenphyOps genphy_defer = {.phy_attach_defers = defer_phy_attach_defers};

}  // namespace lifeline::net
