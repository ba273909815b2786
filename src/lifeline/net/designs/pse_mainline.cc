// SPDX-License-Identifier: GPL-2.0-only
// pse=mainline: v6.12. fwnode_mdio looks the controller up when it
// registers the PHY and fails the whole bus with -EPROBE_DEFER while the
// controller is not there; phy_device_remove() puts the control; nobody
// tells a PHY that its controller went away. Every hook is null.
#include "lifeline/net/designs/pse.h"

namespace lifeline::net {

const PseOps pse_mainline = {};

}  // namespace lifeline::net
