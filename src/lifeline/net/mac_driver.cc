// SPDX-License-Identifier: GPL-2.0-only
// The lifecycle of a MAC driver: probe (MDIO bus, netdevs, phylink, PHY at
// probe), ndo_open/ndo_stop (PHY at open), remove. The facts that differ
// between real drivers come from the catalog entry; each one names the
// kernel code it was read from.
#include "lifeline/net/mac_driver.h"

#include <fmt/format.h>

#include "lifeline/core/bus.h"
#include "lifeline/core/device.h"
#include "lifeline/core/driver.h"
#include "lifeline/core/errno.h"
#include "lifeline/core/fwnode.h"
#include "lifeline/dt/platform_names.h"
#include "lifeline/net/bus_id_format.h"
#include "lifeline/net/catalog/mac_catalog.h"
#include "lifeline/net/designs/phy_loss.h"
#include "lifeline/net/ethtool.h"
#include "lifeline/net/mac_pcs.h"
#include "lifeline/net/match_data.h"
#include "lifeline/net/mdio_bus.h"
#include "lifeline/net/net.h"
#include "lifeline/net/netdevice.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phylink.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// A port's own device (phy-loss=port-device).
struct PortDevice : core::Device {
  PortDevice() : core::Device("port_device") {}
  MacPriv* priv = nullptr;
  MacPort* port = nullptr;
};

// of_get_phy_mode(), as MAC drivers call it in probe. On an error the
// interface is PHY_INTERFACE_MODE_NA, as of_get_phy_mode() leaves it. Real
// drivers differ on what comes next (mvneta and stmmac fail the probe, macb
// falls back to MII); the generic MAC goes on with NA, and says so when the
// board names an interface the kernel does not know (-ENODEV).
phy_interface_t port_interface(const core::Device* dev, const core::FwNode* node) {
  phy_interface_t interface;
  if (of_get_phy_mode(node, &interface) == -ENODEV) {
    std::optional<std::string> pm = node->read_string("phy-mode");
    if (!pm) pm = node->read_string("phy-connection-type");
    std::string where = node->source_file.empty()
                            ? node->full_path
                            : fmt::format("{}:{}", node->source_file, node->source_line);
    note(fmt::format("{}: unknown phy-mode \"{}\" ({}): of_get_phy_mode() returns -ENODEV",
                     dev->name(), pm.value_or(""), where));
  }
  return interface;
}

core::FwNode* find_mdio_child(const MacInfo& info, core::FwNode* mac) {
  if (info.mdio_child.empty() || !mac) return nullptr;
  for (core::FwNode* c : mac->children)
    if (c->base_name() == info.mdio_child || c->is_compatible(info.mdio_child)) return c;
  return nullptr;
}

// design: the notifier designs take the PHY away from a plain phylib MAC,
// whose ndo_open/ndo_stop then find netdev->phydev NULL.
bool notify_design(const NetDevice* ndev) {
  auto gone = phy_loss_ops().ndo_phy_may_be_gone;
  return gone && gone(ndev);
}
MacPort* port_of(NetDevice* ndev) { return static_cast<MacPort*>(ndev->priv); }
bool connects_at_probe(const MacPort* p) { return p->info->connect == PhyConnect::kAtProbe; }

void adjust_link(NetDevice* ndev) {
  PhyDevice* phy = ndev->phydev.get();
  note(fmt::format(
      "{}: adjust_link: link {}", ndev->name(),
      phy && phy->link ? speed_duplex_string(phy->speed, phy->duplex) : std::string("down")));
}

// ---- phylink MACs

int phylink_ndo_open(NetDevice* ndev) {
  LL_FUNC();
  MacPort* port = port_of(ndev);
  if (!connects_at_probe(port)) {
    int err = phylink_fwnode_phy_connect(port->pl, port->node, 0);
    if (err) {
      note(ndev->name() + ": could not attach PHY: " + core::errno_name(err));
      return err;
    }
  }
  phylink_start(port->pl);
  return 0;
}

int phylink_ndo_stop(NetDevice* ndev) {
  LL_FUNC();
  MacPort* port = port_of(ndev);
  phylink_stop(port->pl);
  if (!connects_at_probe(port)) phylink_disconnect_phy(port->pl);
  return 0;
}

// ---- plain phylib MACs

int phylib_connect(MacPort* port, uint32_t flags) {
  core::FwNode* phy_np = fwnode_get_phy_node(port->node);
  if (!phy_np) return -ENODEV;
  int err = 0;
  of_phy_connect(port->ndev, phy_np, adjust_link, flags, port->interface, &err);
  return err;
}

