// SPDX-License-Identifier: GPL-2.0-only
// A MAC driver built from a catalog entry (catalog/mac_catalog.h): the same
// lifecycle code for every MAC, parameterised by the facts that matter —
// phylib or phylink, PHY connected at probe or at ndo_open, MDIO bus from
// probe or a separate device, one netdev or one per port.
#ifndef LIFELINE_NET_MAC_DRIVER_H_
#define LIFELINE_NET_MAC_DRIVER_H_

#include <string>
#include <vector>

#include "lifeline/net/phy_interface.h"
#include "lifeline/sim/object.h"

namespace lifeline::core {
class Bus;
class Device;
class Driver;
class FwNode;
}  // namespace lifeline::core

namespace lifeline::net {

struct MacInfo;
struct MacLifecycle;
class MiiBus;
class NetDevice;
class Phylink;
struct PhylinkPcs;

struct MacPort : sim::Object {
  MacPort() : sim::Object("mac_port", "") {}
  const MacInfo* info = nullptr;
  const MacLifecycle* lifecycle = nullptr;            // as MacPriv::lifecycle
  core::FwNode* node = nullptr;                       // the MAC node, or the port's node
  phy_interface_t interface = PHY_INTERFACE_MODE_NA;  // of_get_phy_mode()
  NetDevice* ndev = nullptr;
  Phylink* pl = nullptr;
  core::Device* port_dev = nullptr;  // phy-loss=port-device: the port's own device
  // The PCSs the driver made for this port (net/mac_pcs.cc): mvneta's one,
  // mvpp2's GMAC and XLG, or one from "pcs-handle".
  PhylinkPcs* pcs = nullptr;
  PhylinkPcs* pcs_xlg = nullptr;
};

struct MacPriv : sim::Object {
  MacPriv() : sim::Object("mac_priv", "") {}
  const MacInfo* info = nullptr;
  // The facts its ethtool ops, ndo_stop and remove() follow: the catalog
  // entry's, or those a `mac-facts` line gave this MAC.
  const MacLifecycle* lifecycle = nullptr;
  core::Device* dev = nullptr;
  std::vector<MacPort*> ports;
  MiiBus* mdio = nullptr;                  // the bus its probe registered
  core::Device* mdio_child_dev = nullptr;  // a separate MDIO device it created
};

// The buses MAC drivers need besides their own.
struct MacBuses {
  core::Bus* platform = nullptr;  // for an MDIO device the MAC creates (GENET)
  core::Bus* port = nullptr;      // phy-loss=port-device: one device per port
};

// Makes `drv` the driver for `infos`, catalog entries of one driver name
// (probe, remove, an OF match table with each compatible; probe uses the
// entry the device's node matched). The caller sets its bus (and any
// bus-specific ID table).
void mac_driver_setup(core::Driver* drv, const std::vector<const MacInfo*>& infos,
                      const MacBuses& buses);
// Creates (does not register) the driver for `info` on `bus`.
core::Driver* mac_driver_create(const MacInfo& info, core::Bus* bus, const MacBuses& buses);
// The port bus of phy-loss=port-device.
core::Bus* mac_port_bus_register();

// Whether a node is a port of a MAC of this kind (for kPerPort shapes).
std::vector<core::FwNode*> mac_port_nodes(const MacInfo& info, core::FwNode* mac_node);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_MAC_DRIVER_H_
