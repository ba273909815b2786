// SPDX-License-Identifier: GPL-2.0-only
// net/core/dev.c, reduced to lifecycle: names, registration, open and stop.
#include "lifeline/net/netdevice.h"

#include <set>

#include "lifeline/core/errno.h"
#include "lifeline/net/net.h"
#include "lifeline/net/phy_device.h"
#include "lifeline/net/phy_lifecycle.h"
#include "lifeline/net/rtnl.h"
#include "lifeline/sim/engine.h"
#include "lifeline/sim/note.h"

namespace lifeline::net {

namespace {

using sim::note;

// dev_alloc_name(): the lowest free number for the pattern's %d.
std::string dev_alloc_name(const std::string& pattern) {
  size_t pos = pattern.find("%d");
  if (pos == std::string::npos) return pattern;
  std::set<int> used;
  std::string prefix = pattern.substr(0, pos), suffix = pattern.substr(pos + 2);
  for (NetDevice* d : Net::current().netdevs) {
    if (d->reg_state != NetregState::NETREG_REGISTERED) continue;
    const std::string& n = d->name();
    if (n.size() <= prefix.size() + suffix.size() || n.compare(0, prefix.size(), prefix) != 0)
      continue;
    std::string num = n.substr(prefix.size(), n.size() - prefix.size() - suffix.size());
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos) continue;
    used.insert(std::stoi(num));
  }
  int i = 0;
  while (used.count(i)) ++i;
  return prefix + std::to_string(i) + suffix;
}

void carrier_changed(NetDevice* dev) {
  sim::Engine::current().mark_progress();
  Net& net = Net::current();
  if (net.carrier_observer) net.carrier_observer(dev, dev->carrier);
}

}  // namespace

NetDevice* alloc_etherdev() {
  NetDevice* dev = sim::kzalloc<NetDevice>();
  Net::current().netdevs.push_back(dev);
  return dev;
}

int register_netdevice(NetDevice* dev) {
  LL_FUNC();
  ASSERT_RTNL();
  sim::check_access(dev, "register_netdevice");
  if (dev->reg_state != NetregState::NETREG_UNINITIALIZED) return -EINVAL;
  dev->set_name(dev_alloc_name(dev->name_pattern));
  if (dev->netdev_ops && dev->netdev_ops->ndo_init) {
    int ret = dev->netdev_ops->ndo_init(dev);
    if (ret) return ret;
  }
  dev->ifindex = Net::current().next_ifindex++;
  dev->reg_state = NetregState::NETREG_REGISTERED;
  sim::Engine::current().mark_progress();
  note("register_netdevice " + dev->name());
  return 0;
}

int register_netdev(NetDevice* dev) {
  rtnl_lock();
  int ret = register_netdevice(dev);
  rtnl_unlock();
  return ret;
}

void unregister_netdevice(NetDevice* dev) {
  LL_FUNC();
  ASSERT_RTNL();
  sim::check_access(dev, "unregister_netdevice");
  if (dev->reg_state != NetregState::NETREG_REGISTERED) {
    sim::warn("WARNING: unregister_netdevice of " + dev->name() + " which is not registered");
    return;
  }
  dev->reg_state = NetregState::NETREG_UNREGISTERING;
  if (netif_running(dev)) dev_close(dev);
  phy_lifecycle_disconnected(dev, /*unregistering=*/true);
  if (dev->netdev_ops && dev->netdev_ops->ndo_uninit) dev->netdev_ops->ndo_uninit(dev);
  dev->reg_state = NetregState::NETREG_UNREGISTERED;
  sim::Engine::current().mark_progress();
  note("unregister_netdevice " + dev->name());
}

void unregister_netdev(NetDevice* dev) {
  rtnl_lock();
  unregister_netdevice(dev);
  rtnl_unlock();
}

void free_netdev(NetDevice* dev) {
  if (!dev) return;
  dev->reg_state = NetregState::NETREG_RELEASED;
  sim::kfree(dev);
}

int dev_open(NetDevice* dev) {
  LL_FUNC();
  ASSERT_RTNL();
  sim::check_access(dev, "dev_open");
  if (netif_running(dev)) return 0;
  if (dev->reg_state != NetregState::NETREG_REGISTERED) return -ENODEV;
  int ret = 0;
  if (dev->netdev_ops && dev->netdev_ops->ndo_open) ret = dev->netdev_ops->ndo_open(dev);
  if (ret) {
    note("ip link set " + dev->name() + " up: " + core::errno_name(ret));
    return ret;
  }
  dev->flags |= IFF_UP;
  note(dev->name() + " is up");
  return 0;
}