int phylib_ndo_open(NetDevice* ndev) {
  LL_FUNC();
  MacPort* port = port_of(ndev);
  if (!connects_at_probe(port)) {
    int err = phylib_connect(port, 0);
    if (err) {
      note(ndev->name() + ": could not attach PHY: " + core::errno_name(err));
      return err;
    }
  }
  sim::Ptr<PhyDevice> phy = ndev->phydev;
  if (!phy && notify_design(ndev)) return 0;  // the notify designs tolerate a lost PHY
  phy_start(phy.at("dev->phydev"));
  return 0;
}

int phylib_ndo_stop(NetDevice* ndev) {
  LL_FUNC();
  MacPort* port = port_of(ndev);
  sim::Ptr<PhyDevice> phy = ndev->phydev;
  if (!phy && notify_design(ndev)) return 0;
  // `if (ndev->phydev) phy_stop(ndev->phydev);` (icssg, lan78xx in v6.12);
  // bcmgenet_close() and fec_enet_close() use it unchecked.
  if (!phy && port->lifecycle->stop_checks_phydev) return 0;
  phy_stop(phy.at("dev->phydev"));
  if (!connects_at_probe(port)) phy_disconnect(phy.at("dev->phydev"));
  return 0;
}

NetDeviceOps make_ops(const MacInfo& info) {
  NetDeviceOps ops;
  if (info.phy_api == PhyApi::kPhylink) {
    ops.ndo_open = phylink_ndo_open;
    ops.ndo_stop = phylink_ndo_stop;
    ops.set_link_ksettings = [](NetDevice* nd, const EthtoolLinkSettings& cmd) {
      return phylink_ethtool_ksettings_set(port_of(nd)->pl, cmd);
    };
    ops.set_wol = [](NetDevice* nd, uint32_t w) {
      return phylink_ethtool_set_wol(port_of(nd)->pl, w);
    };
  } else {
    ops.ndo_open = phylib_ndo_open;
    ops.ndo_stop = phylib_ndo_stop;
    // phy_ethtool_set_link_ksettings() / phy_ethtool_set_wol() via netdev->phydev.
    ops.set_link_ksettings = [](NetDevice* nd, const EthtoolLinkSettings& cmd) {
      PhyDevice* phy = nd->phydev.get();
      return phy ? phy_ethtool_ksettings_set(phy, cmd) : -ENODEV;
    };
    ops.set_wol = [](NetDevice* nd, uint32_t w) {
      PhyDevice* phy = nd->phydev.get();
      return phy ? phy_ethtool_set_wol(phy, w) : -ENODEV;
    };
  }
  return ops;
}

// ---- ethtool get ops, as the catalog facts say the driver writes them
// (the driver's own op, such as bcmgenet_get_eee() or lan78xx_get_eee(), is
// mac_get_eee() here, in the stack of a finding).

int mac_get_link_ksettings(NetDevice* nd, EthtoolLinkKsettings* cmd) {
  LL_FUNC();
  MacPort* port = port_of(nd);
  const MacLifecycle& lc = *port->lifecycle;
  switch (lc.get_link_ksettings) {
    case PhydevUse::kPhylink:
      return phylink_ethtool_ksettings_get(port->pl, cmd);
    case PhydevUse::kRunning:
      if (!netif_running(nd)) return -ENETDOWN;
      phy_ethtool_ksettings_get(nd->phydev, cmd);
      return 0;
    case PhydevUse::kUnchecked:
      // lan78xx_get_link_ksettings(): phy_ethtool_ksettings_get(net->phydev, cmd).
      phy_ethtool_ksettings_get(nd->phydev, cmd);
      return 0;
    case PhydevUse::kChecked:
      if (lc.link_ksettings_needs_running && !netif_running(nd)) return -EINVAL;
      return phy_ethtool_get_link_ksettings(nd, cmd);
    default:  // kNone: a MAC with no PHY to ask
      return 0;
  }
}

