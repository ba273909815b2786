// SPDX-License-Identifier: GPL-2.0-only
// The ethtool *get* side: struct ethtool_ops' get ops as a table each MAC
// driver fills (net/mac_driver.cc, from its catalog facts), the phylib and
// phylink helpers those ops call (drivers/net/phy/phy.c phy_ethtool_*,
// drivers/net/phy/phylink.c phylink_ethtool_*), and the ethnl request
// handlers of net/ethtool/ that call them under rtnl. A helper reads
// netdev->phydev through its sim::Ptr exactly where the kernel dereferences
// it, so a NULL or freed PHY is an oops or use-after-free of the pointer
// itself, not of a rule.
#ifndef LIFELINE_NET_ETHTOOL_H_
#define LIFELINE_NET_ETHTOOL_H_

#include <functional>
#include <string>

#include "lifeline/net/link_mode.h"
#include "lifeline/sim/object.h"

namespace lifeline::net {

class NetDevice;
class PhyDevice;
class Phylink;

// struct ethtool_link_ksettings, reduced; `link` is ethtool_op_get_link().
struct EthtoolLinkKsettings {
  int speed = SPEED_UNKNOWN;
  Duplex duplex = DUPLEX_UNKNOWN;
  int autoneg = AUTONEG_DISABLE;
  LinkModes supported, advertising, lp_advertising;
  bool link = false;
};

// struct ethtool_keee, reduced.
struct EthtoolKeee {
  LinkModes supported, advertised, lp_advertised;
  bool eee_enabled = false, eee_active = false, tx_lpi_enabled = false;
};

// struct ethtool_pauseparam.
struct EthtoolPauseparam {
  bool autoneg = false, rx_pause = false, tx_pause = false;
};

// struct ethtool_drvinfo, reduced: ethtool_get_drvinfo() fills what the
// driver leaves empty (driver name from dev->parent's driver, bus_info from
// its name).
struct EthtoolDrvinfo {
  std::string driver;
  std::string bus_info;
};

// struct ethtool_ops, the get ops. An empty op is one the driver does not
// have: the core answers -EOPNOTSUPP.
struct EthtoolOps {
  std::function<int(NetDevice*, EthtoolLinkKsettings*)> get_link_ksettings;
  std::function<int(NetDevice*, EthtoolKeee*)> get_eee;
  std::function<void(NetDevice*, EthtoolPauseparam*)> get_pauseparam;
  std::function<void(NetDevice*, EthtoolDrvinfo*)> get_drvinfo;
};

// ---- drivers/net/phy/phy.c
// phy_ethtool_ksettings_get(): reads phydev without a check.
void phy_ethtool_ksettings_get(sim::Ptr<PhyDevice> phydev, EthtoolLinkKsettings* cmd);
// phy_ethtool_get_link_ksettings(): -ENODEV without ndev->phydev.
int phy_ethtool_get_link_ksettings(NetDevice* ndev, EthtoolLinkKsettings* cmd);
// phy_ethtool_get_eee(): dereferences phydev (phydev->drv) unchecked; -EIO
// once the PHY's driver is gone.
int phy_ethtool_get_eee(sim::Ptr<PhyDevice> phydev, EthtoolKeee* data);

// ---- drivers/net/phy/phylink.c: each checks pl->phydev.
int phylink_ethtool_ksettings_get(Phylink* pl, EthtoolLinkKsettings* kset);
int phylink_ethtool_get_eee(Phylink* pl, EthtoolKeee* eee);
void phylink_ethtool_get_pauseparam(Phylink* pl, EthtoolPauseparam* pause);

// ---- net/ethtool/: the request handlers, under rtnl; -ENODEV for a netdev
// that is not present, -EOPNOTSUPP when the driver has no such op.
int ethtool_get_link_ksettings(NetDevice* dev, EthtoolLinkKsettings* out);
int ethtool_get_eee(NetDevice* dev, EthtoolKeee* out);
int ethtool_get_pauseparam(NetDevice* dev, EthtoolPauseparam* out);
int ethtool_get_drvinfo(NetDevice* dev, EthtoolDrvinfo* out);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_ETHTOOL_H_
