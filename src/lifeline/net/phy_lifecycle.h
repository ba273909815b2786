// SPDX-License-Identifier: GPL-2.0-only
// What happens around a PHY's driver binding and unbinding under the
// phy-loss designs that tell the consumer (notify-down, replay): the
// "PHY going away" notifier of the 2026 "Disappearance of network PHYs"
// thread, and its counterpart when a PHY for the same node binds again.
//
// A consumer is either a phylink instance (phylink.cc subscribes itself) or a
// plain phylib MAC's attachment, which phylib tracks here.
#ifndef LIFELINE_NET_PHY_LIFECYCLE_H_
#define LIFELINE_NET_PHY_LIFECYCLE_H_

#include <string>

#include "lifeline/net/phy_interface.h"

namespace lifeline::net {

class NetDevice;
class PhyDevice;

enum PhyEvent : unsigned long {
  PHY_EVENT_GOING_AWAY = 1,  // from phy_remove(), before the driver lets go
  PHY_EVENT_ARRIVED = 2,     // a specific driver bound; delivered from a work item
};

void phy_lifecycle_init();
// phy_probe() succeeded with a specific driver.
void phy_lifecycle_driver_probed(PhyDevice* phydev);
// phy_remove() is starting: mark the driver lost and, with a notifier
// design, tell the consumers (who take rtnl and let go of the PHY).
void phy_lifecycle_going_away(PhyDevice* phydev);
// The PHY had a specific driver and has none now.
bool phy_lifecycle_lost_driver(const PhyDevice* phydev);

// A plain phylib MAC connected `phydev` (phy_connect_direct()).
void phy_lifecycle_connected(NetDevice* ndev, PhyDevice* phydev, phy_interface_t interface);
// The MAC disconnected it on purpose (ndo_stop, remove), or its netdev is
// being unregistered: forget the consumer.
void phy_lifecycle_disconnected(NetDevice* ndev, bool unregistering = false);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_LIFECYCLE_H_
