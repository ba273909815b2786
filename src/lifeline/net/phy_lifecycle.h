// SPDX-License-Identifier: GPL-2.0-only
// A plain phylib MAC as a consumer of the provider-lifecycle protocol
// (net/provider_lifecycle.h): phylib subscribes the netdev when the MAC
// connects its PHY (phy_connect_direct()), so that a design that announces
// a PHY going away (net/designs/phy_loss_notify.cc) reaches it the way it
// reaches phylink (net/phylink.cc), through the one protocol.
#ifndef LIFELINE_NET_PHY_LIFECYCLE_H_
#define LIFELINE_NET_PHY_LIFECYCLE_H_

#include <string>

#include "lifeline/net/phy_interface.h"

namespace lifeline::net {

class NetDevice;
class PhyDevice;

// A plain phylib MAC connected `phydev` (phy_connect_direct()).
void phy_lifecycle_connected(NetDevice* ndev, PhyDevice* phydev, phy_interface_t interface);
// The MAC disconnected it (phy_disconnect(): ndo_stop, remove, or the
// consumer's own going-away), or its netdev is being unregistered (under
// rtnl): let go of the PHY, or forget the consumer.
void phy_lifecycle_disconnected(NetDevice* ndev, bool unregistering = false);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_LIFECYCLE_H_
