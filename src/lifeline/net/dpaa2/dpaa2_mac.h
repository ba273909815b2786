// SPDX-License-Identifier: GPL-2.0-only
// struct dpaa2_mac and dpaa2_mac_connect()/dpaa2_mac_disconnect()
// (drivers/net/ethernet/freescale/dpaa2/dpaa2-mac.c, v6.12): the phylink
// side of a DPNI's netdev when the MC firmware connects the DPNI to a DPMAC
// of link type PHY or BACKPLANE.
#ifndef LIFELINE_NET_DPAA2_DPAA2_MAC_H_
#define LIFELINE_NET_DPAA2_DPAA2_MAC_H_

#include <string>

#include "lifeline/dt/bus_devices.h"
#include "lifeline/net/phy_interface.h"
#include "lifeline/sim/object.h"

namespace lifeline::net {

class NetDevice;
class Phylink;
struct PhylinkPcs;

// enum dpmac_link_type, from dpmac_get_attributes().
enum class DpmacLinkType : uint8_t { kNone, kFixed, kPhy, kBackplane };

struct Dpaa2Mac : sim::Object {
  Dpaa2Mac() : sim::Object("dpaa2_mac", "") {}
  dt::FslMcDevice* mc_dev = nullptr;  // the DPMAC object (a reference held)
  NetDevice* net_dev = nullptr;
  core::FwNode* fw_node = nullptr;  // dpaa2_mac_get_node()
  DpmacLinkType link_type = DpmacLinkType::kNone;
  phy_interface_t if_mode = PHY_INTERFACE_MODE_NA;
  bool eth_if_rgmii = false;
  Phylink* phylink = nullptr;
  PhylinkPcs* pcs = nullptr;
};

// What netdev_err() prints a netdev as: its name, or before
// register_netdev() "dpni.0 (unnamed net_device)".
std::string netdev_label(const NetDevice* net_dev);

// dpaa2_mac_open(): the DPMAC's firmware attributes (link type, eth_if) and
// its node.
int dpaa2_mac_open(Dpaa2Mac* mac);
bool dpaa2_mac_is_type_phy(const Dpaa2Mac* mac);
// dpaa2_mac_connect(): the PCS from "pcs-handle" (dpaa2_pcs_create()),
// phylink_create(), phylink_fwnode_phy_connect() under rtnl.
int dpaa2_mac_connect(Dpaa2Mac* mac);
void dpaa2_mac_disconnect(Dpaa2Mac* mac);
void dpaa2_mac_start(Dpaa2Mac* mac);
void dpaa2_mac_stop(Dpaa2Mac* mac);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_DPAA2_DPAA2_MAC_H_
