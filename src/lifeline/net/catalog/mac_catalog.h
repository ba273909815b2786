// SPDX-License-Identifier: GPL-2.0-only
// Facts about real MAC drivers that matter to lifecycle, keyed by the
// compatible of the MAC's device-tree node. Each entry says where in the
// kernel the facts were read, so a reviewer can check them.
#ifndef LIFELINE_NET_CATALOG_MAC_CATALOG_H_
#define LIFELINE_NET_CATALOG_MAC_CATALOG_H_

#include <span>
#include <string_view>

namespace lifeline::net {

// How the MAC driver talks to its PHY.
enum class PhyApi : unsigned char {
  kPhylib,   // phy_connect()/of_phy_connect() with an adjust_link callback
  kPhylink,  // phylink_create() + phylink_of_phy_connect()/phylink_fwnode_phy_connect()
};

// When the MAC attaches its PHY.
enum class PhyConnect : unsigned char {
  kAtProbe,  // during the driver's probe (a missing PHY driver gets genphy at boot)
  kAtOpen,   // in ndo_open (ifup), detached again in ndo_stop
};

// How the MDIO bus described by a child node of the MAC is registered.
enum class MdioRegister : unsigned char {
  kNone,            // the MAC has no MDIO bus of its own
  kAtProbe,         // of_mdiobus_register() from the MAC's probe
  kAtNdoInit,       // from ndo_init (register_netdev)
  kSeparateDevice,  // the child mdio node is its own platform device/driver
};

// How many netdevs one device of this driver registers.
enum class NetdevShape : unsigned char {
  kOne,      // one netdev per device
  kPerPort,  // one netdev per enabled port child node (several netdevs, one struct device)
};

struct MacInfo {
  std::string_view compatible;   // one compatible per entry
  std::string_view driver;       // driver name in /sys/bus/<bus>/drivers/
  std::string_view module;       // module name as lsmod shows it
  std::string_view bus;          // "platform", "pci", ...
  PhyApi phy_api;
  PhyConnect connect;
  MdioRegister mdio;
  // Bus id of the MAC's own MDIO bus as the driver names it, with "{}" for a
  // per-instance number or "{dev}" for the device name: "stmmac-{}",
  // "{dev}-mii" ... Empty when mdio == kNone or kSeparateDevice.
  std::string_view mdio_bus_id;
  NetdevShape shape;
  // For kPerPort: where the port nodes are: the name of a container child
  // ("ethernet-ports") or empty when ports are direct children; and the
  // compatible or node-name prefix that marks a port ("mediatek,eth-mac",
  // "port", "ethernet-port").
  std::string_view ports_container;
  std::string_view port_match;
  // PCS the driver creates or looks up for itself: "none", "lynx",
  // "xpcs", "mvneta-internal", "mvpp2-internal", "miic", "mtk-lynxi", ...
  std::string_view pcs;
  std::string_view source;  // kernel files/functions the facts were read from
};

std::span<const MacInfo> mac_catalog();
// The entry for the first of a node's compatibles that the catalog knows.
const MacInfo* find_mac(std::string_view compatible);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_MAC_CATALOG_H_
