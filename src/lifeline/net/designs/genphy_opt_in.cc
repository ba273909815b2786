// SPDX-License-Identifier: GPL-2.0-only
// genphy=opt-in: Russell King's counter-proposal to the 2021 RFC: only a
// caller attaching at probe time (PHY_F_ATTACH_AT_PROBE) defers; ndo_open
// callers get genphy as in mainline.
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/phy_device.h"

namespace lifeline::net {

namespace {

bool opt_in_phy_attach_defers(PhyDevice* phydev, uint32_t flags) {
  return (flags & PHY_F_ATTACH_AT_PROBE) && phy_driver_pending(phydev);
}

}  // namespace

const GenphyOps genphy_opt_in = {.phy_attach_defers = opt_in_phy_attach_defers};

}  // namespace lifeline::net
