// SPDX-License-Identifier: GPL-2.0-only
// The DSA core (net/dsa/dsa.c, port.c, user.c, conduit.c of Linux v6.12),
// reduced to lifecycle: one struct device per switch chip (ds->dev) owns
// the netdev of every user port; CPU ports reach their conduit through the
// "ethernet" phandle; the PHYs of user ports are attached from the switch's
// probe (dsa_user_phy_setup()), not at ndo_open.
//
// Trees: every bundled board has one switch per tree, so a tree is complete
// as soon as its only switch registers (dsa_tree_setup() runs from that
// probe). Ports with a "link" phandle (cross-chip DSA ports) become
// DSA_PORT_TYPE_DSA with phylink and no netdev, as in the kernel, but no
// routing table between chips is modelled.
#ifndef LIFELINE_NET_DSA_DSA_H_
#define LIFELINE_NET_DSA_DSA_H_

#include <string>
#include <vector>

#include "lifeline/net/phy_interface.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Bus;
class Device;
class FwNode;
struct DeviceLink;
}  // namespace lifeline::core

namespace lifeline::net {

class MiiBus;
class NetDevice;
class Phylink;
struct DsaSwitch;
struct DsaSwitchTree;

enum class DsaPortType : uint8_t {
  DSA_PORT_TYPE_UNUSED,
  DSA_PORT_TYPE_CPU,
  DSA_PORT_TYPE_DSA,
  DSA_PORT_TYPE_USER,
};
const char* dsa_port_type_name(DsaPortType t);  // "unused", "cpu", "dsa", "user"

// struct dsa_port: not a device.
struct DsaPort : sim::Object {
  DsaPort() : sim::Object("dsa_port", "") {}
  DsaSwitch* ds = nullptr;
  int index = 0;  // the port node's "reg"
  DsaPortType type = DsaPortType::DSA_PORT_TYPE_UNUSED;
  core::FwNode* dn = nullptr;
  std::string label;             // "label": the user netdev's name; empty -> "eth%d"
  NetDevice* conduit = nullptr;  // CPU port: the netdev its "ethernet" phandle names
  DsaPort* cpu_dp = nullptr;     // user port: the CPU port it goes through
  NetDevice* user = nullptr;     // user port: its netdev (dp->user)
  Phylink* pl = nullptr;         // dp->pl: user ports, and CPU/DSA ports with a link
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;  // phy-mode (of_get_phy_mode())
  bool setup = false;
  bool lost = false;                 // its setup failed and it was set up as unused
  core::Device* port_dev = nullptr;  // phy-loss=port-device: the port's own device
};

// What a switch driver gives the DSA core (struct dsa_switch_ops, reduced).
struct DsaSwitchOps {
  // ds->ops->setup(): registers the switch's own MDIO buses (mv88e6xxx,
  // ksz, mt7530 do it here, inside dsa_register_switch()).
  int (*setup)(DsaSwitch* ds) = nullptr;
  void (*teardown)(DsaSwitch* ds) = nullptr;
  // ds->ops->phy_read: DSA then makes ds->user_mii_bus itself when the
  // driver set none ("dsa-%d.%d").
  bool phy_read = false;
  // The PHYs that answer through phy_read at the user ports' addresses
  // (mdiobus_register()'s scan of that bus, which reads them through
  // ds->ops->phy_read): registers them on `bus`. 0 or -errno.
  int (*scan_user_mii_bus)(DsaSwitch* ds, MiiBus* bus) = nullptr;
};

// struct dsa_switch
struct DsaSwitch : sim::Object {
  DsaSwitch() : sim::Object("dsa_switch", "") {}
  core::Device* dev = nullptr;  // ds->dev: owns every user netdev
  const DsaSwitchOps* ops = nullptr;
  void* priv = nullptr;
  DsaSwitchTree* dst = nullptr;
  int index = 0;                     // second cell of "dsa,member"
  MiiBus* user_mii_bus = nullptr;    // ds->user_mii_bus
  bool user_mii_bus_is_dsa = false;  // DSA allocated it (ops->phy_read)
  std::vector<DsaPort*> ports;       // in the order of the port nodes
  bool setup = false;
  // phy-loss=port-device: the bus of the per-port devices (else nullptr).
  core::Bus* port_bus = nullptr;
  // Driven by lifeline's default switch model (no catalog entry).
  bool default_model = false;
};

struct DsaSwitchTree : sim::Object {
  DsaSwitchTree() : sim::Object("dsa_switch_tree", "") {}
  int index = 0;  // first cell of "dsa,member"
  std::vector<DsaSwitch*> switches;
  bool setup = false;
};

// dsa_register_switch(): parses the ports (-EPROBE_DEFER while a CPU
// port's conduit netdev does not exist), then sets the tree up: switches
// (ds->ops->setup, the user MII bus), CPU/DSA ports (any error fatal), user
// ports (an error sets the port up as unused: lost until the switch
// re-probes), the conduits (device link ds->dev -> conduit's parent).
int dsa_register_switch(DsaSwitch* ds);
// dsa_unregister_switch(): tears the ports down (user ports first), then
// the switch (ds->ops->teardown).
void dsa_unregister_switch(DsaSwitch* ds);

// Per execution, from net_create(): no switch registered yet.
void dsa_init();
// The switches registered in this execution (for reports).
std::vector<DsaSwitch*> dsa_switches();

// phy-loss=port-device: the bus of the per-port devices that own the user
// netdevs (net/designs/phy_loss_port_device.cc registers it).
core::Bus* dsa_port_bus_register();

// user.c
int dsa_user_create(DsaPort* dp, core::Device* owner);
void dsa_user_destroy(NetDevice* user_dev);
// The port a user netdev belongs to, or nullptr for any other netdev.
DsaPort* dsa_user_to_port(const NetDevice* dev);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DSA_DSA_H_
