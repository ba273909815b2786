// SPDX-License-Identifier: GPL-2.0-only
// genphy=mainline: phy_attach_direct() binds genphy to a PHY without driver
// (probe + device_bind_driver(), no supplier check, no deferral).
#include "lifeline/net/designs/phy_loss.h"

namespace lifeline::net {

const GenphyOps genphy_mainline = {};

}  // namespace lifeline::net