int mac_get_eee(NetDevice* nd, EthtoolKeee* eee) {
  LL_FUNC();
  MacPort* port = port_of(nd);
  const MacLifecycle& lc = *port->lifecycle;
  switch (lc.get_eee) {
    case PhydevUse::kPhylink:
      return phylink_ethtool_get_eee(port->pl, eee);
    case PhydevUse::kRunning:
      // fec_enet_get_eee(): -ENETDOWN unless running, then ndev->phydev unchecked.
      if (!netif_running(nd)) return -ENETDOWN;
      return phy_ethtool_get_eee(nd->phydev, eee);
    case PhydevUse::kUnchecked:
      // lan78xx_get_eee(): phy_ethtool_get_eee(net->phydev, edata).
      return phy_ethtool_get_eee(nd->phydev, eee);
    case PhydevUse::kChecked:
      if (!nd->phydev) return -lc.eee_no_phydev_err;
      return phy_ethtool_get_eee(nd->phydev, eee);
    default:
      return -EOPNOTSUPP;
  }
}

void mac_get_pauseparam(NetDevice* nd, EthtoolPauseparam* pause) {
  LL_FUNC();
  MacPort* port = port_of(nd);
  switch (port->lifecycle->get_pauseparam) {
    case PhydevUse::kPhylink:
      phylink_ethtool_get_pauseparam(port->pl, pause);
      return;
    case PhydevUse::kUnchecked: {
      // lan78xx_get_pause(): autoneg from phy_ethtool_ksettings_get(net->phydev).
      EthtoolLinkKsettings ecmd;
      phy_ethtool_ksettings_get(nd->phydev, &ecmd);
      pause->autoneg = ecmd.autoneg == AUTONEG_ENABLE;
      pause->rx_pause = pause->tx_pause = true;
      return;
    }
    default:
      // The MAC's own flow-control state as its probe set it (bcmgenet:
      // autoneg_pause, tx_pause, rx_pause; fec: pause_flag).
      pause->autoneg = port->lifecycle->pause_autoneg;
      pause->rx_pause = pause->tx_pause = port->lifecycle->pause_rx_tx;
      return;
  }
}

EthtoolOps make_ethtool_ops(const MacInfo& info, const MacLifecycle& lc) {
  EthtoolOps ops;
  if (lc.get_link_ksettings != PhydevUse::kAbsent) ops.get_link_ksettings = mac_get_link_ksettings;
  if (lc.get_eee != PhydevUse::kAbsent) ops.get_eee = mac_get_eee;
  if (lc.get_pauseparam != PhydevUse::kAbsent) ops.get_pauseparam = mac_get_pauseparam;
  // The driver's name as its get_drvinfo() writes it; bus_info is
  // dev_name(dev->parent), which the core fills in.
  std::string driver(info.netdev_driver.empty() ? info.driver : info.netdev_driver);
  ops.get_drvinfo = [driver](NetDevice*, EthtoolDrvinfo* d) { d->driver = driver; };
  return ops;
}

struct OpsHolder : sim::Object {
  OpsHolder() : sim::Object("netdev_ops", "") {}
  NetDeviceOps ops;
  EthtoolOps ethtool_ops;
};

// Undoes the connection a MAC that connects at probe made: phylink's, or
// phylib's through netdev->phydev (which may be gone under a phy-loss design).
void disconnect_probe_time_phy(MacPort* port) {
  rtnl_lock();
  if (port->pl)
    phylink_disconnect_phy(port->pl);
  else if (PhyDevice* phy = port->ndev->phydev.get())
    phy_disconnect(phy);
  rtnl_unlock();
}

// One netdev of the MAC: allocate, set up phylink, attach a PHY if this
// driver does it at probe, register.
int mac_port_setup(MacPriv* priv, MacPort* port, core::Device* owner) {
  LL_FUNC();
  const MacInfo& info = *priv->info;
  NetDevice* ndev = alloc_etherdev();
  ndev->parent = owner;
  ndev->of_node = port->node;
  ndev->priv = port;
  auto* holder = sim::kzalloc<OpsHolder>();
  holder->ops = make_ops(info);
  holder->ethtool_ops = make_ethtool_ops(info, *port->lifecycle);
  ndev->netdev_ops = &holder->ops;
  ndev->ethtool_ops = &holder->ethtool_ops;
  port->ndev = ndev;
  int err = 0;
  if (info.phy_api == PhyApi::kPhylink) {
    PhylinkMacOps mac_ops;
    mac_ops.mac_link_up = [ndev](int speed, Duplex duplex) {
      note(fmt::format("{}: mac_link_up {}", ndev->name(), speed_duplex_string(speed, duplex)));
    };
    err = mac_pcs_setup(owner, port, &mac_ops);
    if (err) goto free_netdev;
    auto r = phylink_create(ndev, nullptr, port->node, port->interface, mac_ops);
    if (!r.ok()) {
      err = r.err;
      mac_pcs_teardown(owner, port);
      goto free_netdev;
    }
    port->pl = r.value;
    ndev->phylink = r.value;
  }
  if (connects_at_probe(port)) {
    err = info.phy_api == PhyApi::kPhylink
              ? phylink_fwnode_phy_connect(port->pl, port->node, PHY_F_ATTACH_AT_PROBE)
              : phylib_connect(port, PHY_F_ATTACH_AT_PROBE);
    if (err) {
      note(owner->name() + ": attaching the PHY at probe failed: " + core::errno_name(err));
      goto destroy_phylink;
    }
  }
  err = register_netdev(ndev);
  if (err) goto disconnect;
  return 0;

disconnect:
  disconnect_probe_time_phy(port);
destroy_phylink:
  phylink_destroy(port->pl);
  port->pl = nullptr;
  mac_pcs_teardown(owner, port);
free_netdev:
  free_netdev(ndev);
  port->ndev = nullptr;
  return err;
}

