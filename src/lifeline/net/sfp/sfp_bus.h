// SPDX-License-Identifier: GPL-2.0-only
// The SFP bus (drivers/net/phy/sfp-bus.c, include/linux/sfp.h): the
// rendezvous between an upstream (phylink, or a PHY with a cage behind it)
// and the socket (the cage driver, net/sfp/sfp.h). Both sides find the bus
// by the cage's firmware node; it is "registered" only while both exist, in
// whichever order they came. Every socket-to-upstream call is a no-op
// unless the bus is registered, as in the kernel.
//
// The locking is the design knob `sfp-lock` (net/designs/sfp_lock.h): each
// place sfp-bus.c and sfp.c take rtnl calls sfp_lock()/sfp_unlock(), which
// take rtnl (mainline), a dedicated mutex, or nothing.
#ifndef LIFELINE_NET_SFP_SFP_BUS_H_
#define LIFELINE_NET_SFP_SFP_BUS_H_

#include <bitset>
#include <string>
#include <vector>

#include "lifeline/net/link_mode.h"
#include "lifeline/net/phy_interface.h"
#include "lifeline/net/sfp/sfp_module.h"
#include "lifeline/sim/kref.h"
#include "lifeline/sim/mutex.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Device;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

class PhyDevice;
class SfpBus;
struct Sfp;
struct SfpSlot;

// DECLARE_PHY_INTERFACE_MASK()
using PhyInterfaceMask = std::bitset<PHY_INTERFACE_MODE_MAX>;

// struct sfp_upstream_ops. `upstream` is what sfp_bus_add_upstream() was
// given (a struct phylink, a struct phy_device).
struct SfpUpstreamOps {
  void (*attach)(sim::Object* upstream, SfpBus* bus) = nullptr;
  void (*detach)(sim::Object* upstream, SfpBus* bus) = nullptr;
  int (*module_insert)(sim::Object* upstream, const SfpEepromId* id) = nullptr;
  void (*module_remove)(sim::Object* upstream) = nullptr;
  int (*module_start)(sim::Object* upstream) = nullptr;
  void (*module_stop)(sim::Object* upstream) = nullptr;
  void (*link_down)(sim::Object* upstream) = nullptr;
  void (*link_up)(sim::Object* upstream) = nullptr;
  int (*connect_phy)(sim::Object* upstream, PhyDevice* phy) = nullptr;
  void (*disconnect_phy)(sim::Object* upstream, PhyDevice* phy) = nullptr;
};

// struct sfp_socket_ops (drivers/net/phy/sfp.h).
struct SfpSocketOps {
  void (*attach)(Sfp* sfp) = nullptr;
  void (*detach)(Sfp* sfp) = nullptr;
  void (*start)(Sfp* sfp) = nullptr;
  void (*stop)(Sfp* sfp) = nullptr;
  // ethtool -m: the module's identity and its A0h page.
  int (*module_info)(Sfp* sfp, std::string* info) = nullptr;
  int (*module_eeprom)(Sfp* sfp, std::vector<uint8_t>* data) = nullptr;
};

// struct sfp_module_caps (bus->caps in 6.12.117).
struct SfpModuleCaps {
  LinkModes link_modes;
  PhyInterfaceMask interfaces;
  bool may_have_phy = false;
  int port = 0;  // PORT_FIBRE, PORT_TP, PORT_DA
};

class SfpBus : public sim::Object {
 public:
  SfpBus() : sim::Object("sfp_bus", "") {}
  sim::Kref kref;
  const core::FwNode* fwnode = nullptr;  // the cage's node: the key
  // The socket side.
  const SfpSocketOps* socket_ops = nullptr;
  core::Device* sfp_dev = nullptr;
  sim::Ptr<Sfp> sfp;
  // The upstream side.
  const SfpUpstreamOps* upstream_ops = nullptr;
  sim::Ptr<sim::Object> upstream;
  sim::Ptr<PhyDevice> phydev;  // the module's PHY, once sfp_add_phy() succeeded
  SfpModuleCaps caps;
  bool registered = false;
  bool started = false;
};

// The execution's SFP state: the list of buses under sfp_mutex, the
// `sfp-lock=mutex` design's lock, and every bus ever made (for reports).
struct SfpState : sim::Object {
  SfpState() : sim::Object("sfp_state", "sfp") {}
  sim::Mutex sfp_mutex;
  std::vector<SfpBus*> sfp_buses;  // the kernel's sfp_buses list
  sim::Mutex sfp_bus_mutex;        // sfp-lock=mutex only
  // sfp_bus_release() calls per cage node, for `expect sfp CAGE bus`.
  std::vector<std::pair<const core::FwNode*, int>> releases;
  std::vector<SfpSlot*> slots;  // the physical cages, in first-use order
};
SfpState& sfp_state();

// sfp_lock()/sfp_unlock(): where sfp-bus.c and sfp.c take rtnl
// (net/designs/sfp_lock.h); sfp_lock_assert(): where phylink's upstream ops
// say ASSERT_RTNL().
void sfp_lock();
void sfp_unlock();
void sfp_lock_assert();

// ---- upstream side
// sfp_bus_find_fwnode(): the bus of the "sfp" phandle's node, with a
// reference; nullptr when there is no phandle or its node is disabled.
SfpBus* sfp_bus_find_fwnode(const core::FwNode* fwnode);
void sfp_bus_put(SfpBus* bus);
// Take sfp_lock() themselves: never call them with it held.
int sfp_bus_add_upstream(SfpBus* bus, sim::Object* upstream, const SfpUpstreamOps* ops);
void sfp_bus_del_upstream(SfpBus* bus);
// Called with the upstream's lock (rtnl) held.
void sfp_upstream_start(SfpBus* bus);
void sfp_upstream_stop(SfpBus* bus);
// sfp_get_name(): the cage device's name.
std::string sfp_get_name(const SfpBus* bus);

int sfp_get_module_info(SfpBus* bus, std::string* info);
int sfp_get_module_eeprom(SfpBus* bus, std::vector<uint8_t>* data);

// What a module supports, from the caps sfp_module_insert() recorded.
void sfp_parse_support(const SfpBus* bus, const SfpEepromId* id, LinkModes* support,
                       PhyInterfaceMask* interfaces);
int sfp_parse_port(const SfpBus* bus, const SfpEepromId* id, LinkModes* support);
bool sfp_may_have_phy(const SfpBus* bus, const SfpEepromId* id);
phy_interface_t sfp_select_interface(const SfpBus* bus, const LinkModes& link_modes);

// ---- socket side
SfpBus* sfp_register_socket(core::Device* dev, Sfp* sfp, const SfpSocketOps* ops);
void sfp_unregister_socket(SfpBus* bus);
int sfp_add_phy(SfpBus* bus, PhyDevice* phydev);
void sfp_remove_phy(SfpBus* bus);
void sfp_link_up(SfpBus* bus);
void sfp_link_down(SfpBus* bus);
int sfp_module_insert(SfpBus* bus, const SfpEepromId* id, bool quirk_2500basex);
void sfp_module_remove(SfpBus* bus);
int sfp_module_start(SfpBus* bus);
void sfp_module_stop(SfpBus* bus);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_SFP_SFP_BUS_H_
