// SPDX-License-Identifier: GPL-2.0-only
// The ethtool get side: phylib's and phylink's helpers and the ethnl
// request handlers (net/ethtool/linkmodes.c, linkstate.c, eee.c, pause.c,
// ioctl.c ethtool_get_drvinfo()).
#include "lifeline/net/ethtool.h"

#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/mutex.h"

namespace lifeline::net {

namespace {

// The EEE-capable modes of a copper PHY (MDIO_PCS_EEE_ABLE): 100BASE-TX and
// 1000BASE-T, where the PHY supports them. The model has no MMD registers;
// genphy_c45_ethtool_get_eee() reads these from them.
LinkModes eee_modes() {
  LinkModes m;
  linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, m);
  linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, m);
  return m;
}

}  // namespace

void phy_ethtool_ksettings_get(sim::Ptr<PhyDevice> phydev, EthtoolLinkKsettings* cmd) {
  LL_FUNC();
  PhyDevice* phy = phydev.at("phydev->lock");
  sim::mutex_lock(&phy->lock);
  cmd->supported = phy->supported;
  cmd->advertising = phy->advertising;
  cmd->lp_advertising = phy->lp_advertising;
  cmd->speed = phy->speed;
  cmd->duplex = phy->duplex;
  cmd->autoneg = phy->autoneg;
  sim::mutex_unlock(&phy->lock);
}

int phy_ethtool_get_link_ksettings(NetDevice* ndev, EthtoolLinkKsettings* cmd) {
  sim::Ptr<PhyDevice> phydev = ndev->phydev;
  if (!phydev) return -ENODEV;
  phy_ethtool_ksettings_get(phydev, cmd);
  return 0;
}

int phy_ethtool_get_eee(sim::Ptr<PhyDevice> phydev, EthtoolKeee* data) {
  LL_FUNC();
  // `if (!phydev->drv) return -EIO;`: the first access, with no check of
  // phydev itself.
  PhyDevice* phy = phydev.at("phydev->drv");
  if (!phy->drv) return -EIO;
  sim::mutex_lock(&phy->lock);
  data->supported = phy->supported & eee_modes();
  data->advertised = phy->eee_enabled ? data->supported : LinkModes();
  data->lp_advertised = phy->link ? phy->lp_advertising & eee_modes() : LinkModes();
  data->eee_enabled = phy->eee_enabled;
  data->tx_lpi_enabled = phy->eee_enabled;
  data->eee_active =
      phy->eee_enabled && phy->link &&
      (data->advertised & data->lp_advertised & link_mode_for(phy->speed, phy->duplex)).any();
  sim::mutex_unlock(&phy->lock);
  return 0;
}

int phylink_ethtool_ksettings_get(Phylink* pl, EthtoolLinkKsettings* kset) {
  LL_FUNC();
  ASSERT_RTNL();
  if (PhyDevice* phy = pl->phydev.get()) {
    phy_ethtool_ksettings_get(phy, kset);
  } else {
    kset->advertising = pl->link_config.advertising;
    kset->autoneg = pl->cur_link_an_mode == AnMode::MLO_AN_FIXED ? AUTONEG_DISABLE : AUTONEG_ENABLE;
  }
  kset->supported = pl->supported;
  // phylink_get_ksettings(): the resolved link when the MAC is up.
  if (pl->cur_link_an_mode == AnMode::MLO_AN_FIXED) {
    kset->speed = pl->fixed_speed;
    kset->duplex = pl->fixed_duplex;
  } else if (!pl->phydev) {
    kset->speed = pl->phy_state.link ? pl->phy_state.speed : SPEED_UNKNOWN;
    kset->duplex = pl->phy_state.link ? pl->phy_state.duplex : DUPLEX_UNKNOWN;
  }
  return 0;
}

int phylink_ethtool_get_eee(Phylink* pl, EthtoolKeee* eee) {
  LL_FUNC();
  ASSERT_RTNL();
  int ret = -EOPNOTSUPP;
  if (pl->phydev) ret = phy_ethtool_get_eee(pl->phydev, eee);
  return ret;
}

void phylink_ethtool_get_pauseparam(Phylink* pl, EthtoolPauseparam* pause) {
  ASSERT_RTNL();
  // link_config.pause as phylink_create() sets it, MLO_PAUSE_AN (ethtool -A
  // is not modelled).
  (void)pl;
  pause->autoneg = true;
  pause->rx_pause = false;
  pause->tx_pause = false;
}

namespace {

// ethnl_ops_begin(): a netdev that is gone or not registered answers -ENODEV.
bool present(const NetDevice* dev) {
  sim::check_access(dev, "ethnl_ops_begin(dev)");
  return dev->reg_state == NetregState::NETREG_REGISTERED;
}

template <class Fn>
int under_rtnl(NetDevice* dev, Fn fn) {
  rtnl_lock();
  int ret = present(dev) ? fn() : -ENODEV;
  rtnl_unlock();
  return ret;
}

}  // namespace

int ethtool_get_link_ksettings(NetDevice* dev, EthtoolLinkKsettings* out) {
  LL_FUNC();
  return under_rtnl(dev, [&] {
    const EthtoolOps* ops = dev->ethtool_ops;
    if (!ops || !ops->get_link_ksettings) return -EOPNOTSUPP;
    int ret = ops->get_link_ksettings(dev, out);
    // linkstate: ethtool_op_get_link() is netif_carrier_ok().
    out->link = netif_carrier_ok(dev);
    return ret;
  });
}

int ethtool_get_eee(NetDevice* dev, EthtoolKeee* out) {
  LL_FUNC();
  return under_rtnl(dev, [&] {
    const EthtoolOps* ops = dev->ethtool_ops;
    if (!ops || !ops->get_eee) return -EOPNOTSUPP;
    return ops->get_eee(dev, out);
  });
}

int ethtool_get_pauseparam(NetDevice* dev, EthtoolPauseparam* out) {
  LL_FUNC();
  return under_rtnl(dev, [&] {
    const EthtoolOps* ops = dev->ethtool_ops;
    if (!ops || !ops->get_pauseparam) return -EOPNOTSUPP;
    ops->get_pauseparam(dev, out);
    return 0;
  });
}

int ethtool_get_drvinfo(NetDevice* dev, EthtoolDrvinfo* out) {
  LL_FUNC();
  return under_rtnl(dev, [&] {
    const EthtoolOps* ops = dev->ethtool_ops;
    if (ops && ops->get_drvinfo) ops->get_drvinfo(dev, out);
    // ethtool_get_drvinfo(): what the driver left empty comes from the
    // parent device, its driver's name and its own.
    if (dev->parent) {
      if (out->driver.empty() && dev->parent->driver) out->driver = dev->parent->driver->name();
      if (out->bus_info.empty()) out->bus_info = dev->parent->name();
    }
    return 0;
  });
}

}  // namespace lifeline::net