void mac_port_teardown(MacPriv* priv, MacPort* port) {
  LL_FUNC();
  NetDevice* ndev = port->ndev;
  if (!ndev) return;
  unregister_netdev(ndev);  // ndo_stop if it was up
  if (connects_at_probe(port)) disconnect_probe_time_phy(port);
  if (port->pl) {
    phylink_destroy(port->pl);
    mac_pcs_teardown(port->port_dev ? port->port_dev : priv->dev, port);
  }
  port->pl = nullptr;
  free_netdev(ndev);
  port->ndev = nullptr;
}

void mac_remove(core::Device* dev);

int mac_probe(const MacInfo& info, const MacBuses& buses, core::Device* dev) {
  LL_FUNC();
  auto* priv = sim::kzalloc<MacPriv>();
  priv->info = &info;
  priv->dev = dev;
  Net& net = Net::current();
  priv->lifecycle = &info.lifecycle;
  if (auto it = net.mac_facts.find(dev->fwnode); it != net.mac_facts.end()) {
    priv->lifecycle = &it->second->lifecycle;
    note(fmt::format("{}: ethtool ops, ndo_stop and remove() as {}", dev->name(),
                     it->second->driver));
  }
  core::dev_set_drvdata(dev, priv);
  int err = 0;
  // The MAC's own MDIO bus.
  core::FwNode* mdio_np = find_mdio_child(info, dev->fwnode);
  if (info.mdio == MdioRegister::kAtProbe && mdio_np && mdio_np->is_available()) {
    MiiBus* bus = mdiobus_alloc();
    bus->id = format_bus_id(
        info.mdio_bus_id, info.mdio_bus_number,
        BusIdContext{dev, "", mdio_np, dev->fwnode, "mac:" + std::string(info.driver)});
    bus->parent_dev = dev;
    bus->owner = dev->driver->owner;
    err = of_mdiobus_register(bus, mdio_np);
    if (err) {
      // fec_probe()'s error path gives its number back (dev_id--), so a
      // probe that defers and retries gets the same one.
      if (info.mdio_bus_number == BusIdNumber::kProbeCounterPlusOne)
        --net.bus_id_counters["mac:" + std::string(info.driver)];
      mdiobus_free(bus);
      core::dev_set_drvdata(dev, nullptr);
      sim::kfree(priv);
      return err;
    }
    priv->mdio = bus;
  } else if (info.mdio == MdioRegister::kSeparateDevice && info.mdio_device_owned_by_mac &&
             mdio_np && mdio_np->is_available() && buses.platform) {
    // The MAC allocates the MDIO controller's platform device (GENET's
    // unimac-mdio) and chooses its number.
    BusIdContext ctx{dev, "", mdio_np, dev->fwnode, "mac:" + std::string(info.driver)};
    auto* pdev = sim::kzalloc<core::Device>();
    core::device_initialize(pdev);
    // Named by the driver (GENET's "unimac-mdio.N") or, made from the node
    // with of_platform_device_create(), as the DT names platform devices.
    core::dev_set_name(pdev, info.mdio_device.empty()
                                 ? dt::of_device_make_bus_id(*mdio_np)
                                 : format_bus_id(info.mdio_device, info.mdio_bus_number, ctx));
    pdev->bus = buses.platform;
    pdev->parent = dev;
    pdev->fwnode = mdio_np;
    pdev->release = [](core::Device* d) { sim::kfree(d); };
    if (!info.mdio_bus_id.empty())
      net.mdio_bus_id_override[pdev] = format_bus_id(info.mdio_bus_id, info.mdio_bus_number, ctx);
    core::device_add(pdev);
    priv->mdio_child_dev = pdev;
  }
  // The netdevs, one per port.
  bool port_devices = buses.port;  // the port-device design registered their bus
  int index = 0;
  for (core::FwNode* node : mac_port_nodes(info, dev->fwnode)) {
    auto* port = sim::kzalloc<MacPort>();
    port->info = &info;
    port->lifecycle = priv->lifecycle;
    port->node = node;
    port->interface = port_interface(dev, node);
    priv->ports.push_back(port);
    if (port_devices) {
      auto* pd = sim::kzalloc<PortDevice>();
      core::device_initialize(pd);
      core::dev_set_name(pd, fmt::format("{}:port{}", dev->name(), index));
      pd->bus = buses.port;
      pd->parent = dev;
      pd->priv = priv;
      pd->port = port;
      pd->release = [](core::Device* d) { sim::kfree(d); };
      port->port_dev = pd;
      core::device_add(pd);
    } else {
      err = mac_port_setup(priv, port, dev);
      if (err) {
        mac_remove(dev);
        return err;
      }
    }
    ++index;
  }
  return 0;
}