void dev_close(NetDevice* dev) {
  LL_FUNC();
  ASSERT_RTNL();
  sim::check_access(dev, "dev_close");
  if (!netif_running(dev)) return;
  call_netdevice_notifiers(NETDEV_GOING_DOWN, dev);
  if (dev->netdev_ops && dev->netdev_ops->ndo_stop) dev->netdev_ops->ndo_stop(dev);
  dev->flags &= ~IFF_UP;
  note(dev->name() + " is down");
}

int register_netdevice_notifier(core::NotifierBlock* nb) {
  return core::raw_notifier_chain_register(&Net::current().netdev_chain, nb);
}

int unregister_netdevice_notifier(core::NotifierBlock* nb) {
  return core::raw_notifier_chain_unregister(&Net::current().netdev_chain, nb);
}

int call_netdevice_notifiers(NetdevCmd cmd, NetDevice* dev) {
  ASSERT_RTNL();
  return core::raw_notifier_call_chain(&Net::current().netdev_chain, cmd, dev);
}

void netif_carrier_on(NetDevice* dev) {
  if (!dev) sim::null_deref("netif_carrier_on(netdev)");
  sim::check_access(dev, "netif_carrier_on");
  if (dev->carrier) return;
  dev->carrier = true;
  ++dev->carrier_changes;
  carrier_changed(dev);
  note(dev->name() + ": carrier on");
}

void netif_carrier_off(NetDevice* dev) {
  if (!dev) sim::null_deref("netif_carrier_off(netdev)");
  sim::check_access(dev, "netif_carrier_off");
  if (!dev->carrier) return;
  dev->carrier = false;
  ++dev->carrier_changes;
  carrier_changed(dev);
  note(dev->name() + ": carrier off");
}

bool netif_carrier_ok(const NetDevice* dev) {
  sim::check_access(dev, "netif_carrier_ok");
  return dev->carrier;
}

int ethtool_set_link(NetDevice* dev, const EthtoolRequest& req) {
  LL_FUNC();
  rtnl_lock();
  int ret = -EOPNOTSUPP;
  if (dev->netdev_ops && dev->netdev_ops->set_link_ksettings) {
    // ethtool(8) reads the current settings and changes what was asked.
    PhyDevice* phydev = dev->phydev.get();
    EthtoolLinkSettings cmd;
    if (phydev) {
      cmd.autoneg = phydev->autoneg;
      cmd.speed = phydev->speed;
      cmd.duplex = phydev->duplex;
      cmd.advertising = phydev->advertising;
    }
    if (req.autoneg) cmd.autoneg = *req.autoneg ? AUTONEG_ENABLE : AUTONEG_DISABLE;
    if (req.speed) cmd.speed = *req.speed;
    if (req.duplex) cmd.duplex = *req.duplex;
    if (req.advertising)
      cmd.advertising = *req.advertising;
    else if (cmd.autoneg == AUTONEG_ENABLE && req.speed && req.duplex) {
      cmd.advertising = link_mode_for(*req.speed, *req.duplex);
      linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, cmd.advertising);
    }
    ret = dev->netdev_ops->set_link_ksettings(dev, cmd);
    if (ret == 0) {
      // phy-loss=replay keeps what the user asked for, to apply it again.
      dev->journal.autoneg = cmd.autoneg;
      if (cmd.autoneg == AUTONEG_DISABLE) {
        dev->journal.speed = cmd.speed;
        dev->journal.duplex = cmd.duplex;
      }
      if (cmd.advertising.any()) dev->journal.advertising = cmd.advertising;
    }
  }
  rtnl_unlock();
  note("ethtool -s " + dev->name() + ": " + (ret ? core::errno_name(ret) : std::string("ok")));
  return ret;
}

int ethtool_set_wol(NetDevice* dev, uint32_t wolopts) {
  LL_FUNC();
  rtnl_lock();
  int ret = -EOPNOTSUPP;
  if (dev->netdev_ops && dev->netdev_ops->set_wol) ret = dev->netdev_ops->set_wol(dev, wolopts);
  if (ret == 0) {
    dev->wol_enabled = wolopts != 0;
    dev->journal.wolopts = wolopts;
  }
  rtnl_unlock();
  note("ethtool -s " + dev->name() + " wol: " + (ret ? core::errno_name(ret) : std::string("ok")));
  return ret;
}

NetDevice* dev_get_by_name(std::string_view name) {
  for (NetDevice* d : Net::current().netdevs)
    if (d->reg_state == NetregState::NETREG_REGISTERED && d->name() == name) return d;
  return nullptr;
}

}  // namespace lifeline::net
