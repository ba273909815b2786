// SPDX-License-Identifier: GPL-2.0-only
// Facts about real MAC drivers that matter to lifecycle, keyed by the
// compatible of the MAC's device-tree node. Each entry says where in the
// kernel the facts were read, so a reviewer can check them.
#ifndef LIFELINE_NET_CATALOG_MAC_CATALOG_H_
#define LIFELINE_NET_CATALOG_MAC_CATALOG_H_

#include <cerrno>
#include <span>
#include <string_view>

#include "lifeline/net/catalog/bus_id.h"

namespace lifeline::core {
class FwNode;
}

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

// How an ethtool get op of the driver reaches the PHY (struct ethtool_ops).
// The difference matters once netdev->phydev is NULL (a MAC that connects
// at ndo_open, after ifdown) or dangling (its PHY was freed).
enum class PhydevUse : unsigned char {
  kAbsent,     // the driver has no such op: the core answers -EOPNOTSUPP
  kNone,       // the op reads MAC state only, never netdev->phydev
  kChecked,    // it checks netdev->phydev first (-ENODEV / -EOPNOTSUPP), or
               // uses phy_ethtool_get_link_ksettings(), which does
  kRunning,    // it checks netif_running() first (fec: -ENETDOWN), then uses
               // netdev->phydev without a check
  kUnchecked,  // it passes netdev->phydev to phylib without a check
  kPhylink,    // phylink_ethtool_*(), which checks pl->phydev
};

// The order of the MAC's remove() for the MDIO bus its probe registered.
enum class RemoveOrder : unsigned char {
  kNetdevFirst,  // unregister_netdev() (ndo_stop: phy_disconnect) before mdiobus_unregister()
  kMdioFirst,    // mdiobus_unregister() first: the PHY is freed under the up netdev
};

// The lifecycle facts that distinguish real MAC drivers beyond how they
// attach their PHY: what their ethtool get ops, ndo_stop and remove() do
// with netdev->phydev. `source` names the kernel functions that show them.
struct MacLifecycle {
  PhydevUse get_link_ksettings = PhydevUse::kChecked;
  PhydevUse get_eee = PhydevUse::kAbsent;
  PhydevUse get_pauseparam = PhydevUse::kNone;
  // get_link_ksettings refuses a down interface (bcmgenet: -EINVAL).
  bool link_ksettings_needs_running = false;
  // What a kChecked get_eee returns without a PHY (a positive errno).
  int eee_no_phydev_err = ENODEV;
  // A kNone get_pauseparam: the MAC's own flow-control state after probe
  // (bcmgenet_probe(): autoneg_pause, tx_pause, rx_pause all 1; fec_probe():
  // FEC_PAUSE_FLAG_AUTONEG only).
  bool pause_autoneg = true;
  bool pause_rx_tx = true;
  // ndo_stop checks netdev->phydev before phy_stop()/phy_disconnect().
  bool stop_checks_phydev = false;
  RemoveOrder remove_order = RemoveOrder::kNetdevFirst;
  std::string_view source;
};

struct MacInfo {
  std::string_view compatible;  // one compatible per entry
  std::string_view driver;      // driver name in /sys/bus/<bus>/drivers/
  std::string_view module;      // module name as lsmod shows it
  std::string_view bus;         // "platform", "pci", ...
  PhyApi phy_api;
  PhyConnect connect;
  MdioRegister mdio;
  // Bus id of the MAC's own MDIO bus as the driver names it, in the format of
  // bus_id.h: "stmmac-{:x}", "{dev}-{:x}", "{node}" ... Empty when mdio ==
  // kNone, or kSeparateDevice where the controller's own catalog entry names
  // the bus; for a separate device the MAC allocates itself (GENET) it is the
  // resulting id, because the MAC chooses the number.
  std::string_view mdio_bus_id;
  NetdevShape shape;
  // For kPerPort: where the port nodes are: the name of a container child
  // ("ethernet-ports") or empty when ports are direct children; and the
  // compatible or node-name prefix that marks a port ("mediatek,eth-mac",
  // "port", "ethernet-port"), or "*" when every available child is a port.
  std::string_view ports_container;
  std::string_view port_match;
  // PCS the driver creates or looks up for itself: "none", "lynx",
  // "xpcs", "mvneta-internal", "mvpp2-internal", "miic", "mtk-lynxi", ...
  std::string_view pcs;
  // Added to the contract: lifecycle facts the fields above had no room for.
  // How the driver finds the child node of its MDIO bus: a node name
  // ("mdio", "mdio-bus") or a compatible ("snps,dwmac-mdio"). Empty for kNone.
  std::string_view mdio_child;
  // Where the number in mdio_bus_id comes from.
  BusIdNumber mdio_bus_number;
  // kSeparateDevice only: the name of the MDIO platform device when the MAC
  // allocates it itself rather than from the DT node ("unimac-mdio.{}", with
  // mdio_bus_number); empty when the device gets the usual DT name.
  std::string_view mdio_device;
  // kSeparateDevice only: the MAC's probe creates the MDIO device and its
  // remove destroys it, so unbinding the MAC unregisters the bus and its PHYs.
  bool mdio_device_owned_by_mac;
  // The driver owning the netdev when that is not the MAC node's device:
  // FMan's MAC driver creates a "dpaa-ethernet.N" child that fsl_dpa binds.
  std::string_view netdev_driver;
  std::string_view source;  // kernel files/functions the facts were read from
  MacLifecycle lifecycle;
};

std::span<const MacInfo> mac_catalog();
// The entry for the first of a node's compatibles that the catalog knows.
const MacInfo* find_mac(std::string_view compatible);

// A real driver's lifecycle facts that no bundled board's MAC has, by name:
// another driver ("lan78xx-v4.14") or a driver before a fix
// ("axienet-v5.2"). A scenario's `mac-facts DEV NAME` line gives them to a
// board's MAC that attaches its PHY the same way (phylib, at ndo_open), so
// the bug they carry can be run on a bundled board.
struct MacFactsVariant {
  std::string_view name;
  std::string_view driver;  // the driver (and version) the facts are read from
  MacLifecycle lifecycle;
};
std::span<const MacFactsVariant> mac_facts_variants();
const MacFactsVariant* find_mac_facts(std::string_view name);
// Whether a `mac-facts` line can give `mac_node` a variant's facts: its MAC
// is in the catalog and attaches its PHY with phylib at ndo_open, as both
// variants' drivers do.
bool mac_facts_apply_to(const core::FwNode& mac_node);

}  // namespace lifeline::net

#endif  // LIFELINE_NET_CATALOG_MAC_CATALOG_H_