void mac_remove(core::Device* dev) {
  LL_FUNC();
  auto* priv = core::dev_get_drvdata<MacPriv>(dev);
  if (!priv) return;
  // The order of remove() is the driver's: axienet before v5.3 tore its MDIO
  // bus down first, so the unregister_netdev() below stops and disconnects a
  // PHY that bus freed.
  if (priv->mdio && priv->lifecycle->remove_order == RemoveOrder::kMdioFirst) {
    mdiobus_unregister(priv->mdio);
    mdiobus_free(priv->mdio);
    priv->mdio = nullptr;
  }
  for (auto it = priv->ports.rbegin(); it != priv->ports.rend(); ++it) {
    MacPort* port = *it;
    if (port->port_dev)
      core::device_unregister(port->port_dev);
    else
      mac_port_teardown(priv, port);
    sim::kfree(port);
  }
  priv->ports.clear();
  if (priv->mdio) {
    mdiobus_unregister(priv->mdio);
    mdiobus_free(priv->mdio);
  }
  if (priv->mdio_child_dev) core::device_unregister(priv->mdio_child_dev);
  core::dev_set_drvdata(dev, nullptr);
  sim::kfree(priv);
}

}  // namespace

std::vector<core::FwNode*> mac_port_nodes(const MacInfo& info, core::FwNode* mac_node) {
  if (!mac_node) return {};
  if (info.shape == NetdevShape::kOne) return {mac_node};
  core::FwNode* container =
      info.ports_container.empty() ? mac_node : mac_node->child_by_name(info.ports_container);
  std::vector<core::FwNode*> ports;
  if (!container) return ports;
  for (core::FwNode* c : container->children) {
    if (!c->is_available()) continue;
    bool match = info.port_match == "*" || c->is_compatible(info.port_match) ||
                 c->base_name() == info.port_match ||
                 c->base_name().substr(0, info.port_match.size()) == info.port_match;
    if (match) ports.push_back(c);
  }
  return ports;
}

core::Bus* mac_port_bus_register() {
  core::Bus* bus = sim::kzalloc<core::Bus>("netdev_port");
  bus->match = [](core::Device*, core::Driver*) { return 1; };
  core::bus_register(bus);
  // One driver for every port device: it sets up and tears down the port.
  auto* drv = sim::kzalloc<core::Driver>("netdev-port");
  drv->bus = bus;
  drv->probe = [](core::Device* d) {
    auto* pd = static_cast<PortDevice*>(d);
    return mac_port_setup(pd->priv, pd->port, pd);
  };
  drv->remove = [](core::Device* d) {
    auto* pd = static_cast<PortDevice*>(d);
    mac_port_teardown(pd->priv, pd->port);
  };
  core::driver_register(drv);
  return bus;
}

void mac_driver_setup(core::Driver* drv, const std::vector<const MacInfo*>& infos,
                      const MacBuses& buses) {
  drv->of_match_table = of_match_table_of(infos);
  drv->probe = [infos, buses](core::Device* dev) {
    return mac_probe(*of_device_get_match_data(dev, infos), buses, dev);
  };
  drv->remove = mac_remove;
}

core::Driver* mac_driver_create(const MacInfo& info, core::Bus* bus, const MacBuses& buses) {
  auto* drv = sim::kzalloc<core::Driver>(std::string(info.driver));
  drv->bus = bus;
  mac_driver_setup(drv, {&info}, buses);
  return drv;
}

}  // namespace lifeline::net
