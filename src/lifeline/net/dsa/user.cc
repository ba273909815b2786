// SPDX-License-Identifier: GPL-2.0-only
// User ports' netdevs: net/dsa/user.c of Linux v6.12 (dsa_user_create(),
// dsa_user_phy_setup(), dsa_user_open()/close(), dsa_user_destroy()).
// The PHY is connected from the switch's probe, before the netdev is
// registered and without rtnl; phylink starts only at ndo_open.
#include <fmt/format.h>

#include "lifeline/core/device.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/net/dsa/dsa.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/pcs/miic.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

DsaPort* port_of(NetDevice* dev) { return static_cast<DsaPort*>(dev->priv); }

// dsa_user_open(): the conduit first, then dsa_port_enable_rt() ->
// phylink_start().
int dsa_user_open(NetDevice* dev) {
  LL_FUNC();
  DsaPort* dp = port_of(dev);
  NetDevice* conduit = dp->cpu_dp ? dp->cpu_dp->conduit : nullptr;
  if (conduit) {
    int err = dev_open(conduit);
    if (err < 0) {
      note(fmt::format("{}: failed to open conduit {}", dev->name(), conduit->name()));
      return err;
    }
  }
  phylink_start(dp->pl);
  return 0;
}

// dsa_user_close(): dsa_port_disable_rt() -> phylink_stop(); the PHY stays
// attached (it was connected at probe).
int dsa_user_close(NetDevice* dev) {
  LL_FUNC();
  phylink_stop(port_of(dev)->pl);
  return 0;
}

const NetDeviceOps kDsaUserNetdevOps = {
    .ndo_init = nullptr,
    .ndo_uninit = nullptr,
    .ndo_open = dsa_user_open,
    .ndo_stop = dsa_user_close,
    .set_link_ksettings =
        [](NetDevice* dev, const EthtoolLinkSettings& cmd) {
          return phylink_ethtool_ksettings_set(port_of(dev)->pl, cmd);
        },
    .set_wol = [](NetDevice* dev,
                  uint32_t w) { return phylink_ethtool_set_wol(port_of(dev)->pl, w); },
};

// dsa_user_phy_connect(): the PHY at the port's index on ds->user_mii_bus
// (no reference taken), then phylink_connect_phy().
int dsa_user_phy_connect(NetDevice* user_dev, int addr, uint32_t flags) {
  DsaPort* dp = port_of(user_dev);
  MdioDevice* mdiodev = mdiobus_get_phy(dp->ds->user_mii_bus, addr);
  if (!mdiodev) {
    note(fmt::format("{}: no phy at {}", dp->name(), addr));
    return -ENODEV;
  }
  auto* phydev = static_cast<PhyDevice*>(mdiodev);
  phydev->dev_flags |= flags;
  return phylink_connect_phy(dp->pl, phydev, flags);
}

// dsa_user_phy_setup(): dsa_port_phylink_create(), then
// phylink_of_phy_connect() on the port node; on -ENODEV the switch's user
// MII bus. Any error destroys phylink and is returned.
int dsa_user_phy_setup(NetDevice* user_dev) {
  LL_FUNC();
  DsaPort* dp = port_of(user_dev);
  PhylinkMacOps mac_ops;
  mac_ops.mac_link_up = [user_dev](int speed, Duplex duplex) {
    note(fmt::format("{}: mac_link_up {}", user_dev->name(), speed_duplex_string(speed, duplex)));
  };
  // The switch driver's mac_select_pcs(), for a port it made a PCS for
  // (a5psw_phylink_mac_select_pcs(): net/pcs/miic.h).
  if (PhylinkPcs* pcs = dsa_port_pcs(dp->dn))
    mac_ops.mac_select_pcs = [pcs](phy_interface_t) { return core::ErrOr<PhylinkPcs*>{pcs, 0}; };
  auto r = phylink_create(user_dev, nullptr, dp->dn, dp->interface, mac_ops);
  if (!r.ok()) return r.err;
  dp->pl = r.value;
  user_dev->phylink = r.value;
  // The switch's probe is the caller (genphy=opt-in's flag).
  uint32_t flags = PHY_F_ATTACH_AT_PROBE;
  int ret = phylink_fwnode_phy_connect(dp->pl, dp->dn, flags);
  if (ret == -ENODEV && dp->ds->user_mii_bus)
    ret = dsa_user_phy_connect(user_dev, dp->index, flags);
  if (ret) {
    note(fmt::format("{}: failed to connect to PHY: {}", dp->name(), core::errno_name(ret)));
    phylink_destroy(dp->pl);  // dsa_port_phylink_destroy()
    dp->pl = nullptr;
    user_dev->phylink = nullptr;
  }
  return ret;
}

}  // namespace

DsaPort* dsa_user_to_port(const NetDevice* dev) {
  return dev && dev->netdev_ops == &kDsaUserNetdevOps ? static_cast<DsaPort*>(dev->priv) : nullptr;
}

int dsa_user_create(DsaPort* dp, core::Device* owner) {
  LL_FUNC();
  NetDevice* user_dev = alloc_etherdev();
  // alloc_netdev_mqs(): the label as the name (NET_NAME_PREDICTABLE), or "eth%d".
  user_dev->name_pattern = dp->label.empty() ? "eth%d" : dp->label;
  user_dev->netdev_ops = &kDsaUserNetdevOps;
  // SET_NETDEV_DEV(user_dev, ds->dev) (the port's own device under
  // phy-loss=port-device); dev.of_node = the port node.
  user_dev->parent = owner;
  user_dev->of_node = dp->dn;
  user_dev->priv = dp;
  dp->user = user_dev;
  netif_carrier_off(user_dev);
  int ret = dsa_user_phy_setup(user_dev);
  if (ret) {
    note(fmt::format("{}: error {} setting up PHY for tree {}, switch {}, port {}",
                     dp->ds->dev->name(), core::errno_name(ret), dp->ds->dst->index, dp->ds->index,
                     dp->index));
    goto out_free;
  }
  rtnl_lock();
  ret = register_netdevice(user_dev);
  rtnl_unlock();
  if (ret) goto out_phy;
  return 0;

out_phy:
  rtnl_lock();
  phylink_disconnect_phy(dp->pl);
  rtnl_unlock();
  phylink_destroy(dp->pl);
  dp->pl = nullptr;
out_free:
  free_netdev(user_dev);
  dp->user = nullptr;
  return ret;
}

void dsa_user_destroy(NetDevice* user_dev) {
  LL_FUNC();
  DsaPort* dp = port_of(user_dev);
  netif_carrier_off(user_dev);
  rtnl_lock();
  unregister_netdevice(user_dev);
  phylink_disconnect_phy(dp->pl);
  rtnl_unlock();
  phylink_destroy(dp->pl);  // dsa_port_phylink_destroy()
  dp->pl = nullptr;
  free_netdev(user_dev);
  dp->user = nullptr;
}

}  // namespace lifeline::net
