// SPDX-License-Identifier: GPL-2.0-only
// struct net_device: registration, open/stop under rtnl, carrier.
#ifndef LIFELINE_NET_NETDEVICE_H_
#define LIFELINE_NET_NETDEVICE_H_

#include <functional>
#include <optional>
#include <string>

#include "lifeline/core/notifier.h"
#include "lifeline/net/link_mode.h"
#include "lifeline/net/phy_journal.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class NetDevice;
class PhyDevice;
struct EthtoolOps;
class Phylink;
class SfpBus;

struct EthtoolLinkSettings;

struct NetDeviceOps {
  std::function<int(NetDevice*)> ndo_init;
  std::function<void(NetDevice*)> ndo_uninit;
  std::function<int(NetDevice*)> ndo_open;
  std::function<int(NetDevice*)> ndo_stop;
  // ethtool_ops: phylink_ethtool_ksettings_set() or phy_ethtool_set_link_ksettings().
  std::function<int(NetDevice*, const EthtoolLinkSettings&)> set_link_ksettings;
  std::function<int(NetDevice*, uint32_t wolopts)> set_wol;
};

enum class NetregState : uint8_t {
  NETREG_UNINITIALIZED,
  NETREG_REGISTERED,
  NETREG_UNREGISTERING,
  NETREG_UNREGISTERED,
  NETREG_RELEASED,
};

inline constexpr unsigned IFF_UP = 1u << 0;

class NetDevice : public sim::Object {
 public:
  NetDevice() : sim::Object("net_device", "") {}

  std::string name_pattern = "eth%d";  // alloc_netdev()'s name
  int ifindex = 0;
  unsigned flags = 0;
  bool carrier = false;  // !__LINK_STATE_NOCARRIER
  NetregState reg_state = NetregState::NETREG_UNINITIALIZED;
  const NetDeviceOps* netdev_ops = nullptr;
  // netdev->ethtool_ops, the get side (net/ethtool.h); the set ops are in NetDeviceOps.
  const EthtoolOps* ethtool_ops = nullptr;
  core::Device* parent = nullptr;   // dev.parent: the device that owns it (SET_NETDEV_DEV)
  core::FwNode* of_node = nullptr;  // dev.of_node: the MAC or port node
  sim::Ptr<PhyDevice> phydev;       // netdev->phydev
  sim::Ptr<SfpBus> sfp_bus;         // netdev->sfp_bus: set by the upstream's attach
  Phylink* phylink = nullptr;       // for reports: the MAC's phylink instance
  void* priv = nullptr;             // netdev_priv()
  bool wol_enabled = false;         // netdev->ethtool->wol_enabled
  int carrier_changes = 0;
  PhyJournal journal;  // phy-loss=replay: how the PHY was configured
};

// alloc_etherdev(): an unregistered netdev named "eth%d" until registered.
NetDevice* alloc_etherdev();
// register_netdev(): takes rtnl; register_netdevice() expects it held. The
// name becomes the lowest free ethN; ndo_init runs.
int register_netdev(NetDevice* dev);
int register_netdevice(NetDevice* dev);
// unregister_netdev(): takes rtnl; closes the device if up, runs ndo_uninit.
void unregister_netdev(NetDevice* dev);
void unregister_netdevice(NetDevice* dev);
void free_netdev(NetDevice* dev);

// dev_open()/dev_close() under rtnl: what `ip link set IF up|down` does.
// dev_close() tells the netdev notifier chain NETDEV_GOING_DOWN before
// ndo_stop, as __dev_close_many() does, so that a listener (DSA) can close
// what depends on the device while it still works.
int dev_open(NetDevice* dev);
void dev_close(NetDevice* dev);

// The netdev notifier chain (enum netdev_cmd, include/linux/netdevice.h):
// a raw chain serialised by rtnl. Only the events something in the model
// listens to are sent.
enum NetdevCmd : unsigned long {
  NETDEV_GOING_DOWN = 10,  // from __dev_close_many(), before ndo_stop
};
// register_netdevice_notifier(): from module init (dsa_init_module()),
// before any netdev exists, so no NETDEV_REGISTER replay is needed.
int register_netdevice_notifier(core::NotifierBlock* nb);
int unregister_netdevice_notifier(core::NotifierBlock* nb);
// call_netdevice_notifiers(): under rtnl.
int call_netdevice_notifiers(NetdevCmd cmd, NetDevice* dev);

void netif_carrier_on(NetDevice* dev);
void netif_carrier_off(NetDevice* dev);
bool netif_carrier_ok(const NetDevice* dev);
inline bool netif_running(const NetDevice* dev) { return dev->flags & IFF_UP; }

NetDevice* dev_get_by_name(std::string_view name);

// What `ethtool -s IF ...` asks for; unset fields keep their value.
struct EthtoolRequest {
  std::optional<int> speed;
  std::optional<Duplex> duplex;
  std::optional<bool> autoneg;
  std::optional<LinkModes> advertising;
};
// ethnl linkmodes set: under rtnl, through the netdev's ethtool ops. With
// autoneg on and a speed/duplex but no advertise list, ethtool(8) itself
// turns speed/duplex into the matching single advertised mode.
int ethtool_set_link(NetDevice* dev, const EthtoolRequest& req);
int ethtool_set_wol(NetDevice* dev, uint32_t wolopts);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_NETDEVICE_H_
