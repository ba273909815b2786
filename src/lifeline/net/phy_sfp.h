// SPDX-License-Identifier: GPL-2.0-only
// A PHY as SFP upstream (phy_sfp_probe(), drivers/net/phy/phy_device.c):
// the PHYs whose driver hosts a cage (sfp_upstream in the PHY catalog:
// marvell's 88E1510 family, marvell10g's 88X3310, at803x's AR8031).
#ifndef LIFELINE_NET_PHY_SFP_H_
#define LIFELINE_NET_PHY_SFP_H_

namespace lifeline::net {

class PhyDevice;

// From phy_probe() for a driver whose probe ends in phy_sfp_probe(): the
// bus of the PHY node's "sfp" phandle, the PHY added as its upstream.
int phy_sfp_probe(PhyDevice* phydev);
// From phy_remove() (and phy_probe()'s error path): sfp_bus_del_upstream().
void phy_sfp_remove(PhyDevice* phydev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_PHY_SFP_H_
